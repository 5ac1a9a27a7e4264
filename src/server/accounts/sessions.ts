import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { isRole } from '../platform/authz/roles.js';
import { organizations } from '../organizations/tables.js';
import { sessions, userRoles, users } from './tables.js';
import { cachedSession, cacheSession, forgetSession, forgetUserSessions } from './session-cache.js';

export const SESSION_COOKIE = 'guohe_sid';

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** How long a resolved session may be reused from memory (0: always read the database). */
  cacheMs?: number;
}

/** What a session may do before its user fixes something (see restriction-hook.ts in security/). */
export type SessionRestriction = 'mfa_enrolment_required' | 'password_expired';

const restrictions = new WeakMap<Actor, SessionRestriction>();

/** The restriction of the session an actor was resolved from, if any. */
export function restrictionOf(actor: Actor): SessionRestriction | null {
  return restrictions.get(actor) ?? null;
}

export async function createSession(
  db: Db,
  userId: string,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null; restriction?: SessionRestriction | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: tokenId(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + policy.absoluteHours * 3_600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    restriction: meta.restriction ?? null,
  });
  return { token, csrfToken };
}

/** Resolve a cookie token to an actor; null when unknown, revoked, idle too long or expired. */
export async function resolveSession(db: Db, token: string, policy: SessionPolicy): Promise<Actor | null> {
  const id = tokenId(token);
  const idleMs = policy.idleMinutes * 60_000;
  const ttl = policy.cacheMs ?? 0;
  const hit = cachedSession(id, ttl, Date.now());
  if (hit) {
    const now = Date.now();
    if (hit.expiresAt > now && hit.lastSeenAt + idleMs > now) return hit.actor;
    forgetSession(id);
    return null;
  }
  const [row] = await db
    .select({
      session: sessions,
      user: { id: users.id, username: users.username, displayName: users.displayName, status: users.status, locale: users.locale },
      org: { id: organizations.id, kind: organizations.kind, nameZh: organizations.nameZh, nameEn: organizations.nameEn, regionCode: organizations.regionCode },
      roles: sql<string[]>`coalesce((select array_agg(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  if (!row || row.user.status !== 'active') return null;
  const now = Date.now();
  if (row.session.expiresAt.getTime() <= now || row.session.lastSeenAt.getTime() + idleMs <= now) return null;
  // Touch at most once a minute: sliding idle timeout without a write per request.
  let lastSeenAt = row.session.lastSeenAt.getTime();
  if (now - lastSeenAt > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
    lastSeenAt = now;
  }
  const actor: Actor = {
    userId: row.user.id,
    sessionId: id,
    username: row.user.username,
    displayName: row.user.displayName,
    orgId: row.org.id,
    orgKind: row.org.kind,
    orgNameZh: row.org.nameZh,
    orgNameEn: row.org.nameEn,
    regionCode: row.org.regionCode,
    roles: (row.roles ?? []).filter(isRole),
    locale: row.user.locale,
    csrfToken: row.session.csrfToken,
  };
  if (row.session.restriction) restrictions.set(actor, row.session.restriction as SessionRestriction);
  cacheSession(id, ttl, { actor, userId: actor.userId, lastSeenAt, expiresAt: row.session.expiresAt.getTime() }, now);
  return actor;
}

/** Set or clear the restriction of one session (after enrolment or a password change). */
export async function setSessionRestriction(db: Db, sessionId: string, restriction: SessionRestriction | null): Promise<void> {
  forgetSession(sessionId);
  await db.update(sessions).set({ restriction }).where(eq(sessions.id, sessionId));
}

/** The user's sessions that still work (not revoked, not expired, not idle too long), newest first. */
export async function listActiveSessions(db: Db, userId: string, policy: SessionPolicy, currentSessionId: string) {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(
      eq(sessions.userId, userId),
      isNull(sessions.revokedAt),
      gt(sessions.expiresAt, sql`now()`),
      gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${policy.idleMinutes})`),
    ))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({
    id: r.handle,
    ip: r.ip,
    userAgent: r.userAgent,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    current: r.id === currentSessionId,
  }));
}

/** Revoke one of the user's own sessions by its public handle; returns the private id, or null. */
export async function revokeSessionByHandle(db: Db, userId: string, handle: string): Promise<string | null> {
  const [row] = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), eq(sessions.handle, handle), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  if (row) forgetSession(row.id);
  return row?.id ?? null;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  forgetSession(sessionId);
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function revokeAllSessions(db: Db, userId: string): Promise<number> {
  forgetUserSessions(userId);
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}
