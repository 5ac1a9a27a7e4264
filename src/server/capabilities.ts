import type { Api, AppContext } from './platform/http/context.js';
import { healthRoutes } from './health/routes.js';
import { authRoutes } from './accounts/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { auditRoutes } from './platform/audit/routes.js';
import { workbenchRoutes } from './workbench/routes.js';
import { baseRoutes } from './bases/routes.js';
import { securityRoutes } from './security/routes.js';

/** Each capability registers its own routes; add a new capability here. */
export const capabilities: Array<(app: Api, ctx: AppContext) => Promise<void> | void> = [
  healthRoutes,
  authRoutes,
  organizationRoutes,
  auditRoutes,
  workbenchRoutes,
  baseRoutes,
  securityRoutes,
];

// Reliability (issue 8): the failed-jobs view, and the Idempotency-Key hooks (hooks on the root
// instance cover every route; they run after the session hook, so they know the user).
import { jobRoutes } from './platform/jobs/routes.js';
import { idempotencyHooks } from './platform/idempotency/idempotency.js';
capabilities.push(jobRoutes, idempotencyHooks);

// Recognition of bases (issue 3).
import { recognitionRoutes } from './recognition/routes.js';
capabilities.push(recognitionRoutes);

// Expert review and assessment (issue 4).
import { reviewRoutes } from './review/routes.js';
capabilities.push(reviewRoutes);

// The public column (issue 7, a19.s1): public pages, open data, submissions and their review.
import { portalRoutes } from './portal/routes.js';
capabilities.push(portalRoutes);

// Local programmes (issue 7, a21.s1): measures as data, edited, published and opened in calls by their issuers.
import { programmeRoutes } from './programmes/routes.js';
capabilities.push(programmeRoutes);

// The bases' alliance (issue 7, a18, a17.s1, a20.s1): membership, groups, resources, events, work report.
import { allianceRoutes } from './alliance/routes.js';
capabilities.push(allianceRoutes);

// The in-app message center (issue 3): each user's own notifications, read and marked read.
import { notificationRoutes } from './notifications/routes.js';
capabilities.push(notificationRoutes);
