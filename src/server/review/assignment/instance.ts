// Encode: ids → dense indices and typed arrays, computed once per round (openreview-matcher's
// encoder step). Everything downstream works on indices; ids come back only in proposals.
import { computeConflicts, conflictContext, type ConflictContext, type ConflictIndex } from './conflicts.js';
import { Scorer } from './score.js';
import type { Application, AssignmentInput, AssignmentParams, Expert } from './types.js';

export interface Instance {
  readonly apps: readonly Application[];
  readonly experts: readonly Expert[];
  readonly params: AssignmentParams;
  readonly ctx: ConflictContext;
  readonly conflicts: ConflictIndex;
  readonly scorer: Scorer;
  readonly appIndex: ReadonlyMap<string, number>;
  readonly expertIndex: ReadonlyMap<string, number>;
  readonly provinces: readonly string[];
  readonly expertProvince: Int32Array;
  readonly appProvince: Int32Array;
  /** Reviews each expert may still take this round: L − current load, 0 unless active. */
  readonly expertCapacity: Int32Array;
}

export function validateParams(p: AssignmentParams): void {
  const { min, max } = p.reviewers;
  const ints = [min, max, p.maxLoad, p.maxPerProvince];
  if (!ints.every((x) => Number.isInteger(x) && x >= 0)) throw new Error('reviewers, maxLoad and maxPerProvince must be non-negative integers');
  if (min > max) throw new Error('reviewers.min must not exceed reviewers.max');
  if (!(p.randomShare >= 0 && p.randomShare <= 1)) throw new Error('randomShare must be within [0, 1]');
}

export function encode(input: AssignmentInput): Instance {
  const { applications: apps, experts, params } = input;
  validateParams(params);
  const unique = (ids: string[], what: string) => {
    const m = new Map(ids.map((id, i) => [id, i]));
    if (m.size !== ids.length) throw new Error(`duplicate ${what} id`);
    return m;
  };
  const appIndex = unique(apps.map((a) => a.id), 'application');
  const expertIndex = unique(experts.map((e) => e.id), 'expert');
  const provinces = [...new Set([...apps.map((a) => a.province), ...experts.map((e) => e.province)])].sort();
  const pIndex = new Map(provinces.map((p, i) => [p, i]));
  const ctx = conflictContext(input.conflictConfig, input.relations, input.declared);
  return {
    apps, experts, params, ctx,
    conflicts: computeConflicts(apps, experts, ctx),
    scorer: new Scorer(apps, experts, params.weights),
    appIndex, expertIndex, provinces,
    expertProvince: Int32Array.from(experts, (e) => pIndex.get(e.province)!),
    appProvince: Int32Array.from(apps, (a) => pIndex.get(a.province)!),
    expertCapacity: Int32Array.from(experts, (e) => (e.status === 'active' ? Math.max(0, params.maxLoad - e.currentLoad) : 0)),
  };
}

/** Pair key for sets of (application, expert) index pairs. */
export const pairKey = (inst: Instance, a: number, e: number) => a * inst.experts.length + e;
