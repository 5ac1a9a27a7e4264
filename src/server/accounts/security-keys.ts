import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { webauthnCredentials } from './tables.js';

/** Queries on a user's WebAuthn credentials, shared by sign-in, the policy and the key management. */

export async function securityKeyCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId));
  return row?.n ?? 0;
}

export async function hasSecurityKeys(db: Db, userId: string): Promise<boolean> {
  return (await securityKeyCount(db, userId)) > 0;
}

export function securityKeysOf(db: Db, userId: string) {
  return db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId)).orderBy(asc(webauthnCredentials.createdAt));
}
