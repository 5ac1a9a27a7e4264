import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { DEMO_PASSWORD, signInAs, testApp, type TestApp } from '../testing/app.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { addSm4Key, generateSm2KeyPair, generateSm4KeyHex, parseSm4KeyRing, sm4Decrypt, sm4KeyIdOf, type SmKeys } from '../platform/crypto/sm.js';
import { auditLog } from '../platform/audit/tables.js';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { organizations } from '../organizations/tables.js';
import { hashPassword } from '../accounts/passwords.js';
import { userRoles, users } from '../accounts/tables.js';
import { aadOf } from '../accounts/personal-data.js';
import { generateDemo } from '../demo/generate.js';
import { roleRequests } from './tables.js';

describeEachDb('security administration: policy, 三员分立, two-person role approval, unlocks', (getDb) => {
  let app: TestApp;
  let sec1: Awaited<ReturnType<typeof signInAs>>;
  let sec2: Awaited<ReturnType<typeof signInAs>>;
  const db = () => getDb().db;
  const idOf = async (username: string) => (await db().select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  const rolesOf = async (userId: string) => (await db().select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
  const request = (who: typeof sec1, payload: object) => app.inject({ method: 'POST', url: '/api/security/role-requests', headers: who.headers, payload });
  const decide = (who: typeof sec1, id: string, verb: 'approve' | 'reject') => app.inject({ method: 'POST', url: `/api/security/role-requests/${id}/${verb}`, headers: who.headers });

  beforeAll(async () => {
    app = await testApp(getDb());
    // A second security administrator, created here (the demo has one).
    const [most] = await db().select({ id: organizations.id }).from(organizations).where(eq(organizations.key, 'most'));
    const [u] = await db().insert(users).values({ orgId: most!.id, username: 'secadmin2', displayName: '第二安全管理员', passwordHash: await hashPassword(DEMO_PASSWORD) }).returning({ id: users.id });
    await db().insert(userRoles).values({ userId: u!.id, role: 'security_admin' });
    sec1 = await signInAs(app, 'secadmin');
    sec2 = await signInAs(app, 'secadmin2');
  });
  afterAll(async () => {
    await app.close();
  });

  it('the security policy is read and changed by the security administrator only, audited with before and after', async () => {
    const current = (await app.inject({ method: 'GET', url: '/api/security/settings', headers: sec1.headers })).json();
    expect(current).toMatchObject({ passwordMinLength: 10, requireMfaForOfficials: false, addressMaxFailures: 20 });
    for (const other of ['sysadmin', 'auditor', 'moist']) {
      const h = (await signInAs(app, other)).headers;
      expect((await app.inject({ method: 'GET', url: '/api/security/settings', headers: h })).statusCode).toBe(403);
      expect((await app.inject({ method: 'PUT', url: '/api/security/settings', headers: h, payload: current })).statusCode).toBe(403);
    }
    const bad = await app.inject({ method: 'PUT', url: '/api/security/settings', headers: { ...sec1.headers, 'x-guohe-lang': 'en' }, payload: { ...current, passwordMinLength: 4 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'passwordMinLength', rule: 'min' });
    const ok = await app.inject({ method: 'PUT', url: '/api/security/settings', headers: sec1.headers, payload: { ...current, passwordHistory: 8 } });
    expect(ok.json().passwordHistory).toBe(8);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'security.settings_update'));
    expect(entry).toMatchObject({ actorUserId: sec1.me.id, before: expect.objectContaining({ passwordHistory: 5 }), after: expect.objectContaining({ passwordHistory: 8 }) });
    await app.inject({ method: 'PUT', url: '/api/security/settings', headers: sec1.headers, payload: current });
  });

  it('三员分立: granting a second administrator role is refused (409 separation_of_duties) before any approval', async () => {
    const res = await request(sec1, { userId: await idOf('sysadmin'), role: 'audit_admin', op: 'grant' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('separation_of_duties');
    expect(res.json().error.message).toContain('不能由同一账号兼任');
  });

  it('三员分立: two pending administrator grants to one account — the second approval is refused', async () => {
    const target = await idOf('chongqing');
    const a = await request(sec1, { userId: target, role: 'sys_admin', op: 'grant' });
    const b = await request(sec1, { userId: target, role: 'audit_admin', op: 'grant' });
    expect([a.json().status, b.json().status]).toEqual(['pending', 'pending']);
    expect((await decide(sec2, a.json().id, 'approve')).json().status).toBe('applied');
    const second = await decide(sec2, b.json().id, 'approve');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('separation_of_duties');
    expect(await rolesOf(target)).toEqual(['recommender_officer', 'sys_admin']);
  });

  it('三员分立 in the database: a trigger refuses a second administrator role, whoever writes', async () => {
    const sysadmin = await idOf('sysadmin');
    await expect(db().insert(userRoles).values({ userId: sysadmin, role: 'security_admin' })).rejects.toThrow();
    await expect(db().execute(sql`insert into user_roles (user_id, role) values (${sysadmin}, 'audit_admin')`)).rejects.toThrow();
    await expect(db().execute(sql`update user_roles set role = 'audit_admin' where user_id = ${await idOf('secadmin')}`)).rejects.toThrow();
    expect(await rolesOf(sysadmin)).toEqual(['sys_admin']);
    // Non-administrator roles are unaffected.
    await db().insert(userRoles).values({ userId: sysadmin, role: 'expert' });
    await db().delete(userRoles).where(and(eq(userRoles.userId, sysadmin), eq(userRoles.role, 'expert')));
  });

  it('a ministry role waits for a second security administrator; the requester cannot approve it; then it takes effect, audited', async () => {
    const target = await idOf('liaoning');
    const req = await request(sec1, { userId: target, role: 'ministry_officer', op: 'grant', reason: '借调至国际合作司' });
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ status: 'pending', role: 'ministry_officer', op: 'grant' });
    expect(await rolesOf(target)).toEqual(['recommender_officer']);
    const dup = await request(sec1, { userId: target, role: 'ministry_officer', op: 'grant' });
    expect(dup.json().error.code).toBe('duplicate');
    const own = await decide(sec1, req.json().id, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('self_approval_refused');
    const pending = (await app.inject({ method: 'GET', url: '/api/security/role-requests?status=pending', headers: sec2.headers })).json().items;
    expect(pending.map((r: { id: string }) => r.id)).toContain(req.json().id);
    const ok = await decide(sec2, req.json().id, 'approve');
    expect(ok.json()).toMatchObject({ status: 'applied', decidedBy: sec2.me.id });
    expect(await rolesOf(target)).toEqual(['ministry_officer', 'recommender_officer']);
    expect((await signInAs(app, 'liaoning')).me).toMatchObject({ id: target });
    expect((await decide(sec2, req.json().id, 'approve')).statusCode).toBe(409);
    const trail = await db().select().from(auditLog).where(eq(auditLog.entityId, target));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['role.request', 'role.grant']));
    expect(trail.find((e) => e.action === 'role.grant')!.actorUserId).toBe(sec2.me.id);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('a revocation of a ministry role also needs the second administrator; a rejection leaves the role', async () => {
    const moist = await idOf('moist');
    const req = await request(sec2, { userId: moist, role: 'ministry_officer', op: 'revoke' });
    expect(req.json().status).toBe('pending');
    expect((await decide(sec1, req.json().id, 'reject')).json().status).toBe('rejected');
    expect(await rolesOf(moist)).toEqual(['ministry_officer']);
    const [row] = await db().select().from(roleRequests).where(eq(roleRequests.id, req.json().id));
    expect(row!.decidedBy).toBe(sec1.me.id);
  });

  it('other roles are granted and revoked at once, audited', async () => {
    const target = await idOf('tsinghua');
    const grant = await request(sec1, { userId: target, role: 'expert', op: 'grant' });
    expect(grant.json()).toMatchObject({ status: 'applied', decidedBy: sec1.me.id });
    expect(await rolesOf(target)).toEqual(['expert', 'institution_user']);
    const revoke = await request(sec1, { userId: target, role: 'expert', op: 'revoke' });
    expect(revoke.json().status).toBe('applied');
    expect(await rolesOf(target)).toEqual(['institution_user']);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, target))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['role.grant', 'role.revoke']));
    expect((await request(sec1, { userId: target, role: 'expert', op: 'revoke' })).json().error.code).toBe('conflict');
  });

  it('only a security administrator changes roles, and never their own', async () => {
    const target = await idOf('hebei');
    for (const other of ['sysadmin', 'auditor', 'moist']) {
      const h = await signInAs(app, other);
      expect((await request(h, { userId: target, role: 'expert', op: 'grant' })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/api/security/role-requests', headers: h.headers })).statusCode).toBe(403);
    }
    expect((await request(sec1, { userId: sec1.me.id, role: 'expert', op: 'grant' })).statusCode).toBe(403);
    const unknownRole = await request(sec1, { userId: target, role: 'superuser', op: 'grant' });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().error.fields[0]).toMatchObject({ field: 'role', rule: 'enum' });
  });

  it('8.1.4.1 b: the security administrator unlocks a locked account (audited); others may not', async () => {
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'jiangxi', password: 'nope' }, remoteAddress: '192.0.2.99' });
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'jiangxi', password: DEMO_PASSWORD } })).statusCode).toBe(401);
    const target = await idOf('jiangxi');
    const list = (await app.inject({ method: 'GET', url: '/api/security/users?q=jiangxi', headers: sec1.headers })).json();
    expect(list.items[0]).toMatchObject({ username: 'jiangxi', locked: true });
    const sys = await signInAs(app, 'sysadmin');
    expect((await app.inject({ method: 'POST', url: `/api/security/users/${target}/unlock`, headers: sys.headers })).statusCode).toBe(403);
    const res = await app.inject({ method: 'POST', url: `/api/security/users/${target}/unlock`, headers: sec1.headers });
    expect(res.json()).toEqual({ ok: true, wasLocked: true });
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'jiangxi', password: DEMO_PASSWORD } })).statusCode).toBe(200);
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'account.unlock'), eq(auditLog.entityId, target)));
    expect(entry!.actorUserId).toBe(sec1.me.id);
  });

  it('GB/T 22239-2019 8.1.4.2: the administrators cannot list applications by virtue of their role (scope table)', async () => {
    for (const admin of ['sysadmin', 'secadmin', 'auditor']) {
      const me = (await signInAs(app, admin)).me as unknown as { permissions: Record<string, unknown> };
      expect(me.permissions.application).toBeUndefined();
      expect(Object.keys(me.permissions).filter((r) => /review/.test(r))).toEqual([]);
    }
  });

  it('the masked account list shows 139****NNNN, never the whole number', async () => {
    const demo = generateDemo().accounts.find((a) => a.username === 'moist')!;
    const res = await app.inject({ method: 'GET', url: '/api/security/users?q=moist', headers: sec1.headers });
    const item = res.json().items.find((u: { username: string }) => u.username === 'moist');
    expect(item.phone).toBe(`${demo.phone.slice(0, 3)}****${demo.phone.slice(-4)}`);
    expect(res.body).not.toContain(demo.phone);
    expect(res.body).not.toContain(demo.email);
  });
});

describeEachDb('GB/T 39786-2021: SM4 key rotation of personal fields', (getDb) => {
  it('values under the retired key are re-encrypted with the new one at start, and stay readable', async () => {
    const sm2 = generateSm2KeyPair();
    const ringA = parseSm4KeyRing(`a1:${generateSm4KeyHex()}`);
    const ringAB = addSm4Key(ringA, 'b2', generateSm4KeyHex());
    const config = { ...loadConfig({}), seedDemo: false, logLevel: 'silent' };
    const keys = (sm4: SmKeys['sm4']): SmKeys => ({ sm2, sm4, source: { sm2: 'env', sm4: 'env' } });
    const db = getDb().db;

    const first = await buildApp({ config, database: getDb(), logger: false, keys: keys(ringA) });
    await first.ready();
    await first.close();
    const [before] = await db.select().from(users).where(eq(users.username, 'moist'));
    expect(sm4KeyIdOf(before!.phone!)).toBe('a1');

    const second = await buildApp({ config, database: getDb(), logger: false, keys: keys(ringAB) });
    await second.ready();
    const rows = await db.select({ id: users.id, phone: users.phone }).from(users).where(sql`${users.phone} is not null`);
    expect(rows.every((r) => sm4KeyIdOf(r.phone!) === 'b2')).toBe(true);
    // Readable with the new key alone: the old one can now leave the ring.
    const onlyB = { activeKeyId: 'b2', keys: new Map([['b2', ringAB.keys.get('b2')!]]) };
    const demo = generateDemo().accounts.find((a) => a.username === 'moist')!;
    const [after] = await db.select().from(users).where(eq(users.username, 'moist'));
    expect(sm4Decrypt(after!.phone!, onlyB, aadOf('phone', after!.id))).toBe(demo.phone);
    // The administrator's pass finds nothing left to do.
    const s = await signInAs(second, 'secadmin');
    const pass = await second.inject({ method: 'POST', url: '/api/security/personal-data/reseal', headers: s.headers });
    expect(pass.json()).toEqual({ sealed: 0, reencrypted: 0, unreadable: 0 });
    await second.close();
  });
});
