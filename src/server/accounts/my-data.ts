import { desc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Sm4KeyRing } from '../platform/crypto/sm.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { auditLog } from '../platform/audit/tables.js';
import { AppError } from '../platform/http/errors.js';
import { organizations } from '../organizations/tables.js';
import { unseal, seal } from './personal-data.js';
import { drafts, loginEvents, notifications, sessions, userRoles, users } from './tables.js';
import { securityKeysOf } from './security-keys.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** PIPL art. 45 (查阅、复制): everything the system holds about me, decrypted for me alone. */
export async function exportMyData(db: Db, ring: Sm4KeyRing, actor: Actor, audit: AuditActor) {
  const [u] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!u) throw new AppError('unauthenticated');
  const [org] = await db.select().from(organizations).where(eq(organizations.id, u.orgId));
  const [roles, sess, events, myDrafts, notes, trail, keys] = await Promise.all([
    db.select().from(userRoles).where(eq(userRoles.userId, u.id)),
    db.select().from(sessions).where(eq(sessions.userId, u.id)).orderBy(desc(sessions.createdAt)).limit(200),
    db.select().from(loginEvents).where(eq(loginEvents.userId, u.id)).orderBy(desc(loginEvents.at)).limit(500),
    db.select().from(drafts).where(eq(drafts.userId, u.id)),
    db.select().from(notifications).where(eq(notifications.userId, u.id)).orderBy(desc(notifications.createdAt)).limit(500),
    db.select().from(auditLog).where(eq(auditLog.actorUserId, u.id)).orderBy(desc(auditLog.id)).limit(1000),
    securityKeysOf(db, u.id),
  ]);
  const data = {
    exportedAt: new Date().toISOString(),
    user: {
      id: u.id, username: u.username, displayName: u.displayName,
      email: unseal(ring, 'email', u.id, u.email), phone: unseal(ring, 'phone', u.id, u.phone),
      locale: u.locale, status: u.status, createdAt: u.createdAt.toISOString(), passwordChangedAt: u.passwordChangedAt.toISOString(),
      totpEnabled: !!u.totpSecret,
    },
    organization: { id: org!.id, nameZh: org!.nameZh, nameEn: org!.nameEn, kind: org!.kind },
    roles: roles.map((r) => ({ role: r.role, grantedAt: r.grantedAt.toISOString() })),
    // The key's name and use; the public key itself identifies nothing about the person.
    securityKeys: keys.map((k) => ({ name: k.name, createdAt: k.createdAt.toISOString(), lastUsedAt: iso(k.lastUsedAt) })),
    sessions: sess.map((s) => ({ id: s.handle, ip: s.ip, userAgent: s.userAgent, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), expiresAt: s.expiresAt.toISOString(), revokedAt: iso(s.revokedAt) })),
    signIns: events.map((e) => ({ at: e.at.toISOString(), ip: e.ip, userAgent: e.userAgent, ok: e.ok, reason: e.reason })),
    drafts: myDrafts.map((d) => ({ key: d.key, data: d.data, updatedAt: d.updatedAt.toISOString() })),
    notifications: notes.map((n) => ({ kind: n.kind, params: n.params, link: n.link, readAt: iso(n.readAt), createdAt: n.createdAt.toISOString() })),
    auditTrail: trail.map((a) => ({ at: a.at.toISOString(), action: a.action, entityType: a.entityType, entityId: a.entityId, ip: a.ip })),
  };
  await db.transaction((tx) => recordAudit(tx, audit, { action: 'personal_data.export', entityType: 'user', entityId: u.id }));
  return data;
}

/** My contact details (PIPL art. 46, correction), decrypted for me. */
export async function myContact(db: Db, ring: Sm4KeyRing, userId: string) {
  const [u] = await db.select({ id: users.id, email: users.email, phone: users.phone }).from(users).where(eq(users.id, userId));
  if (!u) throw new AppError('unauthenticated');
  return { email: unseal(ring, 'email', u.id, u.email), phone: unseal(ring, 'phone', u.id, u.phone) };
}

export async function updateMyContact(db: Db, ring: Sm4KeyRing, userId: string, next: { email: string | null; phone: string | null }, audit: AuditActor) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ email: seal(ring, 'email', userId, next.email), phone: seal(ring, 'phone', userId, next.phone) }).where(eq(users.id, userId));
    // Which fields changed, never their values: the audit log is not a second copy of personal data.
    await recordAudit(tx, audit, { action: 'personal_data.contact_update', entityType: 'user', entityId: userId, after: { email: next.email !== null, phone: next.phone !== null } });
  });
  return myContact(db, ring, userId);
}
