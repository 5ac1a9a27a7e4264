// `npm run audit:verify` and the audit administrator's check also verify each daily anchor's SM2
// signature against the chain head it signs, and name the first bad anchor (issue 8).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../testing/db.js';
import { signInAs, testApp, type TestApp } from '../../testing/app.js';
import { loadConfig } from '../config.js';
import { generateSm2KeyPair, loadSmKeys, sm2PublicKeyFingerprint, sm2Sign } from '../crypto/sm.js';
import { anchorAuditHead, anchorPayload } from '../jobs/anchor.js';
import { auditAnchors } from '../jobs/tables.js';
import { auditVerifyReport } from './verify-report.js';

describeEachDb('audit anchors in audit:verify and the audit administrator\'s check', (getDb) => {
  let app: TestApp;
  const keys = loadSmKeys({ dataDir: loadConfig({}).dataDir }); // the same keys the test app loads
  beforeAll(async () => {
    app = await testApp(getDb());
  });
  afterAll(async () => app?.close());

  const verifyAsAuditor = async () => {
    const { headers } = await signInAs(app, 'auditor');
    const res = await app.inject({ method: 'GET', url: '/api/audit/verify', headers });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('8.1.4.3 c: intact anchors pass; an anchor by an unknown key and a re-signed head are named', async () => {
    const db = getDb().db;
    await anchorAuditHead(db, keys.sm2, { jobId: 'anchor-verify-1' });
    await signInAs(app, 'auditor'); // one more audited event between the anchors
    await anchorAuditHead(db, keys.sm2, { jobId: 'anchor-verify-2' });
    expect(await verifyAsAuditor()).toMatchObject({ ok: true, firstBrokenId: null, anchors: { ok: true, checked: 2, firstBadAnchorId: null } });
    expect(await auditVerifyReport(db, keys.sm2.publicKeyPem)).toEqual({ exitCode: 0, lines: [expect.stringMatching(/^audit chain intact/), 'anchors intact: 2 daily anchors verified (SM2 signature over the chain head)'] });

    // Someone with database access signs an anchor with a key of their own: well-formed, untrusted.
    const intruder = generateSm2KeyPair();
    const [first] = await db.select().from(auditAnchors).orderBy(asc(auditAnchors.id)).limit(1);
    const a = { anchoredAt: new Date(), headId: first!.headId, headHash: first!.headHash };
    const payload = anchorPayload(a);
    const [forged] = await db.insert(auditAnchors).values({ ...a, jobId: 'forged', payload, signature: sm2Sign(payload, intruder.privateKeyPem), publicKeyPem: intruder.publicKeyPem, publicKeyFingerprint: sm2PublicKeyFingerprint(intruder.publicKeyPem) }).returning();
    expect(await verifyAsAuditor()).toMatchObject({ ok: false, firstBrokenId: null, anchors: { ok: false, firstBadAnchorId: forged!.id, reason: 'unknown_key', checked: 2 } });
    const report = await auditVerifyReport(db, keys.sm2.publicKeyPem);
    expect(report.exitCode).toBe(1);
    expect(report.lines[1]).toBe(`anchor BAD: anchor ${forged!.id} (unknown_key); 2 anchors before it verified`);
    await db.delete(auditAnchors).where(eq(auditAnchors.id, forged!.id));

    // The second anchor's head hash is rewritten (as if the chain had been rebuilt): its signature no longer matches.
    const [, second] = await db.select().from(auditAnchors).orderBy(asc(auditAnchors.id));
    await db.execute(sql`update audit_anchors set head_hash = ${'e'.repeat(64)}, payload = replace(payload, head_hash, ${'e'.repeat(64)}) where id = ${second!.id}`);
    expect(await verifyAsAuditor()).toMatchObject({ ok: false, anchors: { ok: false, firstBadAnchorId: second!.id, reason: 'signature', checked: 1 } });
    expect((await auditVerifyReport(db, keys.sm2.publicKeyPem)).lines[1]).toContain(`anchor BAD: anchor ${second!.id} (signature)`);
  });
});
