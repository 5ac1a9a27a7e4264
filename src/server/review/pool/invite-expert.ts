// Invitation (邀请入库): the ministry or a department creates a pending expert account; the expert
// sets a password with the one-time token and then completes the profile. A pending account
// cannot sign in and is never proposed (only active users are in the assignable pool).
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZAcceptInvitation, ZExpertInvite } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { sm3Hex, type Sm4KeyRing } from '../../platform/crypto/sm.js';
import { AppError, type Lang } from '../../platform/http/errors.js';
import { passwordHistory, userRoles, users } from '../../accounts/tables.js';
import { seal } from '../../accounts/personal-data.js';
import { hashPassword } from '../../accounts/passwords.js';
import { assertPasswordRules } from '../../accounts/password-change.js';
import { getSecuritySettings } from '../../security/settings.js';
import { organizations } from '../../organizations/tables.js';
import { expertInvitations, expertProfiles } from '../tables.js';

export const INVITATION_DAYS = 14;
/** Not an argon2 hash: verification fails, so the account cannot sign in before accepting. */
const NO_PASSWORD = '!invited';

export type NewExpert = z.infer<typeof ZExpertInvite> & { languages?: string[]; foreignExperience?: string | null; regionCode?: string | null; status?: string };

export function requireInviter(actor: Actor) {
  if (!scopeFor(actor.roles, 'expert', 'create')) throw new AppError('forbidden');
}

/** Inside the caller's transaction: user (pending), role, profile, invitation. Returns the token once. */
export async function insertPendingExpert(tx: Db, actor: Actor, ring: Sm4KeyRing, e: NewExpert, now = new Date()) {
  const [user] = await tx.insert(users).values({ orgId: e.orgId, username: e.username, displayName: e.name, passwordHash: NO_PASSWORD, status: 'pending' }).returning({ id: users.id });
  const userId = user!.id;
  // Contact details are sealed with the row's id, so they are written after the id exists.
  if (e.email || e.phone) await tx.update(users).set({ email: seal(ring, 'email', userId, e.email), phone: seal(ring, 'phone', userId, e.phone) }).where(eq(users.id, userId));
  await tx.insert(userRoles).values({ userId, role: 'expert' });
  await tx.insert(expertProfiles).values({
    userId, fields: e.fields, keywords: e.keywords, title: e.title ?? null, languages: e.languages ?? [], foreignExperience: e.foreignExperience ?? null,
    regionCode: e.regionCode ?? null, status: e.status ?? 'active', invitedBy: actor.userId, invitedByOrgId: actor.orgId,
  });
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  await tx.insert(expertInvitations).values({ userId, tokenHash: sm3Hex(token), invitedBy: actor.userId, invitedByOrgId: actor.orgId, expiresAt });
  return { expertId: userId, token, expiresAt: expiresAt.toISOString() };
}

export async function inviteExpert(db: Db, actor: Actor, audit: AuditActor, ring: Sm4KeyRing, input: z.infer<typeof ZExpertInvite>) {
  requireInviter(actor);
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.orgId));
    if (!org) throw new AppError('validation_failed', { fields: [{ field: 'orgId', rule: 'exists', message: 'no such organization' }] });
    const [dup] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (dup) throw new AppError('duplicate', { fields: [{ field: 'username', rule: 'unique', message: '用户名已被使用 / Username taken' }] });
    const out = await insertPendingExpert(tx, actor, ring, input);
    await recordAudit(tx, audit, { action: 'expert.invite', entityType: 'expert', entityId: out.expertId, scopeOrgId: actor.orgId, after: { username: input.username, orgId: input.orgId, fields: input.fields } });
    return out;
  });
}

export async function acceptInvitation(db: Db, ip: string | null, input: z.infer<typeof ZAcceptInvitation>, lang: Lang, now = new Date()) {
  const [inv] = await db.select().from(expertInvitations)
    .where(and(eq(expertInvitations.tokenHash, sm3Hex(input.token)), isNull(expertInvitations.acceptedAt), gt(expertInvitations.expiresAt, now)));
  if (!inv) throw new AppError('invitation_invalid');
  const [user] = await db.select().from(users).where(eq(users.id, inv.userId));
  if (!user || user.status !== 'pending') throw new AppError('invitation_invalid');
  assertPasswordRules('password', input.password, await getSecuritySettings(db), lang, user.username);
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // The row lock makes a token usable once even when two requests race.
    const [fresh] = await tx.select({ acceptedAt: expertInvitations.acceptedAt }).from(expertInvitations).where(eq(expertInvitations.id, inv.id)).for('update');
    if (fresh?.acceptedAt) throw new AppError('invitation_invalid');
    await tx.update(expertInvitations).set({ acceptedAt: now }).where(eq(expertInvitations.id, inv.id));
    await tx.update(users).set({ passwordHash: hash, status: 'active', passwordChangedAt: now, version: user.version + 1 }).where(eq(users.id, user.id));
    await tx.insert(passwordHistory).values({ userId: user.id, passwordHash: hash });
    await recordAudit(tx, { userId: user.id, orgId: user.orgId, ip }, { action: 'expert.invitation_accept', entityType: 'expert', entityId: user.id });
    return { username: user.username };
  });
}
