// SM2 key rotation (issue 8, 密钥管理): documents sealed before a rotation still verify by the key id
// stored with them; the rotation is audited; anchors by the retired key stay trusted.
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDb } from '../../testing/db.js';
import { sealDocument } from '../../documents/verification.js';
import { verificationSecret } from '../../recognition/decisions/documents.js';
import { checkStoredSeal } from '../../recognition/decisions/verify-document.js';
import { auditLog } from '../audit/tables.js';
import { verifyAuditChain } from '../audit/audit.js';
import { anchorAuditHead, verifyAuditIntegrity } from '../jobs/anchor.js';
import { generateSm2KeyPair, sm2PublicKeyFingerprint, type Sm2KeyPair, type SmKeys } from './sm.js';
import { registerSigningKey, rotateSm2Key, trustedFingerprints } from './signing-keys.js';
import { sm2SigningKeys } from './tables.js';

const smKeys = (sm2: Sm2KeyPair) => ({ sm2 }) as SmKeys;
const stored = (payload: unknown, keys: SmKeys) => {
  const seal = sealDocument(payload, { secret: verificationSecret(keys), ...keys.sm2 });
  return { payload, verificationCode: seal.verificationCode, signature: seal.signatureB64, publicKeyFingerprint: seal.publicKeyFingerprint };
};

describeEachDb('SM2 key rotation for issued documents (issue 8, 密钥管理)', (getDb) => {
  it('a document sealed before a rotation verifies by its key id afterwards; the rotation is audited', async () => {
    const db = getDb().db;
    const before = smKeys(generateSm2KeyPair());
    await registerSigningKey(db, before.sm2.publicKeyPem); // as issuing a document does
    const oldDoc = stored({ kind: 'recognition', docNumber: '国科外字〔2026〕1号' }, before);
    await anchorAuditHead(db, before.sm2, { jobId: 'rotation-test-before' });

    const rotation = await rotateSm2Key(db, before.sm2, { userId: null, orgId: null, ip: '127.0.0.1' });
    const after = smKeys(rotation.next);
    expect(rotation.previousFingerprint).toBe(sm2PublicKeyFingerprint(before.sm2.publicKeyPem));
    expect(rotation.nextFingerprint).not.toBe(rotation.previousFingerprint);

    // Checked with the new current key: found by fingerprint among the retired keys.
    expect(await checkStoredSeal(db, after, oldDoc)).toEqual({ ok: true, codeOk: true, signatureOk: true, keyOk: true });
    const newDoc = stored({ kind: 'plaque', baseCode: 'GJ-2026-001' }, after);
    expect(await checkStoredSeal(db, after, newDoc)).toMatchObject({ ok: true });
    // Altered content, or a key nobody registered, does not verify.
    expect((await checkStoredSeal(db, after, { ...oldDoc, payload: { kind: 'recognition', docNumber: '伪造' } })).ok).toBe(false);
    const stranger = stored({ kind: 'recognition' }, smKeys(generateSm2KeyPair()));
    expect(await checkStoredSeal(db, after, stranger)).toMatchObject({ ok: false, keyOk: false });

    const keys = await db.select().from(sm2SigningKeys);
    expect(keys.find((k) => k.fingerprint === rotation.previousFingerprint)?.retiredAt).not.toBeNull();
    expect(keys.find((k) => k.fingerprint === rotation.nextFingerprint)?.retiredAt).toBeNull();
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'crypto.sm2_key.rotate'));
    expect(audit).toMatchObject({ entityType: 'sm2_key', entityId: rotation.nextFingerprint, before: { fingerprint: rotation.previousFingerprint }, ip: '127.0.0.1' });
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // Anchors signed by the retired key stay trusted next to those by the new one.
    await anchorAuditHead(db, after.sm2, { jobId: 'rotation-test-after' });
    expect(await trustedFingerprints(db, after.sm2.publicKeyPem, {})).toEqual(expect.arrayContaining([rotation.previousFingerprint, rotation.nextFingerprint]));
    expect(await verifyAuditIntegrity(db, after.sm2.publicKeyPem)).toMatchObject({ ok: true, anchors: { ok: true } });
    // An assessor's own list that omits the old key rejects the old anchors.
    expect((await trustedFingerprints(db, undefined, { GUOHE_SM2_TRUSTED_FINGERPRINTS: rotation.nextFingerprint }))).toEqual([rotation.nextFingerprint]);
  });
});
