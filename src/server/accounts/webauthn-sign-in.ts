import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Db } from '../platform/db/client.js';
import { recordAudit } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { getSecuritySettings } from '../security/settings.js';
import type { SessionPolicy } from './sessions.js';
import { securityKeysOf } from './security-keys.js';
import {
  completeSignIn, isLocked, MFA_CHALLENGE_ATTEMPTS, recordFailure, refuseBlockedAddress, ua, type SignInResult,
} from './sign-in.js';
import { loginEvents, mfaChallenges, users, webauthnCredentials } from './tables.js';
import { consumeChallenge, signedChallenge, storeChallenge, WEBAUTHN_TIMEOUT_MS } from './webauthn-challenges.js';
import type { RelyingParty } from './webauthn-rp.js';

interface Meta {
  ip: string | null;
  userAgent: string | null;
}

/** The pending sign-in (after a correct password): open, unexpired, attempts left; else the generic refusal. */
async function pendingSignIn(db: Db, challengeId: string) {
  const [challenge] = await db
    .select()
    .from(mfaChallenges)
    .where(and(eq(mfaChallenges.id, challengeId), isNull(mfaChallenges.usedAt), gt(mfaChallenges.expiresAt, sql`now()`)));
  if (!challenge || challenge.attempts >= MFA_CHALLENGE_ATTEMPTS) throw new AppError('webauthn_failed');
  const [user] = await db.select().from(users).where(eq(users.id, challenge.userId));
  if (!user || user.status !== 'active') throw new AppError('webauthn_failed');
  return { challenge, user };
}

/**
 * Options for navigator.credentials.get() in the second step of a sign-in: the account's keys and a
 * challenge stored bound to the pending sign-in (any app instance can verify the answer).
 */
export async function webauthnSignInOptions(db: Db, rp: RelyingParty, input: Meta & { challengeId: string }) {
  const s = await getSecuritySettings(db);
  await refuseBlockedAddress(db, input, s);
  const { challenge, user } = await pendingSignIn(db, input.challengeId);
  const keys = await securityKeysOf(db, user.id);
  if (keys.length === 0) throw new AppError('webauthn_failed');
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: k.transports as never })),
    userVerification: 'preferred',
    timeout: WEBAUTHN_TIMEOUT_MS,
  });
  await storeChallenge(db, options.challenge, { purpose: 'authentication', userId: user.id, mfaChallengeId: challenge.id }, challenge.expiresAt);
  return options;
}

/**
 * The second step with a security key. Refused (and counted toward the lockout like a wrong code):
 * a challenge not issued for this sign-in or already answered, a key of another account, a wrong
 * origin or RP ID, a bad signature, a signature counter that did not grow (a cloned key).
 * The counter, the challenge and the audit record change with the new session, in one transaction.
 */
export async function completeWebauthnSignIn(
  db: Db, rp: RelyingParty, input: Meta & { challengeId: string; response: AuthenticationResponseJSON }, policy: SessionPolicy,
): Promise<SignInResult> {
  const s = await getSecuritySettings(db);
  await refuseBlockedAddress(db, input, s);
  const { challenge, user } = await pendingSignIn(db, input.challengeId);
  if (isLocked(user)) {
    await db.insert(loginEvents).values({ userId: user.id, username: user.username, ip: input.ip, ok: false, reason: 'locked', userAgent: ua(input.userAgent) });
    throw new AppError('bad_credentials');
  }
  const expected = await consumeChallenge(db, signedChallenge(input.response.response.clientDataJSON), { purpose: 'authentication', userId: user.id, mfaChallengeId: challenge.id });
  const [key] = await db
    .select()
    .from(webauthnCredentials)
    .where(and(eq(webauthnCredentials.credentialId, input.response.id), eq(webauthnCredentials.userId, user.id)));
  let failure = !expected ? 'webauthn_challenge' : !key ? 'webauthn_unknown_key' : null;
  let newCounter = 0;
  if (!failure && expected && key) {
    try {
      const v = await verifyAuthenticationResponse({
        response: input.response,
        expectedChallenge: expected,
        expectedOrigin: rp.origins,
        expectedRPID: rp.id,
        credential: { id: key.credentialId, publicKey: Buffer.from(key.publicKey, 'base64url'), counter: key.counter, transports: key.transports as never },
        requireUserVerification: false,
      });
      if (v.verified) newCounter = v.authenticationInfo.newCounter;
      else failure = 'webauthn_signature';
    } catch (e) {
      failure = /counter/i.test((e as Error).message) ? 'webauthn_counter' : 'webauthn_verification';
    }
  }
  if (failure || !key) {
    await refuse(db, user, challenge.id, input, failure ?? 'webauthn_unknown_key', key?.id ?? null, s);
  }
  return completeSignIn(db, user, input, policy, s, 'webauthn', async (tx) => {
    // Single use of the pending sign-in; and the counter moves only from the value just checked,
    // so two answers racing with the same counter cannot both sign in.
    const used = await tx.update(mfaChallenges).set({ usedAt: new Date() }).where(and(eq(mfaChallenges.id, challenge.id), isNull(mfaChallenges.usedAt))).returning({ id: mfaChallenges.id });
    const moved = await tx
      .update(webauthnCredentials)
      .set({ counter: newCounter, lastUsedAt: new Date() })
      .where(and(eq(webauthnCredentials.id, key!.id), eq(webauthnCredentials.counter, key!.counter)))
      .returning({ id: webauthnCredentials.id });
    if (used.length === 0 || moved.length === 0) throw new AppError('webauthn_failed');
    await recordAudit(tx, { userId: user.id, orgId: user.orgId, ip: input.ip }, { action: 'mfa.webauthn_used', entityType: 'user', entityId: user.id, after: { key: key!.id, counter: newCounter } });
  });
}

async function refuse(
  db: Db, user: typeof users.$inferSelect, challengeId: string, input: Meta, reason: string, keyId: string | null, s: Awaited<ReturnType<typeof getSecuritySettings>>,
): Promise<never> {
  await db.update(mfaChallenges).set({ attempts: sql`${mfaChallenges.attempts} + 1` }).where(eq(mfaChallenges.id, challengeId));
  await recordFailure(db, user, input, reason, s);
  // A counter that went back means two copies of one key: the security administrator should know.
  if (reason === 'webauthn_counter') {
    await recordAudit(db, { userId: user.id, orgId: user.orgId, ip: input.ip }, { action: 'mfa.webauthn_counter_regression', entityType: 'user', entityId: user.id, after: { key: keyId } });
  }
  throw new AppError('webauthn_failed');
}
