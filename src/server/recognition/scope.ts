// Data scope of applications (a9.s1): every query goes through here. An innovation-park
// application is filed by the provincial government for a science park, so "own organization"
// means the filer for editing, and the filer or the applicant for reading.
import { or, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/authz/actor.js';
import type { Action } from '../platform/authz/policy.js';
import { scopeWhere } from '../platform/authz/scope-sql.js';
import { applications } from './tables.js';
import { assignedToExpert } from '../review/scope.js';

const shared = {
  recommenderId: applications.recommenderId,
  zoneId: applications.zoneId,
  regionCode: applications.regionCode,
  // Experts see the applications assigned to them in a review round (and not declined).
  assigned: (actor: Actor) => assignedToExpert(actor, applications.id),
};

export function applicationScope(actor: Actor, action: Action): SQL {
  const asFiler = scopeWhere(actor, 'application', action, { ...shared, orgId: applications.filedByOrgId });
  if (action === 'update' || action === 'create') return asFiler;
  return or(asFiler, scopeWhere(actor, 'application', action, { ...shared, orgId: applications.applicantOrgId }))!;
}
