import { and, count, eq, ilike, like, or, asc, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { ZOrganizationPatch, ZOrganizationQuery } from '../../contracts/organizations.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import type { Action } from '../platform/authz/policy.js';
import { scopeWhere } from '../platform/authz/scope-sql.js';
import { recordAudit } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { organizations } from './tables.js';

export const orgScopeCols = {
  orgId: organizations.id,
  recommenderId: organizations.recommenderId,
  zoneId: organizations.zoneId,
  regionCode: organizations.regionCode,
};

const recommender = alias(organizations, 'recommender');

function scoped(actor: Actor, action: Action) {
  return scopeWhere(actor, 'organization', action, orgScopeCols);
}

function filters(q: z.infer<typeof ZOrganizationQuery>): SQL[] {
  const out: SQL[] = [];
  if (q.kind) out.push(eq(organizations.kind, q.kind));
  if (q.regionCode) {
    const code = q.regionCode;
    out.push(code.endsWith('0000') ? like(organizations.regionCode, `${code.slice(0, 2)}%`) : eq(organizations.regionCode, code));
  }
  if (q.q) {
    const pattern = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    out.push(or(ilike(organizations.nameZh, pattern), ilike(organizations.nameEn, pattern), eq(organizations.uscc, q.q.toUpperCase()))!);
  }
  return out;
}

const columns = {
  id: organizations.id, kind: organizations.kind, nameZh: organizations.nameZh, nameEn: organizations.nameEn,
  uscc: organizations.uscc, regionCode: organizations.regionCode, country: organizations.country,
  affiliationId: organizations.affiliationId, zoneId: organizations.zoneId, recommenderId: organizations.recommenderId,
  recommenderNameZh: recommender.nameZh, registeredOn: organizations.registeredOn, status: organizations.status,
  version: organizations.version,
};

export async function listOrganizations(db: Db, actor: Actor, q: z.infer<typeof ZOrganizationQuery>, limit?: number) {
  const where = and(scoped(actor, 'read'), ...filters(q));
  const pageSize = limit ?? q.pageSize;
  const items = await db
    .select(columns)
    .from(organizations)
    .leftJoin(recommender, eq(recommender.id, organizations.recommenderId))
    .where(where)
    .orderBy(asc(organizations.regionCode), asc(organizations.nameZh))
    .limit(pageSize)
    .offset(limit ? 0 : (q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(organizations).where(where);
  return { items, total: total?.n ?? 0, page: q.page, pageSize };
}

/** Out of scope and nonexistent look the same: 404. */
export async function getOrganization(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select(columns)
    .from(organizations)
    .leftJoin(recommender, eq(recommender.id, organizations.recommenderId))
    .where(and(eq(organizations.id, id), scoped(actor, 'read')));
  if (!row) throw new AppError('not_found');
  return row;
}

/** Optimistic concurrency: the write names the version it read; a stale version is a conflict. */
export async function updateOrganization(db: Db, actor: Actor, id: string, patch: z.infer<typeof ZOrganizationPatch>, ip: string | null) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organizations).where(and(eq(organizations.id, id), scoped(actor, 'update')));
    if (!before) throw new AppError('not_found');
    const { version, ...changes } = patch;
    const [after] = await tx
      .update(organizations)
      .set({ ...changes, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(organizations.id, id), eq(organizations.version, version)))
      .returning();
    if (!after) throw new AppError('conflict', { data: { current: { ...before, createdAt: undefined, updatedAt: undefined } } });
    await recordAudit(tx, { userId: actor.userId, orgId: actor.orgId, ip }, {
      action: 'organization.update', entityType: 'organization', entityId: id, scopeOrgId: before.recommenderId,
      before: pick(before, Object.keys(changes)), after: pick(after, Object.keys(changes)),
    });
    return after;
  });
}

function pick(row: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
