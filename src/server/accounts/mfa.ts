import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Sm4KeyRing } from '../platform/crypto/sm.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { getSecuritySettings } from '../security/settings.js';
import { seal, unseal } from './personal-data.js';
import { mfaRequiredFor, restrictionFor } from './restriction.js';
import { setSessionRestriction } from './sessions.js';
import { recoveryCodes, users } from './tables.js';
import { matchTotp, newRecoveryCodes, newTotpSecret, otpauthUri, recoveryCodeHash } from './totp.js';
import { verifySecondFactor } from './sign-in.js';
import { securityKeyCount } from './security-keys.js';

async function userRow(db: Db, userId: string) {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw new AppError('not_found');
  return u;
}

export async function mfaStatus(db: Db, actor: Actor) {
  const u = await userRow(db, actor.userId);
  const [left] = await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, u.id), isNull(recoveryCodes.usedAt)));
  const s = await getSecuritySettings(db);
  return {
    totpEnabled: !!u.totpSecret,
    totpEnabledAt: u.totpEnabledAt?.toISOString() ?? null,
    enrolmentPending: !!u.totpPendingSecret,
    recoveryCodesLeft: u.totpSecret ? (left?.n ?? 0) : 0,
    securityKeys: await securityKeyCount(db, u.id),
    required: mfaRequiredFor(actor.roles, s),
  };
}

/**
 * Start enrolment: a fresh secret, generated here, stored SM4-encrypted as pending, and returned
 * once as an otpauth:// URI for the authenticator app. Enrolment ends with confirmTotp.
 */
export async function startTotpEnrolment(db: Db, ring: Sm4KeyRing, actor: Actor, audit: AuditActor) {
  const u = await userRow(db, actor.userId);
  if (u.totpSecret) throw new AppError('conflict', { message: { zh: '已绑定动态口令；如需更换，请先解除绑定', en: 'An authenticator is already set up; remove it first to replace it' } });
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpPendingSecret: seal(ring, 'totp_pending_secret', u.id, secret) }).where(eq(users.id, u.id));
    await recordAudit(tx, audit, { action: 'mfa.totp_enrolment_start', entityType: 'user', entityId: u.id });
  });
  return { otpauthUri: otpauthUri(u.username, secret) };
}

async function replaceRecoveryCodes(tx: Db, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: recoveryCodeHash(userId, c) })));
  return codes;
}

/** Confirm with a code from the app: the pending secret becomes active; 10 recovery codes are shown once. */
export async function confirmTotp(db: Db, ring: Sm4KeyRing, actor: Actor, code: string, audit: AuditActor) {
  const u = await userRow(db, actor.userId);
  const pending = unseal(ring, 'totp_pending_secret', u.id, u.totpPendingSecret);
  if (!pending) throw new AppError('conflict', { message: { zh: '请先开始绑定动态口令', en: 'Start the authenticator set-up first' } });
  const step = matchTotp(code.trim(), pending);
  if (step === null) {
    throw new AppError('validation_failed', { fields: [{ field: 'code', rule: 'totp_mismatch', message: '验证码不正确 / The code does not match' }] });
  }
  const s = await getSecuritySettings(db);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: seal(ring, 'totp_secret', u.id, pending), totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step })
      .where(eq(users.id, u.id));
    const codes = await replaceRecoveryCodes(tx, u.id);
    // The session that enrolled is no longer held back by the enrolment requirement.
    await setSessionRestriction(tx, actor.sessionId, restrictionFor({ roles: actor.roles, passwordChangedAt: u.passwordChangedAt, totpEnabled: true }, s));
    await recordAudit(tx, audit, { action: 'mfa.totp_enabled', entityType: 'user', entityId: u.id });
    return { recoveryCodes: codes };
  });
}

/** New recovery codes (the old ones stop working), proven with a current code. */
export async function regenerateRecoveryCodes(db: Db, ring: Sm4KeyRing, actor: Actor, code: string, audit: AuditActor) {
  const u = await userRow(db, actor.userId);
  if (!u.totpSecret) throw new AppError('conflict', { message: { zh: '尚未绑定动态口令', en: 'No authenticator is set up' } });
  if (!(await verifySecondFactor(db, ring, u, code))) {
    throw new AppError('validation_failed', { fields: [{ field: 'code', rule: 'totp_mismatch', message: '验证码不正确 / The code does not match' }] });
  }
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, u.id);
    await recordAudit(tx, audit, { action: 'mfa.recovery_codes_regenerated', entityType: 'user', entityId: u.id });
    return { recoveryCodes: codes };
  });
}

/** Remove the second factor, proven with a current code; refused where the policy requires one. */
export async function disableTotp(db: Db, ring: Sm4KeyRing, actor: Actor, code: string, audit: AuditActor) {
  const u = await userRow(db, actor.userId);
  if (!u.totpSecret) throw new AppError('conflict', { message: { zh: '尚未绑定动态口令', en: 'No authenticator is set up' } });
  const s = await getSecuritySettings(db);
  // The policy is met by TOTP or a security key: TOTP may go while a key remains.
  if (mfaRequiredFor(actor.roles, s) && (await securityKeyCount(db, u.id)) === 0) {
    throw new AppError('forbidden', { message: { zh: '安全策略要求您的账号使用双因素认证，不能解除绑定', en: 'The security policy requires two-factor authentication for your account' } });
  }
  if (!(await verifySecondFactor(db, ring, u, code))) {
    throw new AppError('validation_failed', { fields: [{ field: 'code', rule: 'totp_mismatch', message: '验证码不正确 / The code does not match' }] });
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpPendingSecret: null, totpLastStep: null }).where(eq(users.id, u.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, u.id));
    await recordAudit(tx, audit, { action: 'mfa.totp_disabled', entityType: 'user', entityId: u.id });
  });
  return { ok: true as const };
}
