// Types and calls of the review API (src/server/review/routes/*), shared by the review pages.
import type { z } from 'zod';
import type {
  ZAggregate, ZAssignmentDetail, ZExplanation, ZMyAssignment, ZRound, ZRoundParams, ZViolation, ZExpert, ZPanel,
} from '../../../contracts/review';
import type { ZApplicationSummary } from '../../../contracts/recognition';
import { ApiError, get, type Page } from '../../app/api';

export type Round = z.infer<typeof ZRound>;
export type RoundParams = z.infer<typeof ZRoundParams>;
export type Explanation = z.infer<typeof ZExplanation>;
export type Violation = z.infer<typeof ZViolation>;
export type MyAssignment = z.infer<typeof ZMyAssignment>;
export type AssignmentDetail = z.infer<typeof ZAssignmentDetail>;
export type Aggregate = z.infer<typeof ZAggregate>;
export type Expert = z.infer<typeof ZExpert>;
export type Panel = z.infer<typeof ZPanel>;
export type AppSummary = z.infer<typeof ZApplicationSummary>;

/** The applications of a call and type, by id (titles for the proposal and panel tables). */
export async function applicationsOf(callId: string, typeId: string): Promise<Map<string, AppSummary>> {
  const out = new Map<string, AppSummary>();
  for (let page = 1; page <= 50; page++) {
    const r = await get<Page<AppSummary>>('/api/recognition/applications', { callId, typeId, page, pageSize: 200 });
    for (const a of r.items) out.set(a.id, a);
    if (page * r.pageSize >= r.total) break;
  }
  return out;
}

/** The violations a 422 assignment_violation carries. */
export function violationsOf(e: unknown): Violation[] {
  if (!(e instanceof ApiError) || e.code !== 'assignment_violation') return [];
  const data = (e.body as { data?: { violations?: Violation[] } }).data;
  return data?.violations ?? [];
}

export const fieldIds = ['energy', 'materials_manufacturing', 'information_network', 'agriculture', 'bio_health', 'ecology_environment', 'space_ocean', 'public_security'] as const;
export const roundStatusColor: Record<string, string> = { draft: 'default', proposed: 'processing', applied: 'blue', panel: 'purple' };
export const assignmentStatusColor: Record<string, string> = { pending: 'gold', accepted: 'processing', declined: 'default', submitted: 'success' };
export const sourceColor: Record<string, string> = { random: 'orange', optimized: 'green', manual: 'magenta' };
