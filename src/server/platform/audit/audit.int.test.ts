import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../testing/db.js';
import { signInAs, testApp, type TestApp } from '../../testing/app.js';
import { auditLog } from './tables.js';
import { verifyAuditChain } from './audit.js';

describeEachDb('audit log', (getDb) => {
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
