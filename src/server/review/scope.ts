// Data scope of the review module (a9.s1). Experts see their own assignments only; the pool is
// scoped like organizations: a department sees the experts of the institutions it recommends
// and those it invited. An id outside scope is simply not found (404).
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../platform/authz/actor.js';
import type { Action } from '../platform/authz/policy.js';
import { scopeWhere, type ScopeColumns } from '../platform/authz/scope-sql.js';
import { users } from '../accounts/tables.js';
import { organizations } from '../organizations/tables.js';
import { expertProfiles, reviewAssignments } from './tables.js';

/** Columns of expert_profiles ⨝ users ⨝ organizations (the expert's institution). */
export const expertColumns: ScopeColumns = {
  // 'recommended': the institution's recommender, or the department that invited the expert.
  recommenderId: organizations.recommenderId,
  orgId: expertProfiles.invitedByOrgId,
  regionCode: organizations.regionCode,
  userId: users.id,
};

export const expertScope = (actor: Actor, action: Action): SQL => scopeWhere(actor, 'expert', action, expertColumns);

/** Columns of review_assignments: an expert's own rows. */
export const assignmentColumns: ScopeColumns = {
  assigned: (actor) => eq(reviewAssignments.expertUserId, actor.userId),
};

export const assignmentScope = (actor: Actor, action: Action): SQL => scopeWhere(actor, 'review', action, assignmentColumns);

/**
 * The 'assigned' scope of applications for experts: an EXISTS over live assignments. Recognition
 * can pass it as ScopeColumns.assigned in its applicationScope:
 *   assigned: (actor) => assignedToExpert(actor, applications.id)
 */
export function assignedToExpert(actor: Actor, applicationId: AnyPgColumn): SQL {
  return sql`exists (select 1 from ${reviewAssignments} where ${and(
    eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.expertUserId, actor.userId), ne(reviewAssignments.status, 'declined'),
  )})`;
}
