import { describe, expect, it } from 'vitest';
import { encode, type Instance } from './instance.js';
import { networkShape } from './network.js';
import { solveInstance } from './solve.js';
import { app, expert, params, randomRound, round } from './testing.js';
import type { AssignmentParams } from './types.js';
import { verifyProposal } from './verify.js';

/** Best network cost by enumerating every panel of every application (tiny instances only). */
function bruteForce(inst: Instance): number {
  const { min, max } = inst.params.reviewers;
  const { maxLoad: L, maxPerProvince: k } = inst.params;
  const big = networkShape({ inst, fixed: [] }).big;
  const nE = inst.experts.length;
  const eligible = inst.apps.map((_, a) => [...Array(nE).keys()].filter((e) =>
    inst.experts[e]!.status === 'active' && inst.conflicts.get(a, e) === undefined));
  const subsets = (xs: number[], upTo: number): number[][] => {
    const out: number[][] = [[]];
    for (const x of xs) for (const s of [...out]) if (s.length < upTo) out.push([...s, x]);
    return out;
  };
  const load = inst.experts.map((e) => e.currentLoad);
  let best = Infinity;
  const go = (a: number, cost: number) => {
    if (a === inst.apps.length) { best = Math.min(best, cost); return; }
    for (const panel of subsets(eligible[a]!, max)) {
      const byProvince = new Map<number, number>();
      if (panel.some((e) => { const p = inst.expertProvince[e]!; byProvince.set(p, (byProvince.get(p) ?? 0) + 1); return byProvince.get(p)! > k || load[e]! + 1 > L; })) continue;
      const mandatory = Math.max(0, min - panel.length);
      const optional = max - panel.length - mandatory;
      const c = -panel.reduce((s, e) => s + inst.scorer.pair(a, e), 0) + big * mandatory + optional;
      for (const e of panel) load[e]!++;
      go(a + 1, cost + c);
      for (const e of panel) load[e]!--;
    }
  };
  go(0, 0);
  return best;
}

describe('min-cost flow assignment', () => {
  const variants: [string, Partial<AssignmentParams>][] = [
    ['exact R=2, k=1', {}],
    ['R in [1, 2], k=2', { reviewers: { min: 1, max: 2 }, maxPerProvince: 2 }],
    ['exact R=2, L=1 (scarce)', { maxLoad: 1 }],
    ['R in [2, 3], k=1', { reviewers: { min: 2, max: 3 } }],
  ];
  it.each(variants)('equals brute force on small random instances: %s', (_, over) => {
    for (let s = 0; s < 12; s++) {
      const inst = encode(randomRound(`bf-${s}`, 3, 5 + (s % 2), over));
      const { proposal } = solveInstance(inst);
      expect(proposal.objective.primalCost).toBe(bruteForce(inst));
      const v = verifyProposal(inst, proposal);
      expect(v.optimal).toBe(true);
      expect(v.dualBound).toBe(v.primalCost);
    }
  });

  it('certifies optimality on the full instance even when pricing must add columns', () => {
    const inst = encode(randomRound('cg', 30, 60, { reviewers: { min: 3, max: 3 }, maxPerProvince: 2, maxLoad: 2 }));
    const { proposal } = solveInstance(inst, { flow: { topOverall: 1 } });
    expect(proposal.stats.addedColumns).toBeGreaterThan(0);
    const v = verifyProposal(inst, proposal);
    expect(v).toMatchObject({ optimal: true, reducedCostViolations: 0, feasible: true });
    const { proposal: generous } = solveInstance(inst, { flow: { topOverall: 60 } });
    expect(generous.objective.primalCost).toBe(proposal.objective.primalCost);
  });

  it('respects the load limit L including current load', () => {
    const experts = [expert('busy', { currentLoad: 1, keywords: ['hydrogen'] }), expert('e2', { keywords: [] }), expert('e3', { keywords: [], province: 'GD' }), expert('e4', { keywords: [], province: 'SC' })];
    const inst = encode(round([app('a1'), app('a2')], experts, { params: params({ maxLoad: 2, maxPerProvince: 2 }) }));
    const { proposal } = solveInstance(inst);
    expect(proposal.pairs.filter((p) => p.expertId === 'busy')).toHaveLength(1);
    expect(verifyProposal(inst, proposal).optimal).toBe(true);
  });

  it('keeps at most k experts of one province on a panel, even at a lower score', () => {
    const experts = [expert('sh1'), expert('sh2'), expert('gd1', { province: 'GD', keywords: [] })];
    const inst = encode(round([app('a1')], experts, { params: params({ maxPerProvince: 1 }) }));
    const { proposal } = solveInstance(inst);
    expect(proposal.pairs.map((p) => p.expertId).sort()).toEqual(['gd1', 'sh1']);
  });

  it('never proposes a conflicting, suspended or retired expert', () => {
    const experts = [expert('own', { institutionId: 'a1-inst' }), expert('sus', { status: 'suspended' }), expert('ret', { status: 'retired', province: 'GD' }), expert('ok1'), expert('ok2', { province: 'GD' })];
    const inst = encode(round([app('a1')], experts));
    const { proposal } = solveInstance(inst);
    expect(proposal.pairs.map((p) => p.expertId).sort()).toEqual(['ok1', 'ok2']);
  });

  it('reports unfilled mandatory slots instead of failing when the pool is too small', () => {
    const inst = encode(round([app('a1'), app('a2')], [expert('only')], { params: params({ maxLoad: 1 }) }));
    const { proposal } = solveInstance(inst);
    expect(proposal.pairs).toHaveLength(1);
    expect(proposal.unfilled.reduce((s, u) => s + u.mandatory, 0)).toBe(3);
    expect(verifyProposal(inst, proposal).optimal).toBe(true);
  });
});

describe('random share (随机抽取)', () => {
  const input = randomRound('rs', 8, 40, { reviewers: { min: 4, max: 4 }, maxPerProvince: 2, maxLoad: 3, randomShare: 0.5, seed: 'round-2025-1' });

  it('draws round(share × min) per application, fixed before optimizing, within every constraint', () => {
    const inst = encode(input);
    const { proposal } = solveInstance(inst);
    for (const a of input.applications) {
      const random = proposal.pairs.filter((p) => p.applicationId === a.id && p.source === 'random');
      expect(random).toHaveLength(2);
      for (const p of random) expect(inst.scorer.sharesField(inst.appIndex.get(a.id)!, inst.expertIndex.get(p.expertId)!)).toBe(true);
    }
    expect(proposal.fixed).toHaveLength(16);
    expect(proposal.seed).toBe('round-2025-1');
    expect(verifyProposal(inst, proposal)).toMatchObject({ optimal: true, feasible: true, violations: [] });
  });

  it('is reproducible from the stored seed and changes with another seed', () => {
    const drawn = (seed: string) => solveInstance(encode({ ...input, params: { ...input.params, seed } })).proposal.pairs
      .filter((p) => p.source === 'random').map((p) => `${p.applicationId}:${p.expertId}`);
    expect(drawn('round-2025-1')).toEqual(drawn('round-2025-1'));
    expect(drawn('round-2025-2')).not.toEqual(drawn('round-2025-1'));
  });
});
