import { and, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import type { Sm4KeyRing } from '../platform/crypto/sm.js';
import { scopeWhere } from '../platform/authz/scope-sql.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { organizations } from '../organizations/tables.js';
import { recoveryCodes, userRoles, users, webauthnCredentials } from '../accounts/tables.js';
import { revokeAllSessions } from '../accounts/sessions.js';
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
      securityKeys: sql<number>`(select count(*)::int from ${webauthnCredentials} where ${webauthnCredentials.userId} = ${users.id})`,
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
      securityKeys: Number(r.securityKeys ?? 0),
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

/**
 * The security administrator resets a person's second factor when they lost it (phone, key and
 * recovery codes): TOTP, recovery codes and security keys are removed and every session of theirs
 * ends, so the next sign-in is by password and, where the policy requires a second factor, goes
 * straight to enrolment (GB/T 22239-2019 8.1.4.1 d). Never one's own: that would let a security
 * administrator drop their own second factor without a second person. Audited with what was removed.
 */
export async function resetSecondFactor(db: Db, actor: Actor, userId: string, audit: AuditActor) {
  requireSecurityAdmin(actor);
  if (userId === actor.userId) {
    throw new AppError('forbidden', { message: { zh: '不能重置自己的双因素认证，请由另一名安全管理员操作', en: 'You cannot reset your own second factor; another security administrator must do it' } });
  }
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id, totp: sql<boolean>`${users.totpSecret} is not null` }).from(users)
      .innerJoin(organizations, eq(organizations.id, users.orgId))
      .where(and(eq(users.id, userId), scopeWhere(actor, 'user', 'read', userCols))).for('update', { of: users });
    if (!u) throw new AppError('not_found');
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpPendingSecret: null, totpLastStep: null }).where(eq(users.id, userId));
    const codes = await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).returning({ userId: recoveryCodes.userId });
    const keys = await tx.delete(webauthnCredentials).where(eq(webauthnCredentials.userId, userId)).returning({ name: webauthnCredentials.name });
    const sessionsEnded = await revokeAllSessions(tx, userId);
    const removed = { totp: u.totp, recoveryCodes: codes.length, securityKeys: keys.map((k) => k.name) };
    await recordAudit(tx, audit, { action: 'account.mfa_reset', entityType: 'user', entityId: userId, before: removed, after: { totp: false, recoveryCodes: 0, securityKeys: [], sessionsEnded } });
    return { ok: true as const, removed: { totp: u.totp, recoveryCodes: codes.length, securityKeys: keys.length }, sessionsEnded };
  });
}
