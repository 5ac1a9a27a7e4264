import { and, eq } from 'drizzle-orm';
import { generateRegistrationOptions, verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Db } from '../platform/db/client.js';
import type { Sm4KeyRing } from '../platform/crypto/sm.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError, type Lang } from '../platform/http/errors.js';
import { getSecuritySettings } from '../security/settings.js';
import { verifyPassword } from './passwords.js';
import { mfaRequiredFor, restrictionFor } from './restriction.js';
import { securityKeysOf } from './security-keys.js';
import { setSessionRestriction } from './sessions.js';
import { verifySecondFactor } from './sign-in.js';
import { users, webauthnCredentials } from './tables.js';
import { consumeChallenge, signedChallenge, storeChallenge, WEBAUTHN_TIMEOUT_MS } from './webauthn-challenges.js';
import type { RelyingParty } from './webauthn-rp.js';

/** More keys than this is a sign of something wrong, not of care. */
export const MAX_SECURITY_KEYS = 10;

type CredentialRow = typeof webauthnCredentials.$inferSelect;

export function describeKey(c: CredentialRow) {
  return {
    id: c.id,
    name: c.name,
    createdAt: c.createdAt.toISOString(),
    lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
    deviceType: c.deviceType,
    backedUp: c.backedUp,
    transports: c.transports,
  };
}

export async function listSecurityKeys(db: Db, actor: Actor) {
  return { items: (await securityKeysOf(db, actor.userId)).map(describeKey) };
}

/**
 * Options for navigator.credentials.create(): a fresh challenge, stored bound to this session, and
 * the keys already registered (excludeCredentials: the same key is not registered twice). A second
 * factor needs user presence, not a PIN: user verification is preferred, not required.
 */
export async function registrationOptions(db: Db, actor: Actor, rp: RelyingParty) {
  const existing = await securityKeysOf(db, actor.userId);
  if (existing.length >= MAX_SECURITY_KEYS) {
    throw new AppError('conflict', { message: { zh: `最多可添加 ${MAX_SECURITY_KEYS} 个安全密钥，请先移除不用的密钥`, en: `At most ${MAX_SECURITY_KEYS} security keys; remove one you no longer use first` } });
  }
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: actor.username,
    userDisplayName: actor.displayName,
    userID: new TextEncoder().encode(actor.userId),
    attestationType: 'none',
    timeout: WEBAUTHN_TIMEOUT_MS,
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports as never })),
    authenticatorSelection: { residentKey: 'discouraged', userVerification: 'preferred' },
  });
  await storeChallenge(db, options.challenge, { purpose: 'registration', userId: actor.userId, sessionId: actor.sessionId });
  return options;
}

function refused(lang: Lang, rule: string): AppError {
  const message = rule === 'webauthn_challenge'
    ? { zh: '字段「response」：安全密钥的应答不属于本次添加（已使用、已过期或来自其他会话），请重新添加', en: 'Field "response": the security key answered a challenge that is used, expired or from another session; add the key again' }
    : { zh: '字段「response」：安全密钥的应答未通过验证（来源、站点标识或签名不符），请重试', en: 'Field "response": the security key\'s answer did not verify (origin, site ID or signature); try again' };
  return new AppError('validation_failed', { fields: [{ field: 'response', rule, message: message[lang] }] });
}

/**
 * Check the browser's attestation against the stored challenge, the configured origins and RP ID,
 * and keep the credential's public key. Attestation 'none': the key's maker is not checked, only
 * that this key now holds the private half. Lifts an mfa_enrolment_required restriction.
 */
export async function registerSecurityKey(
  db: Db, actor: Actor, rp: RelyingParty, input: { name: string; response: RegistrationResponseJSON }, lang: Lang, audit: AuditActor,
) {
  const challenge = await consumeChallenge(db, signedChallenge(input.response.response.clientDataJSON), { purpose: 'registration', userId: actor.userId, sessionId: actor.sessionId });
  if (!challenge) throw refused(lang, 'webauthn_challenge');
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw refused(lang, 'webauthn_verification');
  const { credential, credentialDeviceType, credentialBackedUp, aaguid } = verification.registrationInfo;
  // WebAuthn §4: a credential ID is at most 1023 bytes (1364 base64url characters); longer is forged.
  if (credential.id.length > 1364) throw refused(lang, 'webauthn_verification');
  const [u] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!u) throw new AppError('unauthenticated');
  const s = await getSecuritySettings(db);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webauthnCredentials)
      .values({
        userId: u.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? input.response.response.transports ?? [],
        name: input.name,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        aaguid,
      })
      .onConflictDoNothing({ target: webauthnCredentials.credentialId })
      .returning();
    if (!row) throw new AppError('duplicate', { message: { zh: '该安全密钥已经添加过', en: 'This security key is already registered' } });
    await setSessionRestriction(tx, actor.sessionId, restrictionFor({ roles: actor.roles, passwordChangedAt: u.passwordChangedAt, totpEnabled: !!u.totpSecret, webauthnEnabled: true }, s));
    await recordAudit(tx, audit, { action: 'mfa.webauthn_registered', entityType: 'user', entityId: u.id, after: { key: row.id, name: row.name, deviceType: row.deviceType, aaguid } });
    return describeKey(row);
  });
}

/**
 * Remove one of my keys, proven again with the password or a current TOTP/recovery code (a stolen
 * session alone cannot strip the second factor). Refused when the policy requires a second factor
 * and this is the last one. Another user's key answers 404, like an unknown id.
 */
export async function removeSecurityKey(
  db: Db, ring: Sm4KeyRing, actor: Actor, id: string, proof: { password?: string; code?: string }, lang: Lang, audit: AuditActor,
) {
  const [u] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!u) throw new AppError('unauthenticated');
  const [key] = await db.select().from(webauthnCredentials).where(and(eq(webauthnCredentials.id, id), eq(webauthnCredentials.userId, u.id)));
  if (!key) throw new AppError('not_found');
  await assertProof(db, ring, u, proof, lang);
  const s = await getSecuritySettings(db);
  const others = (await securityKeysOf(db, u.id)).filter((c) => c.id !== key.id).length;
  if (mfaRequiredFor(actor.roles, s) && !u.totpSecret && others === 0) {
    throw new AppError('forbidden', { message: { zh: '安全策略要求您的账号使用双因素认证，不能移除最后一个安全密钥', en: 'The security policy requires two-factor authentication for your account; the last security key cannot be removed' } });
  }
  await db.transaction(async (tx) => {
    const gone = await tx.delete(webauthnCredentials).where(and(eq(webauthnCredentials.id, key.id), eq(webauthnCredentials.userId, u.id))).returning({ id: webauthnCredentials.id });
    if (gone.length === 0) throw new AppError('not_found');
    await recordAudit(tx, audit, { action: 'mfa.webauthn_removed', entityType: 'user', entityId: u.id, before: { key: key.id, name: key.name }, after: { proof: proof.code ? 'second_factor' : 'password' } });
  });
  return { ok: true as const };
}

async function assertProof(db: Db, ring: Sm4KeyRing, u: typeof users.$inferSelect, proof: { password?: string; code?: string }, lang: Lang) {
  if (proof.code) {
    if (await verifySecondFactor(db, ring, u, proof.code)) return;
    throw new AppError('validation_failed', { fields: [{ field: 'code', rule: 'totp_mismatch', message: lang === 'zh' ? '字段「code」：验证码不正确' : 'Field "code": the code does not match' }] });
  }
  if (proof.password && (await verifyPassword(u.passwordHash, proof.password))) return;
  throw new AppError('validation_failed', {
    fields: [proof.password
      ? { field: 'password', rule: 'incorrect', message: lang === 'zh' ? '字段「password」：密码不正确' : 'Field "password": the password is wrong' }
      : { field: 'password', rule: 'required', message: lang === 'zh' ? '字段「password」：请输入密码或动态验证码以确认身份' : 'Field "password": enter your password or a current code to confirm it is you' }],
  });
}
