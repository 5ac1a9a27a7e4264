// Talent and training records (a17.s1): entered as they happen, summed into the year's summary.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZActivityInput } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { baseInScope } from '../scope.js';
import { baseActivities } from './tables.js';

const columns = { id: baseActivities.id, year: baseActivities.year, kind: baseActivities.kind, title: baseActivities.title, people: baseActivities.people, country: baseActivities.country, on: baseActivities.on, note: baseActivities.note };

export async function listActivities(db: Db, actor: Actor, baseId: string, year?: number) {
  await baseInScope(db, actor, baseId, 'read');
  const where = year === undefined ? eq(baseActivities.baseId, baseId) : and(eq(baseActivities.baseId, baseId), eq(baseActivities.year, year));
  return db.select(columns).from(baseActivities).where(where).orderBy(asc(baseActivities.year), asc(baseActivities.kind), asc(baseActivities.title));
}

export async function addActivity(db: Db, actor: Actor, who: AuditActor, baseId: string, a: z.infer<typeof ZActivityInput>) {
  const base = await baseInScope(db, actor, baseId, 'update');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(baseActivities).values({ ...a, baseId }).returning(columns);
    await recordAudit(tx, who, { action: 'base_activity.create', entityType: 'base_activity', entityId: row!.id, scopeOrgId: base.recommenderId, after: { ...a, clause: 'a17.s1' } });
    return row!;
  });
}

export async function deleteActivity(db: Db, actor: Actor, who: AuditActor, baseId: string, id: string) {
  const base = await baseInScope(db, actor, baseId, 'update');
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(baseActivities).where(and(eq(baseActivities.id, id), eq(baseActivities.baseId, baseId))).returning();
    if (!before) throw new AppError('not_found');
    await recordAudit(tx, who, { action: 'base_activity.delete', entityType: 'base_activity', entityId: id, scopeOrgId: base.recommenderId, before });
  });
  return { ok: true as const };
}
