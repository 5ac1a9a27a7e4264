import { and, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Sm4KeyRing } from '../platform/crypto/sm.js';
import { recordAudit } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { getSecuritySettings, type SecuritySettings } from '../security/settings.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { createSession, type SessionPolicy, type SessionRestriction } from './sessions.js';
import { loginEvents, mfaChallenges, recoveryCodes, users } from './tables.js';
import { restrictionFor, rolesOf } from './restriction.js';
import { unseal } from './personal-data.js';
import { matchTotp, normaliseRecoveryCode, recoveryCodeHash } from './totp.js';
import { hasSecurityKeys } from './security-keys.js';

/** Defaults; the live values come from security_settings (accountMaxFailures, accountLockMinutes). */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const MFA_CHALLENGE_MINUTES = 5;
export const MFA_CHALLENGE_ATTEMPTS = 5;

export interface SignInInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export type SignInResult =
  | { kind: 'session'; token: string; csrfToken: string; restriction: SessionRestriction | null }
  | { kind: 'mfa'; challengeId: string; methods: SecondFactorMethod[] };

/** How the second step may be completed: a code (TOTP or recovery code) or a security key (WebAuthn). */
export type SecondFactorMethod = 'totp' | 'webauthn';

export type UserRow = typeof users.$inferSelect;

export const ua = (s: string | null) => s?.slice(0, 300) ?? null;

/**
 * GB/T 22239-2019 8.1.4.1 b (登录失败处理): failures from one client address within the window.
 * Refused attempts are logged but not counted, so the block ends one window after the failures.
 */
export async function refuseBlockedAddress(db: Db, input: { ip: string | null; userAgent: string | null; username?: string }, s: SecuritySettings) {
  if (!input.ip) return;
  const [row] = await db
    .select({ n: count() })
    .from(loginEvents)
    .where(and(
      eq(loginEvents.ip, input.ip),
      eq(loginEvents.ok, false),
      ne(loginEvents.reason, 'address_blocked'),
      gt(loginEvents.at, sql`now() - make_interval(mins => ${s.addressWindowMinutes})`),
    ));
  if ((row?.n ?? 0) >= s.addressMaxFailures) {
    await db.insert(loginEvents).values({ username: (input.username ?? '').slice(0, 100), ip: input.ip, ok: false, reason: 'address_blocked', userAgent: ua(input.userAgent) });
    throw new AppError('sign_in_throttled');
  }
}

/** One failed attempt on a known account (wrong password or wrong second-factor code): counts toward lockout. */
export async function recordFailure(db: Db, user: UserRow, input: { ip: string | null; userAgent: string | null }, reason: string, s: SecuritySettings) {
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failed: users.failedLogins });
    await tx.insert(loginEvents).values({ userId: user.id, username: user.username, ip: input.ip, ok: false, reason, userAgent: ua(input.userAgent) });
    if ((after?.failed ?? 0) >= s.accountMaxFailures) {
      const lockedUntil = new Date(Date.now() + s.accountLockMinutes * 60_000);
      await tx.update(users).set({ failedLogins: 0, lockedUntil }).where(eq(users.id, user.id));
      await recordAudit(tx, { userId: user.id, orgId: user.orgId, ip: input.ip }, { action: 'account.locked', entityType: 'user', entityId: user.id, after: { lockedUntil, reason } });
    }
  });
}

export const isLocked = (user: UserRow) => !!user.lockedUntil && user.lockedUntil.getTime() > Date.now();

/**
 * Generic failure for unknown user, wrong password and locked account alike, so the answer does
 * not reveal whether an account exists. Failures lock the account (per-account count) and refuse
 * the client address (per-address count). With a second factor enrolled, a correct password yields
 * a challenge instead of a session.
 */
export async function signIn(db: Db, input: SignInInput, policy: SessionPolicy): Promise<SignInResult> {
  const s = await getSecuritySettings(db);
  await refuseBlockedAddress(db, input, s);
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await db.insert(loginEvents).values({ username: input.username.slice(0, 100), ip: input.ip, ok: false, reason: 'unknown_user', userAgent: ua(input.userAgent) });
    throw new AppError('bad_credentials');
  }
  if (isLocked(user)) {
    await verifyPassword(await dummyHash(), input.password);
    await db.insert(loginEvents).values({ userId: user.id, username: user.username, ip: input.ip, ok: false, reason: 'locked', userAgent: ua(input.userAgent) });
    throw new AppError('bad_credentials');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(db, user, input, 'bad_password', s);
    throw new AppError('bad_credentials');
  }
  if (user.status === 'pending') throw new AppError('account_pending');
  if (user.status !== 'active') throw new AppError('bad_credentials');
  const methods: SecondFactorMethod[] = [];
  if (user.totpSecret) methods.push('totp');
  if (await hasSecurityKeys(db, user.id)) methods.push('webauthn');
  if (methods.length > 0) {
    const [challenge] = await db
      .insert(mfaChallenges)
      .values({ userId: user.id, expiresAt: new Date(Date.now() + MFA_CHALLENGE_MINUTES * 60_000), ip: input.ip, userAgent: ua(input.userAgent) })
      .returning({ id: mfaChallenges.id });
    return { kind: 'mfa', challengeId: challenge!.id, methods };
  }
  return completeSignIn(db, user, input, policy, s, 'password');
}

/**
 * The session, once every factor is proven. `within` runs first in the same transaction (WebAuthn:
 * consume the challenge, advance the key's counter, audit the use), so a failure there creates nothing.
 */
export async function completeSignIn(
  db: Db, user: UserRow, input: { ip: string | null; userAgent: string | null }, policy: SessionPolicy, s: SecuritySettings, method: string,
  within?: (tx: Db) => Promise<void>,
) {
  const restriction = restrictionFor(
    { roles: await rolesOf(db, user.id), passwordChangedAt: user.passwordChangedAt, totpEnabled: !!user.totpSecret, webauthnEnabled: await hasSecurityKeys(db, user.id) },
    s,
  );
  return db.transaction(async (tx) => {
    await within?.(tx);
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(loginEvents).values({ userId: user.id, username: user.username, ip: input.ip, ok: true, reason: method, userAgent: ua(input.userAgent) });
    const session = await createSession(tx, user.id, policy, { ...input, restriction });
    await recordAudit(tx, { userId: user.id, orgId: user.orgId, ip: input.ip }, { action: 'session.sign_in', entityType: 'user', entityId: user.id, after: { method, restriction } });
    return { kind: 'session' as const, ...session, restriction };
  });
}

export interface MfaInput {
  challengeId: string;
  code: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * The second step: a TOTP code (never the same time step twice) or an unused recovery code.
 * A wrong code counts toward the account's lockout and the address's failures like a wrong password.
 */
export async function completeMfaSignIn(db: Db, ring: Sm4KeyRing, input: MfaInput, policy: SessionPolicy): Promise<SignInResult> {
  const s = await getSecuritySettings(db);
  await refuseBlockedAddress(db, input, s);
  const [challenge] = await db
    .select()
    .from(mfaChallenges)
    .where(and(eq(mfaChallenges.id, input.challengeId), isNull(mfaChallenges.usedAt), gt(mfaChallenges.expiresAt, sql`now()`)));
  if (!challenge || challenge.attempts >= MFA_CHALLENGE_ATTEMPTS) throw new AppError('mfa_code_invalid');
  const [user] = await db.select().from(users).where(eq(users.id, challenge.userId));
  if (!user || user.status !== 'active' || !user.totpSecret) throw new AppError('mfa_code_invalid');
  if (isLocked(user)) {
    await db.insert(loginEvents).values({ userId: user.id, username: user.username, ip: input.ip, ok: false, reason: 'locked', userAgent: ua(input.userAgent) });
    throw new AppError('bad_credentials');
  }
  const verified = await verifySecondFactor(db, ring, user, input.code);
  if (!verified) {
    await db.update(mfaChallenges).set({ attempts: sql`${mfaChallenges.attempts} + 1` }).where(eq(mfaChallenges.id, challenge.id));
    await recordFailure(db, user, input, 'bad_mfa_code', s);
    throw new AppError('mfa_code_invalid');
  }
  // Single use: the update only succeeds for the first of two racing completions.
  const used = await db
    .update(mfaChallenges)
    .set({ usedAt: new Date() })
    .where(and(eq(mfaChallenges.id, challenge.id), isNull(mfaChallenges.usedAt)))
    .returning({ id: mfaChallenges.id });
  if (used.length === 0) throw new AppError('mfa_code_invalid');
  return completeSignIn(db, user, input, policy, s, verified);
}

/** 'totp' or 'recovery_code' when the code is right (and consumes it), else null. */
export async function verifySecondFactor(db: Db, ring: Sm4KeyRing, user: UserRow, code: string): Promise<'totp' | 'recovery_code' | null> {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const secret = unseal(ring, 'totp_secret', user.id, user.totpSecret);
    if (!secret) return null;
    const step = matchTotp(trimmed, secret);
    if (step === null) return null;
    // Replay: accept a step only once, atomically.
    const ok = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
      .returning({ id: users.id });
    return ok.length > 0 ? 'totp' : null;
  }
  if (!normaliseRecoveryCode(trimmed)) return null;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, recoveryCodeHash(user.id, trimmed)), isNull(recoveryCodes.usedAt)))
    .returning({ userId: recoveryCodes.userId });
  return used.length > 0 ? 'recovery_code' : null;
}
