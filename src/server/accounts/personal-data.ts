import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../platform/db/client.js';
import { sm4Decrypt, sm4Encrypt, sm4NeedsReencrypt, Sm4DecryptError, type Sm4KeyRing } from '../platform/crypto/sm.js';
import { users } from './tables.js';

/**
 * Sensitive personal fields at rest (GB/T 39786-2021 application layer: confidentiality of
 * important data; PIPL art. 51): users.phone, users.email and the TOTP secret are stored as SM4
 * ciphertexts (`v1:<keyId>:…`, see platform/crypto/sm.ts). The associated data binds each value to
 * its table, column and row, so a ciphertext copied onto another user does not decrypt.
 */
export type SealedColumn = 'phone' | 'email' | 'totp_secret' | 'totp_pending_secret';

export const aadOf = (column: SealedColumn, userId: string) => `guohe:users.${column}:${userId}`;

export const isSealed = (value: string) => value.startsWith('v1:');

export function seal(ring: Sm4KeyRing, column: SealedColumn, userId: string, value: string): string;
export function seal(ring: Sm4KeyRing, column: SealedColumn, userId: string, value: string | null | undefined): string | null;
export function seal(ring: Sm4KeyRing, column: SealedColumn, userId: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return sm4Encrypt(value, ring, aadOf(column, userId));
}

/**
 * The plain value. A value written before encryption existed (legacy plain text, e.g. just loaded
 * demo data) reads as itself until the sealing pass below rewrites it; anything that looks like a
 * ciphertext must authenticate, or this throws.
 */
export function unseal(ring: Sm4KeyRing, column: SealedColumn, userId: string, value: string | null): string | null {
  if (value === null) return null;
  if (!isSealed(value)) return value;
  return sm4Decrypt(value, ring, aadOf(column, userId));
}

/** 138****5678: the first three and last four digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** z***@example.org: the first character of the local part and the domain. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export interface SealingPass {
  sealed: number;
  reencrypted: number;
  unreadable: number;
}

/**
 * One pass over users: encrypts plain-text phone/email (rows written by the demo loader or before
 * this migration) and re-encrypts values made with a key that is no longer the active one (key
 * rotation). Each row is updated only if unchanged since it was read, so concurrent instances and
 * concurrent edits are safe. Runs at start (onReady) and may run from a scheduled job.
 */
export async function sealPersonalFields(db: Db, ring: Sm4KeyRing, batch = 500): Promise<SealingPass> {
  const result: SealingPass = { sealed: 0, reencrypted: 0, unreadable: 0 };
  const stale = (col: AnyPgColumn) =>
    and(isNotNull(col), or(sql`${col} not like 'v1:%'`, sql`split_part(${col}, ':', 2) <> ${ring.activeKeyId}`));
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ id: users.id, phone: users.phone, email: users.email, totpSecret: users.totpSecret, totpPendingSecret: users.totpPendingSecret })
      .from(users)
      .where(and(sql`${users.id} > ${lastId}`, or(stale(users.phone), stale(users.email), stale(users.totpSecret), stale(users.totpPendingSecret))))
      .orderBy(users.id)
      .limit(batch);
    if (rows.length === 0) return result;
    for (const row of rows) {
      lastId = row.id;
      const next: Partial<Record<'phone' | 'email' | 'totpSecret' | 'totpPendingSecret', string>> = {};
      const columns = [
        ['phone', 'phone', row.phone],
        ['email', 'email', row.email],
        ['totpSecret', 'totp_secret', row.totpSecret],
        ['totpPendingSecret', 'totp_pending_secret', row.totpPendingSecret],
      ] as const;
      let unreadable = false;
      for (const [key, column, value] of columns) {
        if (value === null) continue;
        if (!isSealed(value)) {
          next[key] = seal(ring, column, row.id, value);
          result.sealed++;
        } else if (sm4NeedsReencrypt(value, ring)) {
          try {
            next[key] = seal(ring, column, row.id, unseal(ring, column, row.id, value)!);
            result.reencrypted++;
          } catch (e) {
            if (!(e instanceof Sm4DecryptError)) throw e;
            unreadable = true; // a key was dropped from the ring too early: leave the value, report it
          }
        }
      }
      if (unreadable) result.unreadable++;
      if (Object.keys(next).length === 0) continue;
      await db
        .update(users)
        .set(next)
        .where(and(
          eq(users.id, row.id),
          sql`${users.phone} is not distinct from ${row.phone}`,
          sql`${users.email} is not distinct from ${row.email}`,
          sql`${users.totpSecret} is not distinct from ${row.totpSecret}`,
          sql`${users.totpPendingSecret} is not distinct from ${row.totpPendingSecret}`,
        ));
    }
  }
}
