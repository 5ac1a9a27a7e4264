import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../testing/db.js';
import { signInAs, testApp, type TestApp } from '../../testing/app.js';
import { auditLog } from './tables.js';
import { recordAudit, sealAuditLog, verifyAuditChain } from './audit.js';

describeEachDb('audit log', (getDb, kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(getDb());
  });
  afterAll(async () => {
    await app.close();
  });

  it('records a state change with who, which organization, before/after and the address, in the same transaction', async () => {
    const s = await signInAs(app, 'moist');
    const list = await app.inject({ method: 'GET', url: '/api/organizations?q=四川大学', headers: s.headers });
    const org = list.json().items[0];
    const res = await app.inject({ method: 'PATCH', url: `/api/organizations/${org.id}`, headers: s.headers, payload: { version: org.version, nameEn: 'Sichuan University (edited)' } });
    expect(res.statusCode).toBe(200);
    const [row] = await getDb().db.select().from(auditLog).where(eq(auditLog.entityId, org.id));
    expect(row).toMatchObject({ action: 'organization.update', actorUserId: s.me.id, actorOrgId: s.me.org.id, after: { nameEn: 'Sichuan University (edited)' } });
    expect(row!.before).toEqual({ nameEn: org.nameEn });
    expect(row!.ip).toBeTruthy();
  });

  it('refuses a stale write: the second writer gets a conflict with the current version', async () => {
    const s = await signInAs(app, 'moist');
    const org = (await app.inject({ method: 'GET', url: '/api/organizations?q=浙江大学', headers: s.headers })).json().items[0];
    const first = await app.inject({ method: 'PATCH', url: `/api/organizations/${org.id}`, headers: s.headers, payload: { version: org.version, nameEn: 'A' } });
    expect(first.statusCode).toBe(200);
    const second = await app.inject({ method: 'PATCH', url: `/api/organizations/${org.id}`, headers: s.headers, payload: { version: org.version, nameEn: 'B' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.data.current.nameEn).toBe('A');
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const db = getDb().db;
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('links a committed record into the SM3 chain within the sealer\'s interval, nobody asking', async () => {
    const db = getDb().db;
    await db.transaction((tx) => recordAudit(tx, { userId: null, orgId: null, ip: null }, { action: 'test.sealed_in_background', entityType: 'test' }));
    const sealed = async () => (await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.action, 'test.sealed_in_background')))[0]?.hash;
    const until = Date.now() + 10_000;
    while (!(await sealed()) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(await sealed()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets sealing fill a record\'s place once and refuses any other change to it', async () => {
    const db = getDb().db;
    await db.transaction((tx) => recordAudit(tx, { userId: null, orgId: null, ip: null }, { action: 'test.unsealed', entityType: 'test' }));
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'test.unsealed'));
    // Sealing while changing a recorded column is refused, so is changing a sealed record's link.
    if (row!.seq === null) {
      await expect(db.execute(sql`update audit_log set seq = 999999, prev_hash = 'x', hash = 'y', action = 'forged' where id = ${row!.id}`)).rejects.toThrow();
    }
    await sealAuditLog(db);
    await expect(db.execute(sql`update audit_log set hash = ${'0'.repeat(64)} where id = ${row!.id}`)).rejects.toThrow();
    await expect(db.execute(sql`update audit_log set seq = null, prev_hash = null, hash = null where id = ${row!.id}`)).rejects.toThrow();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it.runIf(kind === 'postgres')('writers never wait on each other: a record committed after a later id takes the next place, and the chain holds', async () => {
    const db = getDb().db;
    const who = { userId: null, orgId: null, ip: null };
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((r) => { releaseFirst = r; });
    let firstInserted!: () => void;
    const firstHasInserted = new Promise<void>((r) => { firstInserted = r; });
    // The first writer inserts (the lower id) and holds its transaction open ...
    const first = db.transaction(async (tx) => {
      await recordAudit(tx, who, { action: 'test.out_of_order', entityType: 'test', entityId: 'first' });
      firstInserted();
      await firstMayCommit;
    });
    await firstHasInserted;
    // ... while a second writer inserts and commits without waiting for it, and is sealed.
    const t0 = Date.now();
    await db.transaction((tx) => recordAudit(tx, who, { action: 'test.out_of_order', entityType: 'test', entityId: 'second' }));
    expect(Date.now() - t0).toBeLessThan(5_000);
    await sealAuditLog(db);
    releaseFirst();
    await first;
    await sealAuditLog(db);
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, 'test.out_of_order'));
    const byName = new Map(rows.map((r) => [r.entityId, r]));
    expect(byName.get('first')!.id).toBeLessThan(byName.get('second')!.id);
    expect(byName.get('first')!.seq).toBeGreaterThan(byName.get('second')!.seq!);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it('verifies the SM3 chain and names the first tampered record', async () => {
    const db = getDb().db;
    const ok = await verifyAuditChain(db);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(2);
    const rows = await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id);
    const victim = rows[1]!.id;
    // Only a database superuser bypassing the trigger can do this; the chain still tells.
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set after = '{"forged":true}'::jsonb where id = ${victim}`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const broken = await verifyAuditChain(db);
    expect(broken).toMatchObject({ ok: false, firstBrokenId: victim, reason: 'hash_mismatch' });
  });

  it('lets the audit administrator search it, and nobody else without the role', async () => {
    const auditor = await signInAs(app, 'auditor');
    const res = await app.inject({ method: 'GET', url: '/api/audit?action=organization.update', headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    const sysadmin = await signInAs(app, 'sysadmin');
    expect((await app.inject({ method: 'GET', url: '/api/audit', headers: sysadmin.headers })).statusCode).toBe(403);
  });
});
