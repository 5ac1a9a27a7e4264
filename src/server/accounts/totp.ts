import { randomInt } from 'node:crypto';
import { authenticator } from 'otplib';
import { sm3Hex } from '../platform/crypto/sm.js';

/**
 * TOTP (RFC 6238; HMAC-SHA1, 6 digits, 30 s: what every authenticator app implements) via otplib 12,
 * whose `authenticator` speaks base32 secrets and otpauth:// URIs. One step either side is accepted
 * for clock drift; the caller refuses a step at or before the last one used (no replay).
 */
export const TOTP_STEP_SECONDS = 30;
const totp = authenticator.clone({ window: 1, step: TOTP_STEP_SECONDS, digits: 6 });

export const TOTP_ISSUER = 'Guohe 国合';

/** A new 160-bit secret, base32. */
export function newTotpSecret(): string {
  return totp.generateSecret(20);
}

export function otpauthUri(username: string, secret: string): string {
  return totp.keyuri(username, TOTP_ISSUER, secret);
}

/** The time step the code belongs to (within ±1 step of `now`), or null when it matches none. */
export function matchTotp(code: string, secret: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp.clone({ epoch: now }).checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now / 1000 / TOTP_STEP_SECONDS) + delta;
}

/** The code for `now` (tests, and nothing else: the server never shows a code). */
export function totpCode(secret: string, now = Date.now()): string {
  return totp.clone({ epoch: now }).generate(secret);
}

// Recovery codes: 10 single-use codes of 12 characters (60 bits) from an unambiguous alphabet.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, () => {
    const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

export function normaliseRecoveryCode(code: string): string | null {
  const n = code.toUpperCase().replace(/[\s-]/g, '');
  return /^[2-9A-HJ-NP-Z]{12}$/.test(n) ? n : null;
}

/** Stored form: SM3 over the user id and the normalised code (the code itself is never stored). */
export function recoveryCodeHash(userId: string, code: string): string {
  return sm3Hex(`guohe:recovery:${userId}:${normaliseRecoveryCode(code) ?? ''}`);
}
