// encode → feasibility → random draw (seeded) → min-cost flow → proposal. Nothing is applied here:
// the proposal carries its seed, its evidence (scores, potentials) and goes through the same
// validation as a manual assignment before anyone applies it.
import { checkFeasibility, type FeasibilityReport } from './feasibility.js';
import { solveFlow, type FlowOptions, type FlowSolution } from './flow-solver.js';
import { encode, type Instance } from './instance.js';
import { drawRandom } from './random.js';
import type { AssignedPair, AssignmentInput, AssignmentParams, Pair, Potentials } from './types.js';

export interface Proposal {
  readonly seed: string;
  readonly params: AssignmentParams;
  readonly pairs: readonly AssignedPair[];
  /** Pairs that were fixed before the flow (random draw, kept pairs): they define the network. */
  readonly fixed: readonly Pair[];
  /** Pairs the flow was not allowed to use (declines). */
  readonly forbidden: readonly Pair[];
  readonly unfilled: readonly { readonly applicationId: string; readonly mandatory: number; readonly optional: number }[];
  readonly objective: {
    /** Σ score of all pairs, random ones included. */
    readonly score: number;
    /** Σ cost·flow of the network the optimizer solved (see network.ts). */
    readonly primalCost: number;
    /** Score of the fixed pairs minus the network cost: the value compared across solvers. */
    readonly value: number;
  };
  readonly potentials: Potentials;
  readonly feasibility: FeasibilityReport;
  readonly stats: FlowSolution['stats'];
}

const toPair = (inst: Instance, [a, e]: readonly [number, number]): Pair =>
  ({ applicationId: inst.apps[a]!.id, expertId: inst.experts[e]!.id });

export const pairIndices = (inst: Instance, pairs: readonly Pair[]): [number, number][] => pairs.map((p) => {
  const a = inst.appIndex.get(p.applicationId), e = inst.expertIndex.get(p.expertId);
  if (a === undefined || e === undefined) throw new Error(`unknown pair ${p.applicationId}/${p.expertId}`);
  return [a, e];
});

export interface SolveRequest {
  /** Pairs kept as they are, with their original source. */
  readonly fixed?: readonly AssignedPair[];
  readonly forbidden?: readonly Pair[];
  /** Draw the random share (only for a fresh round, not for replacements). */
  readonly drawRandom?: boolean;
  readonly flow?: FlowOptions;
}

export function solveInstance(inst: Instance, req: SolveRequest = {}): { proposal: Proposal; solution: FlowSolution } {
  const nE = inst.experts.length;
  const feasibility = checkFeasibility(inst);
  const forbiddenIdx = pairIndices(inst, req.forbidden ?? []);
  const forbidden = new Set(forbiddenIdx.map(([a, e]) => a * nE + e));
  const kept: AssignedPair[] = [...(req.fixed ?? [])];
  if (req.drawRandom ?? true) {
    for (const [a, e] of drawRandom(inst, inst.params.seed, forbidden)) {
      kept.push({ ...toPair(inst, [a, e]), score: inst.scorer.pair(a, e), source: 'random' });
    }
  }
  const fixedIdx = pairIndices(inst, kept);
  const solution = solveFlow({ inst, fixed: fixedIdx, forbidden }, req.flow);
  const optimized: AssignedPair[] = solution.pairs.map(([a, e, score]) => ({ ...toPair(inst, [a, e]), score, source: 'optimized' }));
  const pairs = [...kept, ...optimized].sort((x, y) =>
    inst.appIndex.get(x.applicationId)! - inst.appIndex.get(y.applicationId)! || y.score - x.score || x.expertId.localeCompare(y.expertId));
  const fixedScore = kept.reduce((s, p) => s + p.score, 0);
  const unfilled = inst.apps.flatMap((app, a) => {
    const mandatory = solution.unfilledMandatory[a]!, optional = solution.unfilledOptional[a]!;
    return mandatory + optional > 0 ? [{ applicationId: app.id, mandatory, optional }] : [];
  });
  return {
    solution,
    proposal: {
      seed: inst.params.seed, params: inst.params, pairs,
      fixed: kept.map(({ applicationId, expertId }) => ({ applicationId, expertId })),
      forbidden: req.forbidden ?? [],
      unfilled,
      objective: {
        score: pairs.reduce((s, p) => s + p.score, 0),
        primalCost: solution.primalCost,
        value: fixedScore - solution.primalCost,
      },
      potentials: solution.potentials,
      feasibility,
      stats: solution.stats,
    },
  };
}

/** The whole pipeline for one round. */
export function propose(input: AssignmentInput): { inst: Instance; proposal: Proposal } {
  const inst = encode(input);
  return { inst, proposal: solveInstance(inst).proposal };
}
