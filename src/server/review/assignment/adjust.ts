// Manual adjustment of a proposal: add, remove or swap pairs, then re-check every constraint on the
// whole result (not just the touched pairs), returning violations with codes.
import { checkAssignment, type Violation } from './constraints.js';
import type { Instance } from './instance.js';
import type { AssignedPair, Pair } from './types.js';

export type Adjustment =
  | { readonly op: 'add'; readonly applicationId: string; readonly expertId: string }
  | { readonly op: 'remove'; readonly applicationId: string; readonly expertId: string }
  | { readonly op: 'swap'; readonly applicationId: string; readonly expertId: string; readonly withExpertId: string };

export interface AdjustResult {
  readonly pairs: readonly AssignedPair[];
  readonly violations: readonly Violation[];
  /** True when no violation has severity 'error'. */
  readonly ok: boolean;
}

export function adjust(
  inst: Instance, pairs: readonly AssignedPair[], ops: readonly Adjustment[], declined: readonly Pair[] = [],
): AdjustResult {
  let next = [...pairs];
  const extra: Violation[] = [];
  const score = (applicationId: string, expertId: string) => {
    const a = inst.appIndex.get(applicationId), e = inst.expertIndex.get(expertId);
    return a === undefined || e === undefined ? 0 : inst.scorer.pair(a, e);
  };
  const remove = (applicationId: string, expertId: string): boolean => {
    const i = next.findIndex((p) => p.applicationId === applicationId && p.expertId === expertId);
    if (i < 0) {
      extra.push({ code: 'not-assigned', severity: 'error', applicationId, expertId,
        zh: `专家 ${expertId} 并未分配给申请 ${applicationId}`, en: `expert ${expertId} is not assigned to application ${applicationId}` });
      return false;
    }
    next = next.filter((_, j) => j !== i);
    return true;
  };
  const add = (applicationId: string, expertId: string) =>
    next.push({ applicationId, expertId, score: score(applicationId, expertId), source: 'manual' });
  for (const op of ops) {
    if (op.op === 'add') add(op.applicationId, op.expertId);
    else if (op.op === 'remove') remove(op.applicationId, op.expertId);
    else if (remove(op.applicationId, op.expertId)) add(op.applicationId, op.withExpertId);
  }
  const violations = [...extra, ...checkAssignment(inst, next, declined)];
  return { pairs: next, violations, ok: !violations.some((v) => v.severity === 'error') };
}
