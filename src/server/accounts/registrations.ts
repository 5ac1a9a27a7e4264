import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { scopeWhere } from '../platform/authz/scope-sql.js';
import { recordAudit } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { organizations } from '../organizations/tables.js';
import { registrations, users } from './tables.js';

const scopeCols = { recommenderId: registrations.reviewerOrgId };

export async function listRegistrations(db: Db, actor: Actor, opts: { status?: string; page: number; pageSize: number }) {
  const where = and(scopeWhere(actor, 'registration', 'read', scopeCols), opts.status ? eq(registrations.status, opts.status) : undefined);
  const rows = await db
    .select({
      id: registrations.id, status: registrations.status, orgId: registrations.orgId, orgNameZh: organizations.nameZh,
      uscc: organizations.uscc, regionCode: organizations.regionCode, username: users.username, displayName: users.displayName,
      createdAt: registrations.createdAt, reason: registrations.reason,
    })
    .from(registrations)
    .innerJoin(organizations, eq(organizations.id, registrations.orgId))
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(where)
    .orderBy(desc(registrations.createdAt))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [total] = await db.select({ n: count() }).from(registrations).where(where);
  return {
    items: rows.map((r) => ({ ...r, status: r.status as 'pending' | 'approved' | 'rejected', createdAt: r.createdAt.toISOString() })),
    total: total?.n ?? 0,
    ...opts,
  };
}

/** The local S&T department approves (account and institution become active) or rejects with reasons. */
export async function decideRegistration(db: Db, actor: Actor, id: string, decision: { approve: boolean; reason?: string | undefined }, ip: string | null) {
  return db.transaction(async (tx) => {
    const [reg] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, id), scopeWhere(actor, 'registration', 'decide', scopeCols)))
      .for('update');
    if (!reg) throw new AppError('not_found');
    if (reg.status !== 'pending') throw new AppError('conflict');
    if (!decision.approve && !decision.reason) {
      throw new AppError('validation_failed', { fields: [{ field: 'reason', rule: 'required', message: '驳回须填写理由 / A reason is required to reject' }] });
    }
    const status = decision.approve ? 'approved' : 'rejected';
    await tx.update(registrations).set({ status, reason: decision.reason ?? null, decidedBy: actor.userId, decidedAt: new Date() }).where(eq(registrations.id, id));
    if (decision.approve) {
      await tx.update(users).set({ status: 'active' }).where(eq(users.id, reg.userId));
      await tx.update(organizations).set({ status: 'active' }).where(eq(organizations.id, reg.orgId));
    }
    await recordAudit(tx, { userId: actor.userId, orgId: actor.orgId, ip }, {
      action: `registration.${status}`, entityType: 'registration', entityId: id, scopeOrgId: reg.reviewerOrgId,
      before: { status: reg.status }, after: { status, reason: decision.reason ?? null },
    });
    return { id, status };
  });
}
