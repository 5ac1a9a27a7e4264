// Public verification of a recognition document or plaque certificate (no sign-in): the code is
// looked up, and both the code (HMAC-SM3 over the stored payload) and the SM2 signature are
// checked against the system's key. What is shown is what the document itself prints.
import { eq, inArray } from 'drizzle-orm';
import { normalizeVerificationCode, verifySeal } from '../../documents/verification.js';
import type { Db } from '../../platform/db/client.js';
import { sm2PublicKeyFingerprint, type SmKeys } from '../../platform/crypto/sm.js';
import { publicKeyByFingerprint } from '../../platform/crypto/signing-keys.js';
import { AppError } from '../../platform/http/errors.js';
import { bases } from '../../bases/tables.js';
import { documents } from '../tables.js';
import { verificationSecret } from './documents.js';

type Payload = {
  kind: string; docNumber?: string; issueDate?: string; issuingBodies?: string[];
  bases?: { nameZh: string; nameEn?: string; hostInstitution: string; baseCode?: string }[];
  nameZh?: string; nameEn?: string; hostInstitution?: string; baseCode?: string;
};

/**
 * Checks a stored seal against the key that made it, found by the fingerprint stored with the
 * document (key id): the current key, or a retired one kept in sm2_signing_keys, so documents
 * issued before a rotation still verify. The code secret belongs to the current key; for a retired
 * key the code is checked through the signature, which covers it.
 */
export async function checkStoredSeal(db: Db, keys: SmKeys, doc: { payload: unknown; verificationCode: string; signature: string; publicKeyFingerprint: string }) {
  const seal = { verificationCode: doc.verificationCode, signatureB64: doc.signature, publicKeyFingerprint: doc.publicKeyFingerprint };
  if (doc.publicKeyFingerprint.toLowerCase() === sm2PublicKeyFingerprint(keys.sm2.publicKeyPem)) {
    return verifySeal(doc.payload, seal, { publicKeyPem: keys.sm2.publicKeyPem, secret: verificationSecret(keys) });
  }
  const retired = await publicKeyByFingerprint(db, doc.publicKeyFingerprint);
  if (!retired) return { ok: false, codeOk: false, signatureOk: false, keyOk: false };
  return verifySeal(doc.payload, seal, { publicKeyPem: retired });
}

export async function verifyDocument(db: Db, keys: SmKeys, rawCode: string) {
  const code = normalizeVerificationCode(rawCode);
  if (!code) throw new AppError('not_found');
  const [doc] = await db.select().from(documents).where(eq(documents.verificationCode, code));
  if (!doc) throw new AppError('not_found');
  const check = await checkStoredSeal(db, keys, { payload: doc.payload, verificationCode: doc.verificationCode, signature: doc.signature, publicKeyFingerprint: doc.publicKeyFingerprint });
  const p = doc.payload as Payload;
  const listed = p.bases ?? [{ nameZh: p.nameZh ?? '', ...(p.nameEn ? { nameEn: p.nameEn } : {}), hostInstitution: p.hostInstitution ?? '', ...(p.baseCode ? { baseCode: p.baseCode } : {}) }];
  const codes = listed.map((b) => b.baseCode).filter((c): c is string => !!c);
  const statuses = new Map((codes.length ? await db.select({ code: bases.code, status: bases.status }).from(bases).where(inArray(bases.code, codes)) : []).map((b) => [b.code, b.status]));
  return {
    valid: check.ok, checks: { codeOk: check.codeOk, signatureOk: check.signatureOk, keyOk: check.keyOk },
    kind: doc.kind as 'recognition' | 'plaque', verificationCode: doc.verificationCode,
    documentNumber: p.docNumber ?? null, issuedOn: p.issueDate ?? null, issuingBodies: p.issuingBodies ?? [],
    bases: listed.map((b) => ({ code: b.baseCode ?? null, nameZh: b.nameZh, ...(b.nameEn ? { nameEn: b.nameEn } : {}), hostInstitution: b.hostInstitution || null, status: b.baseCode ? (statuses.get(b.baseCode) ?? null) : null })),
    signatureFingerprint: doc.signatureFingerprint, publicKeyFingerprint: doc.publicKeyFingerprint,
  };
}
