import type { Api, AppContext } from './platform/http/context.js';
import { healthRoutes } from './health/routes.js';
import { authRoutes } from './accounts/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { auditRoutes } from './platform/audit/routes.js';
import { workbenchRoutes } from './workbench/routes.js';

/** Each capability registers its own routes; add a new capability here. */
export const capabilities: Array<(app: Api, ctx: AppContext) => Promise<void> | void> = [
  healthRoutes,
  authRoutes,
  organizationRoutes,
  auditRoutes,
  workbenchRoutes,
];
