import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { webauthnChallenges } from './tables.js';

/** How long the browser has to answer a WebAuthn challenge (the sign-in itself lasts 5 minutes too). */
export const WEBAUTHN_CHALLENGE_MINUTES = 5;
/** Timeout handed to the browser (ms): the time to touch the key. */
export const WEBAUTHN_TIMEOUT_MS = 120_000;

type Binding =
  | { purpose: 'registration'; userId: string; sessionId: string }
  | { purpose: 'authentication'; userId: string; mfaChallengeId: string };

export async function storeChallenge(db: Db, challenge: string, binding: Binding, expiresAt?: Date) {
  // Old, unanswered challenges of this user are of no use to anyone.
  await db.delete(webauthnChallenges).where(and(eq(webauthnChallenges.userId, binding.userId), lt(webauthnChallenges.expiresAt, sql`now()`)));
  const limit = new Date(Date.now() + WEBAUTHN_CHALLENGE_MINUTES * 60_000);
  await db.insert(webauthnChallenges).values({
    challenge,
    purpose: binding.purpose,
    userId: binding.userId,
    sessionId: binding.purpose === 'registration' ? binding.sessionId : null,
    mfaChallengeId: binding.purpose === 'authentication' ? binding.mfaChallengeId : null,
    expiresAt: expiresAt && expiresAt < limit ? expiresAt : limit,
  });
}

/** The challenge the browser signed, read from clientDataJSON (base64url JSON); null when unreadable. */
export function signedChallenge(clientDataJSON: string): string | null {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    return typeof data.challenge === 'string' && data.challenge.length > 0 ? data.challenge : null;
  } catch {
    return null;
  }
}

/**
 * Take the challenge out of the database if it was issued for this binding and has not expired.
 * The delete makes it single use: of two racing answers (or a replay) only one finds it.
 */
export async function consumeChallenge(db: Db, challenge: string | null, binding: Binding): Promise<string | null> {
  if (!challenge) return null;
  const bound =
    binding.purpose === 'registration'
      ? eq(webauthnChallenges.sessionId, binding.sessionId)
      : eq(webauthnChallenges.mfaChallengeId, binding.mfaChallengeId);
  const rows = await db
    .delete(webauthnChallenges)
    .where(and(
      eq(webauthnChallenges.challenge, challenge),
      eq(webauthnChallenges.purpose, binding.purpose),
      eq(webauthnChallenges.userId, binding.userId),
      bound,
      gt(webauthnChallenges.expiresAt, sql`now()`),
    ))
    .returning({ challenge: webauthnChallenges.challenge });
  return rows[0]?.challenge ?? null;
}
