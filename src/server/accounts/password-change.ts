import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError, type Lang } from '../platform/http/errors.js';
import { getSecuritySettings, type SecuritySettings } from '../security/settings.js';
import { passwordIssues, passwordRulesBroken, reusedRule } from '../security/password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { restrictionFor } from './restriction.js';
import { hasSecurityKeys } from './security-keys.js';
import { setSessionRestriction } from './sessions.js';
import { passwordHistory, sessions, users } from './tables.js';

/** Refuse a password that breaks the static rules, naming the field and each rule (GB/T 22239-2019 8.1.4.1 a). */
export function assertPasswordRules(field: string, password: string, s: SecuritySettings, lang: Lang, username?: string) {
  const broken = passwordRulesBroken(password, s, username);
  if (broken.length) throw new AppError('validation_failed', { fields: passwordIssues(field, broken, lang) });
}

/** True when `password` equals the current one or one of the last `s.passwordHistory` ones. */
async function reusesHistory(db: Db, userId: string, currentHash: string, password: string, s: SecuritySettings): Promise<boolean> {
  if (await verifyPassword(currentHash, password)) return true;
  if (s.passwordHistory === 0) return false;
  const previous = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(s.passwordHistory);
  for (const p of previous) if (await verifyPassword(p.hash, password)) return true;
  return false;
}

/**
 * Change my password: the current one must be right; the new one must satisfy the policy and not
 * repeat the history. Every other session of mine is signed out; this one loses a password_expired
 * restriction.
 */
export async function changePassword(db: Db, actor: Actor, input: { current: string; next: string }, lang: Lang, audit: AuditActor) {
  const [u] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!u) throw new AppError('unauthenticated');
  if (!(await verifyPassword(u.passwordHash, input.current))) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'current', rule: 'incorrect', message: lang === 'zh' ? '字段「current」：当前密码不正确' : 'Field "current": the current password is wrong' }],
    });
  }
  const s = await getSecuritySettings(db);
  assertPasswordRules('next', input.next, s, lang, u.username);
  if (await reusesHistory(db, u.id, u.passwordHash, input.next, s)) {
    throw new AppError('validation_failed', { fields: passwordIssues('next', [reusedRule(s.passwordHistory)], lang) });
  }
  const passwordHash = await hashPassword(input.next);
  return db.transaction(async (tx) => {
    const changedAt = new Date();
    await tx.insert(passwordHistory).values({ userId: u.id, passwordHash: u.passwordHash, createdAt: u.passwordChangedAt });
    await tx.update(users).set({ passwordHash, passwordChangedAt: changedAt, version: u.version + 1 }).where(eq(users.id, u.id));
    const others = await tx
      .update(sessions)
      .set({ revokedAt: changedAt })
      .where(and(eq(sessions.userId, u.id), ne(sessions.id, actor.sessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    await setSessionRestriction(tx, actor.sessionId, restrictionFor({ roles: actor.roles, passwordChangedAt: changedAt, totpEnabled: !!u.totpSecret, webauthnEnabled: await hasSecurityKeys(tx, u.id) }, s));
    await recordAudit(tx, audit, { action: 'account.password_change', entityType: 'user', entityId: u.id, after: { otherSessionsRevoked: others.length } });
    return { ok: true as const, otherSessionsRevoked: others.length };
  });
}
