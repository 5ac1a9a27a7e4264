// SM2 key rotation for issued documents and audit anchors (issue 8, 密钥管理). Each seal and anchor
// names its key by fingerprint (SM3 of the DER SPKI); every public key that ever signed is kept in
// sm2_signing_keys, so documents issued before a rotation still verify against the key that signed
// them. Private keys never enter the database: a rotation generates the new pair, records the
// public half (audited, same transaction) and hands the private half to the operator.
import { eq, isNull, and, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { recordAudit, type AuditActor } from '../audit/audit.js';
import { generateSm2KeyPair, sm2PublicKeyFingerprint, type Sm2KeyPair } from './sm.js';
import { sm2SigningKeys } from './tables.js';

/** Records a signing key's public half (idempotent). */
export async function registerSigningKey(db: Db, publicKeyPem: string): Promise<string> {
  const fingerprint = sm2PublicKeyFingerprint(publicKeyPem);
  await db.insert(sm2SigningKeys).values({ fingerprint, publicKeyPem }).onConflictDoNothing();
  return fingerprint;
}

/** The public key that made a signature, by the fingerprint stored with it; null if unknown. */
export async function publicKeyByFingerprint(db: Db, fingerprint: string): Promise<string | null> {
  const [row] = await db.select({ pem: sm2SigningKeys.publicKeyPem }).from(sm2SigningKeys).where(eq(sm2SigningKeys.fingerprint, fingerprint.toLowerCase()));
  return row?.pem ?? null;
}

/**
 * Fingerprints a verifier accepts: GUOHE_SM2_TRUSTED_FINGERPRINTS when set (an assessor's or
 * archive verifier's own list, independent of the database), otherwise every registered key plus
 * the current one.
 */
export async function trustedFingerprints(db: Db, currentPublicKeyPem?: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const configured = env.GUOHE_SM2_TRUSTED_FINGERPRINTS?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (configured?.length) return configured;
  const rows = await db.select({ fingerprint: sm2SigningKeys.fingerprint }).from(sm2SigningKeys);
  const all = rows.map((r) => r.fingerprint);
  if (currentPublicKeyPem) all.push(sm2PublicKeyFingerprint(currentPublicKeyPem));
  return [...new Set(all)];
}

export interface Rotation { previousFingerprint: string; next: Sm2KeyPair; nextFingerprint: string }

/**
 * Generates the next SM2 key pair and records the rotation: the current key is retired (it keeps
 * verifying), the new public key registered, and `crypto.sm2_key.rotate` audited in one transaction.
 * The caller installs the returned private key (GUOHE_SM2_PRIVATE_KEY on every instance).
 */
export async function rotateSm2Key(db: Db, current: Sm2KeyPair, actor: AuditActor, now = new Date()): Promise<Rotation> {
  const next = generateSm2KeyPair();
  const nextFingerprint = sm2PublicKeyFingerprint(next.publicKeyPem);
  const previousFingerprint = sm2PublicKeyFingerprint(current.publicKeyPem);
  await db.transaction(async (tx) => {
    await registerSigningKey(tx, current.publicKeyPem);
    await tx.update(sm2SigningKeys).set({ retiredAt: now }).where(and(ne(sm2SigningKeys.fingerprint, nextFingerprint), isNull(sm2SigningKeys.retiredAt)));
    await tx.insert(sm2SigningKeys).values({ fingerprint: nextFingerprint, publicKeyPem: next.publicKeyPem, registeredAt: now });
    await recordAudit(tx, actor, {
      action: 'crypto.sm2_key.rotate', entityType: 'sm2_key', entityId: nextFingerprint,
      before: { fingerprint: previousFingerprint }, after: { fingerprint: nextFingerprint, publicKeyPem: next.publicKeyPem },
    });
  });
  return { previousFingerprint, next, nextFingerprint };
}
