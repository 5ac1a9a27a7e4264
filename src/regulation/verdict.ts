// A verdict is what every rule returns and every screen renders (practice 1): the clause it
// applies, whether it is met, and why, in both languages. Screens never re-word a rule.

/** A sentence in both working languages. */
export type Text = { zh: string; en: string };

/**
 * met: true / false for machine-checked rules; 'manual' when the clause needs a human judgement
 * (the narrative conditions of a5–a8: "显著成绩", "引领示范作用" cannot be computed).
 */
export type Verdict = {
  clause: string;
  met: boolean | 'manual';
  because: Text;
  data?: Record<string, unknown>;
};

export const met = (clause: string, because: Text, data?: Record<string, unknown>): Verdict =>
  data ? { clause, met: true, because, data } : { clause, met: true, because };

export const unmet = (clause: string, because: Text, data?: Record<string, unknown>): Verdict =>
  data ? { clause, met: false, because, data } : { clause, met: false, because };

export const manual = (clause: string, because: Text, data?: Record<string, unknown>): Verdict =>
  data ? { clause, met: 'manual', because, data } : { clause, met: 'manual', because };

/** Verdicts that block: machine-checked and not met. Manual verdicts never block on their own. */
export const failing = (verdicts: readonly Verdict[]): Verdict[] => verdicts.filter((v) => v.met === false);

/** Overall: false if any failed, 'manual' if any awaits a judgement, true otherwise. */
export function overall(verdicts: readonly Verdict[]): boolean | 'manual' {
  if (verdicts.some((v) => v.met === false)) return false;
  if (verdicts.some((v) => v.met === 'manual')) return 'manual';
  return true;
}
