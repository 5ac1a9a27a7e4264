// Independent check of a proposal: it shares the model's definition (network.ts shape, scores,
// conflicts) but none of the solver's code or state. From the pairs and the emitted potentials
// alone it checks every hard constraint, reduced-cost optimality on EVERY arc of the full network
// (all non-conflicting pairs, not only the solver's candidates), and computes the dual bound
//     D(π) = −Σ_v b(v)·π(v) + Σ_arcs u·min(0, c + π(tail) − π(head)),
// a lower bound on the cost of any feasible flow (weak duality). primal === dual proves optimality.
import { checkAssignment, type Violation } from './constraints.js';
import type { Instance } from './instance.js';
import { markNonArcs, networkShape } from './network.js';
import { pairIndices, type Proposal } from './solve.js';

export interface Verification {
  readonly violations: readonly Violation[];
  readonly feasible: boolean;
  readonly primalCost: number;
  readonly dualBound: number;
  /** Same quantities on the score scale: fixed pairs' score minus cost (maximised). */
  readonly value: number;
  readonly dualValue: number;
  readonly arcsChecked: number;
  readonly reducedCostViolations: number;
  readonly optimal: boolean;
}

export function verifyProposal(inst: Instance, proposal: Proposal): Verification {
  const violations = checkAssignment(inst, proposal.pairs, proposal.forbidden).filter((v) => v.severity === 'error');
  const fixed = pairIndices(inst, proposal.fixed);
  const nE = inst.experts.length, nA = inst.apps.length;
  const forbidden = new Set(pairIndices(inst, proposal.forbidden).map(([a, e]) => a * nE + e));
  const shape = networkShape({ inst, fixed, forbidden });
  const nP = shape.provinceCount;
  const fixedKeys = new Set(fixed.map(([a, e]) => a * nE + e));
  const pi = proposal.potentials;

  // Flow implied by the pairs that are not fixed.
  const flowPair = inst.apps.map(() => new Set<number>());
  const expertFlow = new Int32Array(nE);
  const groupFlow = new Int32Array(nA * nP);
  const appReal = new Int32Array(nA);
  let fixedScore = 0;
  for (const [a, e] of pairIndices(inst, proposal.pairs)) {
    if (fixedKeys.has(a * nE + e)) { fixedScore += inst.scorer.pair(a, e); continue; }
    flowPair[a]!.add(e);
    expertFlow[e]!++;
    groupFlow[a * nP + inst.expertProvince[e]!]!++;
    appReal[a]!++;
  }
  let feasible = violations.length === 0;
  let primal = 0, dual = 0, arcs = 0, rcBad = 0;
  // One arc: adds its cost to the primal and its term to the dual, checks complementary slackness.
  const arc = (u: number, x: number, cost: number, rc: number) => {
    arcs++;
    if (x < 0 || x > u) feasible = false;
    primal += cost * x;
    if (rc < 0) dual += u * rc;
    if ((x < u && rc < 0) || (x > 0 && rc > 0)) rcBad++;
  };
  let supply = 0;
  for (let e = 0; e < nE; e++) {
    if (shape.expertCap[e]! > 0) arc(shape.expertCap[e]!, expertFlow[e]!, 0, pi.source - pi.experts[e]!);
    else if (expertFlow[e]! > 0) feasible = false;
  }
  const skip = new Uint8Array(nE);
  const row = new Int32Array(nE);
  for (let a = 0; a < nA; a++) {
    markNonArcs(inst, shape, a, skip);
    inst.scorer.row(a, row);
    for (const e of flowPair[a]!) if (skip[e]) feasible = false;
    for (let e = 0; e < nE; e++) {
      if (skip[e]) continue;
      const score = row[e]!;
      arc(1, flowPair[a]!.has(e) ? 1 : 0, -score, -score + pi.experts[e]! - pi.groups[a * nP + inst.expertProvince[e]!]!);
    }
    for (let p = 0; p < nP; p++) {
      const g = a * nP + p;
      if (shape.groupCap[g]! > 0) arc(shape.groupCap[g]!, groupFlow[g]!, 0, pi.groups[g]! - pi.applications[a]!);
      else if (groupFlow[g]! > 0) feasible = false;
    }
    // Unfilled slots: the cheapest split (optional slots first) is the one any optimum uses.
    const missing = shape.demand[a]! - appReal[a]!;
    if (missing < 0) feasible = false;
    const optional = Math.min(Math.max(0, missing), shape.optionalCap[a]!);
    const mandatory = Math.max(0, missing) - optional;
    if (shape.mandatoryCap[a]! > 0 || mandatory > 0) arc(shape.mandatoryCap[a]!, mandatory, shape.big, shape.big + pi.unfilled - pi.applications[a]!);
    if (shape.optionalCap[a]! > 0) arc(shape.optionalCap[a]!, optional, shape.optionalCost, shape.optionalCost + pi.unfilled - pi.applications[a]!);
    supply += shape.demand[a]!;
    dual += shape.demand[a]! * pi.applications[a]!; // −b(a)·π(a) with b(a) = −D(a)
  }
  // S → U is uncapacitated: a negative reduced cost there would make the dual unbounded below.
  const unfilledTotal = supply - appReal.reduce((s, x) => s + x, 0);
  if (pi.source - pi.unfilled < 0) { rcBad++; dual = -Infinity; }
  if (unfilledTotal > 0 && pi.source - pi.unfilled > 0) rcBad++;
  dual -= supply * pi.source;
  return {
    violations, feasible, primalCost: primal, dualBound: dual,
    value: fixedScore - primal, dualValue: fixedScore - dual,
    arcsChecked: arcs, reducedCostViolations: rcBad,
    optimal: feasible && rcBad === 0 && primal === dual,
  };
}
