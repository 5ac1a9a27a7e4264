import { asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog } from '../audit/tables.js';
import { GENESIS_HASH, verifyAuditChain, type ChainCheck } from '../audit/audit.js';
import { sm2PublicKeyFingerprint, sm2Sign, sm2Verify, type Sm2KeyPair } from '../crypto/sm.js';
import { auditAnchors } from './tables.js';
import { registerSigningKey, trustedFingerprints } from '../crypto/signing-keys.js';

/** The exact text the SM2 key signs: versioned, one field per line. */
export function anchorPayload(a: { anchoredAt: Date; headId: number; headHash: string }): string {
  return ['guohe/audit-anchor/v1', a.anchoredAt.toISOString(), String(a.headId), a.headHash].join('\n');
}

export class AuditChainBrokenError extends Error {
  override name = 'AuditChainBrokenError';
}

/**
 * Verify the chain, then sign its head with SM2 and store the anchor. A broken chain is not
 * anchored: the job fails, is retried, and ends in the administrator's dead-letter view.
 * Idempotent per job id (a retried job run writes one anchor).
 */
export async function anchorAuditHead(db: Db, sm2: Sm2KeyPair, opts: { jobId?: string; instance?: string; now?: Date } = {}) {
  const check = await verifyAuditChain(db);
  if (!check.ok) throw new AuditChainBrokenError(`audit chain broken at record ${check.firstBrokenId} (${check.reason})`);
  // The head is the last record in the chain's order (sealed by the check above).
  const [head] = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.seq)).orderBy(desc(auditLog.seq)).limit(1);
  const anchoredAt = opts.now ?? new Date();
  const a = { anchoredAt, headId: head?.id ?? 0, headHash: head?.hash ?? GENESIS_HASH };
  const payload = anchorPayload(a);
  await registerSigningKey(db, sm2.publicKeyPem);
  const [row] = await db
    .insert(auditAnchors)
    .values({
      ...a,
      jobId: opts.jobId ?? null,
      payload,
      signature: sm2Sign(payload, sm2.privateKeyPem),
      publicKeyPem: sm2.publicKeyPem,
      publicKeyFingerprint: sm2PublicKeyFingerprint(sm2.publicKeyPem),
      instance: opts.instance ?? null,
    })
    .onConflictDoNothing({ target: auditAnchors.jobId })
    .returning();
  return row ?? null;
}

export interface AnchorCheck {
  ok: boolean;
  checked: number;
  firstBadAnchorId: number | null;
  reason: 'signature' | 'payload' | 'head_missing' | 'head_hash_mismatch' | 'unknown_key' | null;
}

/**
 * Every anchor's signature verifies, its payload matches its columns, and the audit record it
 * names still carries the signed hash. `trustedFingerprints` (SM3 of the SPKI): when given, an
 * anchor signed by any other key fails.
 */
export async function verifyAnchors(db: Db, trustedFingerprints?: string[]): Promise<AnchorCheck> {
  const anchors = await db.select().from(auditAnchors).orderBy(asc(auditAnchors.id));
  let checked = 0;
  const bad = (id: number, reason: AnchorCheck['reason']): AnchorCheck => ({ ok: false, checked, firstBadAnchorId: id, reason });
  for (const a of anchors) {
    if (trustedFingerprints && !trustedFingerprints.includes(sm2PublicKeyFingerprint(a.publicKeyPem))) return bad(a.id, 'unknown_key');
    if (anchorPayload(a) !== a.payload) return bad(a.id, 'payload');
    if (!sm2Verify(a.payload, a.signature, a.publicKeyPem)) return bad(a.id, 'signature');
    if (a.headId > 0) {
      const [rec] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, a.headId));
      if (!rec) return bad(a.id, 'head_missing');
      if (rec.hash !== a.headHash) return bad(a.id, 'head_hash_mismatch');
    }
    checked++;
  }
  return { ok: true, checked, firstBadAnchorId: null, reason: null };
}

export interface IntegrityCheck extends ChainCheck {
  /** SM2 signatures of the daily anchors, each against the chain head it signs. */
  anchors: AnchorCheck;
}

/**
 * What `npm run audit:verify` and the audit administrator's check report: the SM3 chain, then every
 * anchor's SM2 signature by a trusted key (see trustedFingerprints) against the head it names.
 * `ok` only when both hold.
 */
export async function verifyAuditIntegrity(db: Db, currentPublicKeyPem?: string): Promise<IntegrityCheck> {
  const chain = await verifyAuditChain(db);
  const anchors = await verifyAnchors(db, await trustedFingerprints(db, currentPublicKeyPem));
  return { ...chain, ok: chain.ok && anchors.ok, anchors };
}
