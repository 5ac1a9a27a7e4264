import { and, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import type { Sm4KeyRing } from '../platform/crypto/sm.js';
import { scopeWhere } from '../platform/authz/scope-sql.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { organizations } from '../organizations/tables.js';
import { userRoles, users } from '../accounts/tables.js';
import { maskEmail, maskPhone, unseal } from '../accounts/personal-data.js';
import { requireSecurityAdmin } from './role-requests.js';

const userCols = { orgId: users.orgId, recommenderId: organizations.recommenderId, zoneId: organizations.zoneId, regionCode: organizations.regionCode, userId: users.id };

/**
 * Accounts as administrators see them: within the actor's user-read scope, contact details masked
 * (138****5678) — nobody but the person sees the whole value (PIPL art. 51; GB/T 35273 minimisation).
 */
export async function listUsers(db: Db, ring: Sm4KeyRing, actor: Actor, opts: { q?: string | undefined; page: number; pageSize: number }) {
  const where = and(
    scopeWhere(actor, 'user', 'read', userCols),
    opts.q ? or(ilike(users.username, `%${opts.q}%`), ilike(users.displayName, `%${opts.q}%`)) : undefined,
  );
  const rows = await db
    .select({
      id: users.id, username: users.username, displayName: users.displayName, email: users.email, phone: users.phone, status: users.status,
      lockedUntil: users.lockedUntil, totpEnabled: sql<boolean>`${users.totpSecret} is not null`, orgId: users.orgId, orgNameZh: organizations.nameZh,
      roles: sql<string[]>`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(where)
    .orderBy(users.username)
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [total] = await db.select({ n: count() }).from(users).innerJoin(organizations, eq(organizations.id, users.orgId)).where(where);
  const now = Date.now();
  return {
    items: rows.map((r) => ({
      id: r.id, username: r.username, displayName: r.displayName, status: r.status, orgId: r.orgId, orgNameZh: r.orgNameZh, roles: r.roles ?? [],
      email: maskEmail(unseal(ring, 'email', r.id, r.email)), phone: maskPhone(unseal(ring, 'phone', r.id, r.phone)),
      locked: !!r.lockedUntil && r.lockedUntil.getTime() > now, lockedUntil: r.lockedUntil?.toISOString() ?? null, totpEnabled: r.totpEnabled,
    })),
    total: total?.n ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}

/** The security administrator unlocks a locked account (GB/T 22239-2019 8.1.4.1 b). Audited. */
export async function unlockUser(db: Db, actor: Actor, userId: string, audit: AuditActor) {
  requireSecurityAdmin(actor);
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id, lockedUntil: users.lockedUntil, failedLogins: users.failedLogins }).from(users).where(eq(users.id, userId)).for('update');
    if (!u) throw new AppError('not_found');
    await tx.update(users).set({ lockedUntil: null, failedLogins: 0 }).where(eq(users.id, userId));
    await recordAudit(tx, audit, { action: 'account.unlock', entityType: 'user', entityId: userId, before: { lockedUntil: u.lockedUntil, failedLogins: u.failedLogins }, after: { lockedUntil: null } });
    return { ok: true as const, wasLocked: !!u.lockedUntil && u.lockedUntil.getTime() > Date.now() };
  });
}
