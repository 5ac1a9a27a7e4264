// The assignment as a min-cost flow, and the shape both the solver and the verifier read.
//
//   S ──(L − load − fixed, 0)──▶ expert ──(1, −score)──▶ (application, expert's province)
//     ──(k − fixed from that province, 0)──▶ application, which must receive exactly D = max − fixed
//   S ──(∞, 0)──▶ U ──(min − fixed, BIG)──▶ application     an unfilled mandatory slot
//                   └─(max − min, 1)──────▶ application     an unfilled optional slot
//
// U makes the supplies always feasible, so a shortage becomes a priced, explainable "unfilled" slot
// instead of a solver failure. BIG exceeds any possible score difference, so the optimum first
// fills as many mandatory slots as possible and only then maximises the score.
import { SCORE_SCALE } from './score.js';
import type { Instance } from './instance.js';

export interface FlowProblem {
  readonly inst: Instance;
  /** Pairs already decided (the random draw, or kept pairs when replacing); they use capacity. */
  readonly fixed: readonly (readonly [number, number])[];
  /** Pair keys (a * expertCount + e) that must not be proposed, e.g. declined pairs. */
  readonly forbidden?: ReadonlySet<number>;
}

export interface NetworkShape {
  readonly provinceCount: number;
  /** D per application: slots the flow must fill (really or as unfilled). */
  readonly demand: Int32Array;
  readonly mandatoryCap: Int32Array;
  readonly optionalCap: Int32Array;
  readonly expertCap: Int32Array;
  /** Indexed a * provinceCount + p. */
  readonly groupCap: Int32Array;
  /** Fixed and forbidden experts per application: never an arc. */
  readonly excluded: readonly ReadonlySet<number>[];
  readonly big: number;
  readonly optionalCost: number;
}

export function networkShape(problem: FlowProblem): NetworkShape {
  const { inst, fixed } = problem;
  const nA = inst.apps.length, nE = inst.experts.length, nP = inst.provinces.length;
  const { min, max } = inst.params.reviewers;
  const k = inst.params.maxPerProvince;
  const fixedPerApp = new Int32Array(nA);
  const expertCap = Int32Array.from(inst.expertCapacity);
  const groupCap = new Int32Array(nA * nP).fill(k);
  const excluded = inst.apps.map(() => new Set<number>());
  for (const [a, e] of fixed) {
    fixedPerApp[a]!++;
    expertCap[e] = Math.max(0, expertCap[e]! - 1);
    const g = a * nP + inst.expertProvince[e]!;
    groupCap[g] = Math.max(0, groupCap[g]! - 1);
    excluded[a]!.add(e);
  }
  for (const key of problem.forbidden ?? []) excluded[Math.floor(key / nE)]?.add(key % nE);
  const demand = Int32Array.from(fixedPerApp, (f) => Math.max(0, max - f));
  const mandatoryCap = Int32Array.from(fixedPerApp, (f) => Math.max(0, min - f));
  const optionalCap = Int32Array.from(demand, (d, a) => d - mandatoryCap[a]!);
  const totalDemand = demand.reduce((s, d) => s + d, 0);
  // Any two feasible flows differ in score by at most totalDemand * (SCALE + optional cost).
  const big = totalDemand * (SCORE_SCALE + 1) + 1;
  return { provinceCount: nP, demand, mandatoryCap, optionalCap, expertCap, groupCap, excluded, big, optionalCost: 1 };
}

/** Whether (a, e) is an arc of the full network: no conflict, capacity on both ends, not excluded. */
export function isArc(inst: Instance, shape: NetworkShape, a: number, e: number): boolean {
  return shape.expertCap[e]! > 0
    && shape.groupCap[a * shape.provinceCount + inst.expertProvince[e]!]! > 0
    && inst.conflicts.get(a, e) === undefined
    && !shape.excluded[a]!.has(e);
}

/**
 * Marks experts that are not arcs for application a (conflict, excluded, no capacity, group with
 * no capacity) in `skip`, in O(conflicts + experts) without per-pair map look-ups.
 */
export function markNonArcs(inst: Instance, shape: NetworkShape, a: number, skip: Uint8Array): Uint8Array {
  const nP = shape.provinceCount;
  const base = noCapacity.get(shape);
  if (base) skip.set(base);
  else {
    const fresh = Uint8Array.from(shape.expertCap, (c) => (c > 0 ? 0 : 1));
    noCapacity.set(shape, fresh);
    skip.set(fresh);
  }
  for (let p = 0; p < nP; p++) {
    if (shape.groupCap[a * nP + p]! > 0) continue;
    for (let e = 0; e < skip.length; e++) if (inst.expertProvince[e] === p) skip[e] = 1;
  }
  for (const e of inst.conflicts.byApp[a]!.keys()) skip[e] = 1;
  for (const e of shape.excluded[a]!) skip[e] = 1;
  return skip;
}
const noCapacity = new WeakMap<NetworkShape, Uint8Array>();

/** Node numbering shared by the solver and the potentials it emits. */
export function nodeIds(nE: number, nA: number, nP: number) {
  return {
    source: 0,
    unfilled: 1,
    expert: (e: number) => 2 + e,
    group: (a: number, p: number) => 2 + nE + a * nP + p,
    app: (a: number) => 2 + nE + nA * nP + a,
    count: 2 + nE + nA * nP + nA,
  };
}

/**
 * Initial candidates of one application in two linear passes: the `top` best eligible experts
 * (score histogram gives the threshold; ties by index), plus the best `perProvince` of every
 * province so that the diversity cap can always be honoured. Pricing adds whatever else is needed.
 */
export function selectCandidates(
  row: Int32Array, skip: Uint8Array, provinceOf: Int32Array, nP: number, top: number, perProvince: number,
): number[] {
  const hist = new Int32Array(SCORE_SCALE + 1);
  for (let e = 0; e < row.length; e++) if (!skip[e]) hist[row[e]!]!++;
  let above = 0, tau = SCORE_SCALE;
  while (tau > 0 && above + hist[tau]! < top) above += hist[tau--]!;
  let atTau = top - above;
  const out: number[] = [];
  const taken = new Uint8Array(row.length);
  const K = perProvince;
  const best = new Int32Array(nP * K);
  const count = new Int32Array(nP);
  for (let e = 0; e < row.length; e++) {
    if (skip[e]) continue;
    const s = row[e]!;
    if (s > tau || (s === tau && atTau-- > 0)) { out.push(e); taken[e] = 1; }
    const p = provinceOf[e]!, base = p * K;
    let n = count[p]!;
    if (n === K && s <= row[best[base + K - 1]!]!) continue;
    if (n < K) count[p] = ++n;
    let i = n - 1;
    while (i > 0 && row[best[base + i - 1]!]! < s) { best[base + i] = best[base + i - 1]!; i--; }
    best[base + i] = e;
  }
  for (let p = 0; p < nP; p++) for (let i = 0; i < count[p]!; i++) {
    const e = best[p * K + i]!;
    if (!taken[e]) { taken[e] = 1; out.push(e); }
  }
  return out;
}
