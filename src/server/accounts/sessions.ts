import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { isRole } from '../platform/authz/roles.js';
import { organizations } from '../organizations/tables.js';
import { sessions, userRoles, users } from './tables.js';

export const SESSION_COOKIE = 'guohe_sid';

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(
  db: Db,
  userId: string,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
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
  });
  return { token, csrfToken };
}

/** Resolve a cookie token to an actor; null when unknown, revoked, idle too long or expired. */
export async function resolveSession(db: Db, token: string, policy: SessionPolicy): Promise<Actor | null> {
  const id = tokenId(token);
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
  const idleMs = policy.idleMinutes * 60_000;
  if (row.session.expiresAt.getTime() <= now || row.session.lastSeenAt.getTime() + idleMs <= now) return null;
  // Touch at most once a minute: sliding idle timeout without a write per request.
  if (now - row.session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
  }
  return {
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
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function revokeAllSessions(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}
