import { describe, expect, it } from 'vitest';
import { explainApplication } from './explain.js';
import { encode } from './instance.js';
import { replaceDeclined } from './replace.js';
import { solveInstance } from './solve.js';
import { randomRound } from './testing.js';
import { verifyProposal } from './verify.js';

const inst = encode(randomRound('decline', 10, 40, { reviewers: { min: 3, max: 3 }, maxPerProvince: 2, maxLoad: 2, randomShare: 0.34, seed: 's1' }));
const first = solveInstance(inst).proposal;

describe('declines and replacements', () => {
  it('replaces a declined expert, keeps every other pair, and never re-proposes the decliner', () => {
    const declined = first.pairs.find((p) => p.source === 'optimized')!;
    const { proposal, replacements } = replaceDeclined(inst, first, [declined]);
    expect(replacements).toHaveLength(1);
    const r = replacements[0]!;
    expect(r.replacementExpertId).not.toBeNull();
    expect(r.replacementExpertId).not.toBe(declined.expertId);
    const key = (p: { applicationId: string; expertId: string }) => `${p.applicationId}:${p.expertId}`;
    const before = new Set(first.pairs.map(key));
    const after = new Set(proposal.pairs.map(key));
    // Every other pair is kept; the only new pairs are the replacement and seats that were unfilled.
    for (const p of first.pairs) if (p !== declined) expect(after.has(key(p))).toBe(true);
    const shortBefore = new Set(first.unfilled.map((u) => u.applicationId));
    const added = proposal.pairs.filter((p) => !before.has(key(p)));
    expect(added.filter((p) => !shortBefore.has(p.applicationId)).map(key)).toEqual([`${r.applicationId}:${r.replacementExpertId}`]);
    const v = verifyProposal(inst, proposal);
    expect(v).toMatchObject({ optimal: true, feasible: true, violations: [] });
    const why = explainApplication(inst, proposal, declined.applicationId, { expertIds: [declined.expertId] });
    expect(why.excluded[0]!.code).toBe('declined');
  });

  it('picks the best replacement: no eligible expert scores more than the one chosen', () => {
    const declined = first.pairs.find((p) => p.source === 'optimized')!;
    const { proposal, replacements } = replaceDeclined(inst, first, [declined]);
    const chosen = replacements[0]!;
    const why = explainApplication(inst, proposal, declined.applicationId, { limit: 40 });
    const open = why.excluded.filter((x) => x.code === 'lower-score' || x.code === 'needed-elsewhere');
    for (const x of open) expect(x.score <= chosen.score! || x.code === 'needed-elsewhere').toBe(true);
  });

  it('handles several declines at once, including a random pair, and a decline chain', () => {
    const random = first.pairs.find((p) => p.source === 'random')!;
    const optimized = first.pairs.filter((p) => p.source === 'optimized').slice(0, 2);
    const step1 = replaceDeclined(inst, first, [random, ...optimized]);
    expect(step1.replacements.every((r) => r.replacementExpertId !== null)).toBe(true);
    const again = step1.proposal.pairs.find((p) => p.expertId === step1.replacements[0]!.replacementExpertId && p.applicationId === random.applicationId)!;
    const step2 = replaceDeclined(inst, step1.proposal, [again]);
    expect(step2.proposal.forbidden).toHaveLength(4);
    expect(step2.proposal.pairs.some((p) => step2.proposal.forbidden.some((f) => f.applicationId === p.applicationId && f.expertId === p.expertId))).toBe(false);
    expect(verifyProposal(inst, step2.proposal).optimal).toBe(true);
  });

  it('returns null when nobody eligible is left', () => {
    const tiny = encode({ ...randomRound('t', 1, 2, { reviewers: { min: 1, max: 1 }, maxPerProvince: 2 }) });
    const p = solveInstance(tiny).proposal;
    let current = p;
    let last: ReturnType<typeof replaceDeclined> | null = null;
    for (let i = 0; i < 3 && current.pairs.length > 0; i++) { last = replaceDeclined(tiny, current, [current.pairs[0]!]); current = last.proposal; }
    expect(last?.replacements[0]?.replacementExpertId ?? null).toBeNull();
    expect(current.unfilled[0]?.mandatory).toBe(1);
  });
});
