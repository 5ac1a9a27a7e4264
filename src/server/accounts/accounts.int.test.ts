import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { signInAs, testApp, type TestApp } from '../testing/app.js';
import { sessions, users } from './tables.js';
import { makeUscc } from '../organizations/registry/uscc.js';

describeEachDb('accounts and sessions', (getDb) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(getDb());
  });
  afterAll(async () => {
    await app.close();
  });

  const signIn = (username: string, password: string, lang = 'zh') =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, headers: { 'x-guohe-lang': lang } });

  it('signs in with the demo password and sets an httpOnly session cookie', async () => {
    const res = await signIn('moist', 'Guohe@2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'guohe_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(res.json().roles).toContain('ministry_officer');
  });

  it('answers a wrong password and an unknown user with the same generic message', async () => {
    const wrong = await signIn('beijing', 'nope');
    const unknown = await signIn('no-such-user', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.message).toContain('用户名或密码错误');
  });

  it('locks an account for 15 minutes after five failures, without saying so', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('tianjin', 'bad')).statusCode).toBe(401);
    const [u] = await getDb().db.select().from(users).where(eq(users.username, 'tianjin'));
    const minutes = (u!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const right = await signIn('tianjin', 'Guohe@2026');
    expect(right.statusCode).toBe(401);
    expect(right.json().error.code).toBe('bad_credentials');
  });

  it('refuses a state change without the session CSRF token', async () => {
    const { headers } = await signInAs(app, 'hebei');
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: headers.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('signs out everywhere: every session of the user stops working', async () => {
    const a = await signInAs(app, 'shanxi');
    const b = await signInAs(app, 'shanxi');
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: a.headers });
    expect(res.json().revoked).toBeGreaterThanOrEqual(2);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: b.headers })).statusCode).toBe(401);
  });

  it('ends a session idle longer than the idle timeout', async () => {
    const s = await signInAs(app, 'zhejiang');
    await getDb().db.update(sessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` }).where(eq(sessions.userId, s.me.id));
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('a11.s0: a new institution is reviewed by its territorial S&T department before it can act', async () => {
    const payload = {
      org: { nameZh: '成都示例国际技术转移有限公司', kind: 'st_intermediary', uscc: makeUscc({ registrationAuthority: '9', entityCategory: '1', regionCode: '510100', serial: 990001 }), regionCode: '510100' },
      user: { username: 'cd-newco', displayName: '王新', password: 'Str0ng-Passw0rd!' },
    };
    const reg = await app.inject({ method: 'POST', url: '/api/auth/register', payload });
    expect(reg.statusCode).toBe(201);
    expect((await signIn('cd-newco', 'Str0ng-Passw0rd!')).json().error.code).toBe('account_pending');

    const other = await signInAs(app, 'beijing');
    const foreign = await app.inject({ method: 'POST', url: `/api/registrations/${reg.json().id}/decide`, headers: other.headers, payload: { approve: true } });
    expect(foreign.statusCode).toBe(404);

    const sichuan = await signInAs(app, 'sichuan');
    const list = await app.inject({ method: 'GET', url: '/api/registrations?status=pending', headers: sichuan.headers });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(reg.json().id);
    const ok = await app.inject({ method: 'POST', url: `/api/registrations/${reg.json().id}/decide`, headers: sichuan.headers, payload: { approve: true } });
    expect(ok.json().status).toBe('approved');
    expect((await signIn('cd-newco', 'Str0ng-Passw0rd!')).statusCode).toBe(200);
  });

  it('names the field and the rule of bad input, in the user language', async () => {
    const payload = {
      org: { nameZh: '某', kind: 'university', uscc: '91510100MA6CXXXXX1', regionCode: '510100' },
      user: { username: 'x', displayName: '', password: 'short' },
    };
    const zh = await app.inject({ method: 'POST', url: '/api/auth/register', payload, headers: { 'x-guohe-lang': 'zh' } });
    expect(zh.statusCode).toBe(400);
    const fields = zh.json().error.fields as { field: string; rule: string; message: string }[];
    expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['org.nameZh', 'user.password']));
    expect(fields.find((f) => f.field === 'user.password')!.message).toContain('长度至少为 10');
    const en = await app.inject({ method: 'POST', url: '/api/auth/register', payload, headers: { 'x-guohe-lang': 'en' } });
    expect(en.json().error.fields.find((f: { field: string }) => f.field === 'user.password').message).toContain('at least 10 characters');
  });

  it('refuses a unified social credit code with a wrong check digit, naming the field', async () => {
    const good = makeUscc({ registrationAuthority: '9', entityCategory: '1', regionCode: '510100', serial: 990002 });
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await app.inject({
      method: 'POST', url: '/api/auth/register',
      payload: { org: { nameZh: '校验位测试单位', kind: 'university', uscc: bad, regionCode: '510100' }, user: { username: 'ccc-test', displayName: '测', password: 'Str0ng-Passw0rd!' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('org.uscc');
  });
});
