// Solves the assignment network by column generation: a min-cost flow on a pruned candidate set,
// then pricing of every left-out pair with the node potentials. A left-out pair whose reduced cost
// is negative joins the candidates and the flow is repaired; when none is left, the potentials are
// a dual certificate for the full instance (all non-conflicting pairs), not just the candidates.
import { INF_CAP, MinCostFlow } from './mcf.js';
import { markNonArcs, networkShape, nodeIds, selectCandidates, type FlowProblem, type NetworkShape } from './network.js';
import type { Potentials } from './types.js';

export interface FlowSolution {
  readonly shape: NetworkShape;
  /** Optimized pairs [application, expert, score]. */
  readonly pairs: readonly (readonly [number, number, number])[];
  readonly unfilledMandatory: Int32Array;
  readonly unfilledOptional: Int32Array;
  /** Σ cost·flow of the network (negative scores plus unfilled penalties). */
  readonly primalCost: number;
  readonly potentials: Potentials;
  /** Candidate pairs the final flow was solved on [application, expert, score] (for HiGHS). */
  readonly candidates: readonly (readonly [number, number, number])[];
  readonly stats: { candidates: number; pricingRounds: number; addedColumns: number; phases: number; augmentations: number; ms: number };
}

export interface FlowOptions {
  /** Candidates per application by overall score, on top of the best few per province. */
  readonly topOverall?: number;
  /** Columns added per application per pricing round (the most negative reduced costs). */
  readonly maxAddPerApp?: number;
}

export function solveFlow(problem: FlowProblem, options: FlowOptions = {}): FlowSolution {
  const t0 = performance.now();
  const { inst } = problem;
  const shape = networkShape(problem);
  const nA = inst.apps.length, nE = inst.experts.length, nP = shape.provinceCount;
  const id = nodeIds(nE, nA, nP);
  const { max } = inst.params.reviewers;
  const k = inst.params.maxPerProvince;
  const topOverall = options.topOverall ?? 3 * max + 10;
  const maxAdd = options.maxAddPerApp ?? 4 * max + 8;

  const g = new MinCostFlow(id.count, nE + nA * (nP + 2) + nA * (topOverall + nP * (k + 1)));
  for (let e = 0; e < nE; e++) if (shape.expertCap[e]! > 0) g.addArc(id.source, id.expert(e), shape.expertCap[e]!, 0);
  for (let a = 0; a < nA; a++) for (let p = 0; p < nP; p++) {
    const c = shape.groupCap[a * nP + p]!;
    if (c > 0) g.addArc(id.group(a, p), id.app(a), c, 0);
  }
  g.addArc(id.source, id.unfilled, INF_CAP, 0);
  const mandatoryArc = new Int32Array(nA).fill(-1);
  const optionalArc = new Int32Array(nA).fill(-1);
  let total = 0;
  for (let a = 0; a < nA; a++) {
    if (shape.mandatoryCap[a]! > 0) mandatoryArc[a] = g.addArc(id.unfilled, id.app(a), shape.mandatoryCap[a]!, shape.big);
    if (shape.optionalCap[a]! > 0) optionalArc[a] = g.addArc(id.unfilled, id.app(a), shape.optionalCap[a]!, shape.optionalCost);
    g.excess[id.app(a)] = -shape.demand[a]!;
    total += shape.demand[a]!;
  }
  g.excess[id.source] = total;

  // Candidates per application: expert → arc id.
  const candArcs = inst.apps.map(() => new Map<number, number>());
  const row = new Int32Array(nE);
  const skip = new Uint8Array(nE);
  const addPair = (a: number, e: number, score: number) =>
    candArcs[a]!.set(e, g.addArc(id.expert(e), id.group(a, inst.expertProvince[e]!), 1, -score));

  // Initial candidates: the best few overall, and the best k + 1 of every province so that the
  // diversity cap can be met. Pricing adds whatever else the optimum needs.
  // Scores are kept (int16: they lie in [0, SCORE_SCALE]) for the pricing pass, which would
  // otherwise recompute all applications × experts of them.
  const scores = new Int16Array(nA * nE);
  for (let a = 0; a < nA; a++) {
    inst.scorer.row(a, row);
    scores.set(row, a * nE);
    markNonArcs(inst, shape, a, skip);
    for (const e of selectCandidates(row, skip, inst.expertProvince, nP, topOverall, k + 1)) addPair(a, e, row[e]!);
  }
  g.initPotentials();
  const stats = { candidates: 0, pricingRounds: 0, addedColumns: 0, phases: 0, augmentations: 0, ms: 0 };
  const run = () => { const s = g.solve(); stats.phases += s.phases; stats.augmentations += s.augmentations; };
  run();

  const pi = g.pi;
  for (;;) {
    tighten(g, id.group(0, 0), id.group(nA - 1, nP - 1) + 1, 'down');
    tighten(g, id.expert(0), id.expert(nE - 1) + 1, 'up');
    stats.pricingRounds++;
    let added = 0;
    for (let a = 0; a < nA; a++) {
      const row = scores.subarray(a * nE, (a + 1) * nE);
      markNonArcs(inst, shape, a, skip);
      for (const e of candArcs[a]!.keys()) skip[e] = 1;
      const violators: [number, number][] = [];
      const base = id.group(a, 0);
      const ePi = id.expert(0);
      for (let e = 0; e < nE; e++) {
        if (skip[e]) continue;
        const rc = -row[e]! + pi[ePi + e]! - pi[base + inst.expertProvince[e]!]!;
        if (rc < 0) violators.push([rc, e]);
      }
      if (violators.length > maxAdd) violators.sort((x, y) => x[0] - y[0] || x[1] - y[1]).length = maxAdd;
      for (const [, e] of violators) { addPair(a, e, row[e]!); g.saturate(candArcs[a]!.get(e)!); added++; }
    }
    if (added === 0) break;
    stats.addedColumns += added;
    run();
  }

  const pairs: [number, number, number][] = [];
  const candidates: [number, number, number][] = [];
  let primalCost = 0;
  for (let arc = 0; arc < g.arcCount; arc += 2) primalCost += g.cost[arc]! * g.flow(arc);
  candArcs.forEach((m, a) => {
    for (const [e, arc] of m) {
      const score = -g.cost[arc]!;
      candidates.push([a, e, score]);
      if (g.flow(arc) > 0) pairs.push([a, e, score]);
    }
  });
  pairs.sort((x, y) => x[0] - y[0] || y[2] - x[2] || x[1] - y[1]);
  stats.candidates = candidates.length;
  stats.ms = performance.now() - t0;
  const flowOf = (arc: number) => (arc < 0 ? 0 : g.flow(arc));
  return {
    shape, pairs, candidates, primalCost, stats,
    unfilledMandatory: Int32Array.from(mandatoryArc, flowOf),
    unfilledOptional: Int32Array.from(optionalArc, flowOf),
    potentials: {
      source: pi[id.source]!,
      unfilled: pi[id.unfilled]!,
      experts: pi.slice(id.expert(0), id.expert(0) + nE),
      groups: pi.slice(id.group(0, 0), id.group(0, 0) + nA * nP),
      applications: pi.slice(id.app(0), id.app(0) + nA),
    },
  };
}

/**
 * Moves each node's potential to the end of its feasible interval (group nodes down, expert nodes
 * up) without breaking any residual arc's reduced cost. Nodes of one layer only touch other layers,
 * so each can move independently. Lower group and higher expert potentials make left-out pairs'
 * reduced costs (−score + π(expert) − π(group)) as large as possible, so pricing adds only pairs
 * that can really improve the objective.
 */
function tighten(g: MinCostFlow, from: number, to: number, direction: 'down' | 'up'): void {
  const { start, arcs } = g.adjacency();
  const { pi, cap, cost } = g;
  for (let v = from; v < to; v++) {
    let bound = direction === 'down' ? -Infinity : Infinity;
    for (let i = start[v]!; i < start[v + 1]!; i++) {
      const a = arcs[i]!;
      const w = g.to[a]!;
      // down: out-arcs v→w need cost + π(v) − π(w) ≥ 0; up: in-arcs w→v need cost' + π(w) − π(v) ≥ 0.
      if (direction === 'down') { if (cap[a]! > 0) bound = Math.max(bound, pi[w]! - cost[a]!); }
      else if (cap[a ^ 1]! > 0) bound = Math.min(bound, pi[w]! + cost[a ^ 1]!);
    }
    if (Number.isFinite(bound)) pi[v] = bound;
  }
}
