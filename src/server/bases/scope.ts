// Every query on a base or on what hangs off it (reports, projects, results) is scoped through the
// base's own columns, copied from its host at recognition: one indexed comparison per scope kind.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import type { Action, Resource } from '../platform/authz/policy.js';
import { scopeWhere } from '../platform/authz/scope-sql.js';
import { AppError } from '../platform/http/errors.js';
import { bases } from './tables.js';

export const baseScopeCols = { orgId: bases.hostOrgId, recommenderId: bases.recommenderId, zoneId: bases.zoneId, regionCode: bases.regionCode };

export const baseScope = (actor: Actor, action: Action, resource: Resource = 'base') => scopeWhere(actor, resource, action, baseScopeCols);

export type BaseRow = typeof bases.$inferSelect;

/** The base if the actor may `action` it; a base outside scope and a missing one are the same 404. */
export async function baseInScope(db: Db, actor: Actor, id: string, action: Action, resource: Resource = 'base'): Promise<BaseRow> {
  const [row] = await db.select().from(bases).where(and(eq(bases.id, id), baseScope(actor, action, resource)));
  if (!row) throw new AppError('not_found');
  return row;
}
