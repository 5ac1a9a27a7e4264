import { describe, expect, it } from 'vitest';
import { encode } from './instance.js';
import { solveInstance } from './solve.js';
import { randomRound } from './testing.js';
import { verifyProposal } from './verify.js';

const inst = encode(randomRound('v', 12, 40, { reviewers: { min: 2, max: 3 }, maxPerProvince: 2, maxLoad: 2 }));
const { proposal } = solveInstance(inst);

describe('independent certificate check', () => {
  it('accepts the solver\'s proposal: primal = dual, no reduced-cost violation', () => {
    const v = verifyProposal(inst, proposal);
    expect(v).toMatchObject({ optimal: true, feasible: true, reducedCostViolations: 0 });
    expect(v.dualValue).toBe(v.value);
  });

  it('rejects a worse (but feasible) assignment under the same potentials', () => {
    const pair = proposal.pairs.find((p) => p.source === 'optimized')!;
    const worse = { ...proposal, pairs: proposal.pairs.filter((p) => p !== pair) };
    const v = verifyProposal(inst, worse);
    expect(v.optimal).toBe(false);
    expect(v.primalCost).toBeGreaterThan(v.dualBound);
  });

  it('rejects tampered potentials even when the pairs are optimal', () => {
    const busy = inst.expertIndex.get(proposal.pairs.find((p) => p.source === 'optimized')!.expertId)!;
    const experts = Float64Array.from(proposal.potentials.experts, (x, i) => (i === busy ? x - 5000 : x));
    const v = verifyProposal(inst, { ...proposal, potentials: { ...proposal.potentials, experts } });
    expect(v.optimal).toBe(false);
  });
});
