// After experts decline: keep every other pair fixed, forbid the declined pairs, and let the same
// min-cost flow fill only the vacated seats (a restricted flow, so replacements are optimal given
// what is already notified, and the result carries its own certificate).
import type { Instance } from './instance.js';
import { solveInstance, type Proposal } from './solve.js';
import type { Pair } from './types.js';

export interface Replacement {
  readonly applicationId: string;
  readonly declinedExpertId: string;
  readonly replacementExpertId: string | null;
  readonly score: number | null;
}

export function replaceDeclined(
  inst: Instance, proposal: Proposal, declines: readonly Pair[],
): { proposal: Proposal; replacements: readonly Replacement[] } {
  const isDeclined = (p: Pair) => declines.some((d) => d.applicationId === p.applicationId && d.expertId === p.expertId);
  const kept = proposal.pairs.filter((p) => !isDeclined(p));
  const forbidden = [...proposal.forbidden, ...declines.filter((d) => !proposal.forbidden.some((f) => f.applicationId === d.applicationId && f.expertId === d.expertId))];
  const { proposal: next, solution } = solveInstance(inst, { fixed: kept, forbidden, drawRandom: false });
  // Only the flow's own pairs are new; kept pairs keep their original source.
  const added = solution.pairs.map(([a, e, score]) => ({ applicationId: inst.apps[a]!.id, expertId: inst.experts[e]!.id, score }));
  const used = new Set<(typeof added)[number]>();
  const replacements = declines.map((d): Replacement => {
    const r = added.find((p) => p.applicationId === d.applicationId && !used.has(p));
    if (r) used.add(r);
    return { applicationId: d.applicationId, declinedExpertId: d.expertId, replacementExpertId: r?.expertId ?? null, score: r?.score ?? null };
  });
  return { proposal: { ...next, seed: proposal.seed }, replacements };
}
