import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { DEMO_PASSWORD, signInAs, testApp, type TestApp } from '../testing/app.js';
import { generateDemo } from '../demo/generate.js';
import { auditLog } from '../platform/audit/tables.js';
import { loginEvents, recoveryCodes, users, webauthnCredentials } from './tables.js';
import { totpCode } from './totp.js';
import { makeUscc } from '../organizations/registry/uscc.js';

const demo = generateDemo();
const demoAccount = (username: string) => demo.accounts.find((a) => a.username === username)!;

describeEachDb('identification and authentication (GB/T 22239-2019 8.1.4.1)', (getDb) => {
  let app: TestApp;
  let secadmin: Awaited<ReturnType<typeof signInAs>>;
  beforeAll(async () => {
    app = await testApp(getDb());
    secadmin = await signInAs(app, 'secadmin');
  });
  afterAll(async () => {
    await app.close();
  });

  const db = () => getDb().db;
  const signIn = (username: string, password: string, opts: { ip?: string; ua?: string; lang?: string } = {}) =>
    app.inject({
      method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, remoteAddress: opts.ip ?? '127.0.0.1',
      headers: { 'x-guohe-lang': opts.lang ?? 'zh', 'user-agent': opts.ua ?? 'vitest' },
    });
  const headersOf = (res: Awaited<ReturnType<typeof signIn>>) => ({
    cookie: `guohe_sid=${res.cookies.find((c) => c.name === 'guohe_sid')!.value}`, 'x-csrf-token': res.json().csrfToken as string,
  });
  const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload?: object, lang = 'zh') =>
    app.inject({ method: 'POST', url, headers: { ...headers, 'x-guohe-lang': lang }, ...(payload ? { payload } : {}) });
  const setSettings = async (patch: Record<string, unknown>) => {
    const current = (await get('/api/security/settings', secadmin.headers)).json();
    const res = await app.inject({ method: 'PUT', url: '/api/security/settings', headers: secadmin.headers, payload: { ...current, ...patch } });
    expect(res.statusCode).toBe(200);
  };

  /** Enrol TOTP for a user through the API; returns the secret and the recovery codes. */
  async function enrol(headers: Record<string, string>) {
    const start = await post('/api/auth/mfa/totp', headers);
    expect(start.statusCode).toBe(200);
    const secret = new URL(start.json().otpauthUri).searchParams.get('secret')!;
    const confirm = await post('/api/auth/mfa/totp/confirm', headers, { code: totpCode(secret) });
    expect(confirm.statusCode).toBe(200);
    return { secret, recoveryCodes: confirm.json().recoveryCodes as string[] };
  }

  // ---- Password policy -------------------------------------------------------------------------

  it('8.1.4.1 a: a password change names the field and each broken rule, in zh and en', async () => {
    const s = await signInAs(app, 'hubei');
    const wrong = await post('/api/auth/password', s.headers, { current: 'not-it', next: 'N3w-Passw0rd!' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([expect.objectContaining({ field: 'current', rule: 'incorrect' })]);
    const weak = await post('/api/auth/password', s.headers, { current: DEMO_PASSWORD, next: 'abcdefg' });
    expect(weak.json().error.fields.map((f: { rule: string }) => f.rule)).toEqual(['password_min_length', 'password_char_classes']);
    expect(weak.json().error.fields[0].message).toContain('字段「next」：密码长度至少为 10 位');
    const en = await post('/api/auth/password', s.headers, { current: DEMO_PASSWORD, next: 'abcdefghijkl' }, 'en');
    expect(en.json().error.fields[0]).toMatchObject({ field: 'next', rule: 'password_char_classes' });
    expect(en.json().error.fields[0].message).toContain('must mix at least 3 of');
  });

  it('8.1.4.1 a: the current password and the last N may not be reused; a change signs out the other sessions', async () => {
    const a = await signInAs(app, 'hunan');
    const b = await signInAs(app, 'hunan');
    const same = await post('/api/auth/password', a.headers, { current: DEMO_PASSWORD, next: DEMO_PASSWORD });
    expect(same.json().error.fields[0].rule).toBe('password_reused');
    const first = await post('/api/auth/password', a.headers, { current: DEMO_PASSWORD, next: 'First-Passw0rd!' });
    expect(first.statusCode).toBe(200);
    expect(first.json().otherSessionsRevoked).toBeGreaterThanOrEqual(1);
    expect((await get('/api/auth/me', b.headers)).statusCode).toBe(401);
    expect((await get('/api/auth/me', a.headers)).statusCode).toBe(200);
    expect((await post('/api/auth/password', a.headers, { current: 'First-Passw0rd!', next: 'Second-Passw0rd!' })).statusCode).toBe(200);
    const back = await post('/api/auth/password', a.headers, { current: 'Second-Passw0rd!', next: DEMO_PASSWORD }, 'en');
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields[0]).toMatchObject({ field: 'next', rule: 'password_reused' });
    expect(back.json().error.fields[0].message).toContain('the last 5 passwords');
    expect((await signIn('hunan', 'Second-Passw0rd!')).statusCode).toBe(200);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'account.password_change'), eq(auditLog.entityId, a.me.id)));
    expect(audit).toBeDefined();
  });

  it('8.1.4.1 a: registration follows the configured policy (minimum length raised to 14)', async () => {
    await setSettings({ passwordMinLength: 14 });
    try {
      const payload = {
        org: { nameZh: '策略测试单位', kind: 'university', uscc: makeUscc({ registrationAuthority: '9', entityCategory: '1', regionCode: '510100', serial: 770001 }), regionCode: '510100' },
        user: { username: 'policy-newco', displayName: '策略', password: 'Abcdef-12345' },
      };
      const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload, headers: { 'x-guohe-lang': 'en' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'user.password', rule: 'password_min_length' })]);
      expect(res.json().error.fields[0].message).toContain('at least 14 characters');
      const ok = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...payload, user: { ...payload.user, password: 'Abcdef-1234567' } } });
      expect(ok.statusCode).toBe(201);
    } finally {
      await setSettings({ passwordMinLength: 10 });
    }
  });

  it('8.1.4.1 a: an official whose password passed its maximum age must change it before anything else', async () => {
    const user = demoAccount('gov-sichuan');
    await db().update(users).set({ passwordChangedAt: sql`now() - interval '91 days'` }).where(eq(users.username, user.username));
    const res = await signIn(user.username, DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().restriction).toBe('password_expired');
    const h = headersOf(res);
    const blocked = await get('/api/organizations', h);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_expired');
    expect((await get('/api/auth/me', h)).json().restriction).toBe('password_expired');
    expect((await post('/api/auth/password', h, { current: DEMO_PASSWORD, next: 'Renewed-Passw0rd!' })).statusCode).toBe(200);
    expect((await get('/api/organizations', h)).statusCode).toBe(200);
    // An institution account with an equally old password is not held back.
    await db().update(users).set({ passwordChangedAt: sql`now() - interval '400 days'` }).where(eq(users.username, 'zju'));
    expect((await signIn('zju', DEMO_PASSWORD)).json().restriction).toBeNull();
  });

  // ---- Second factor -------------------------------------------------------------------------

  it('8.1.4.1 d: TOTP enrolment stores the secret SM4-encrypted and 10 hashed recovery codes; sign-in becomes two-step', async () => {
    const s = await signInAs(app, 'expert02');
    const { secret, recoveryCodes: codes } = await enrol(s.headers);
    expect(codes).toHaveLength(10);
    const [row] = await db().select().from(users).where(eq(users.id, s.me.id));
    expect(row!.totpSecret).toMatch(/^v1:/);
    expect(row!.totpSecret).not.toContain(secret);
    const stored = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, s.me.id));
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.map((r) => r.codeHash)).not.toContain(c);
    expect((await get('/api/auth/mfa', s.headers)).json()).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });

    const first = await signIn('expert02', DEMO_PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ mfaRequired: true, challengeId: expect.any(String), methods: ['totp'] });
    expect(first.cookies.find((c) => c.name === 'guohe_sid')).toBeUndefined();
    // The enrolment consumed the current time step; the next one (within the ±1 window) signs in.
    const code = totpCode(secret, Date.now() + 30_000);
    const done = await app.inject({ method: 'POST', url: '/api/auth/sign-in/mfa', payload: { challengeId: first.json().challengeId, code } });
    expect(done.statusCode).toBe(200);
    expect(done.json().username).toBe('expert02');
    expect(done.cookies.find((c) => c.name === 'guohe_sid')).toBeDefined();
    // Neither the challenge nor the code can be used twice.
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-in/mfa', payload: { challengeId: first.json().challengeId, code } })).statusCode).toBe(401);
    const again = await signIn('expert02', DEMO_PASSWORD);
    const replay = await app.inject({ method: 'POST', url: '/api/auth/sign-in/mfa', payload: { challengeId: again.json().challengeId, code } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('mfa_code_invalid');
  });

  it('8.1.4.1 d: a security administrator resets a lost second factor (TOTP, recovery codes, keys), ending the sessions; never their own', async () => {
    const s = await signInAs(app, 'henan');
    await enrol(s.headers);
    await db().insert(webauthnCredentials).values({ userId: s.me.id, credentialId: `lost-key-${s.me.id}`, publicKey: 'AQID', name: 'YubiKey 5', deviceType: 'singleDevice' });
    expect((await signIn('henan', DEMO_PASSWORD)).json()).toMatchObject({ mfaRequired: true });
    const url = `/api/security/users/${s.me.id}/reset-mfa`;
    const official = await signInAs(app, 'moist');
    expect((await post(url, official.headers)).statusCode).toBe(403);
    const own = await post(`/api/security/users/${secadmin.me.id}/reset-mfa`, secadmin.headers, undefined, 'en');
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(/another security administrator/);

    const res = await post(url, secadmin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, removed: { totp: true, recoveryCodes: 10, securityKeys: 1 }, sessionsEnded: expect.any(Number) });
    expect(res.json().sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await get('/api/auth/me', s.headers)).statusCode).toBe(401);
    const again = await signIn('henan', DEMO_PASSWORD);
    expect(again.statusCode).toBe(200);
    expect(again.json().mfaRequired).toBeUndefined();
    const listed = (await get('/api/security/users?q=henan', secadmin.headers)).json().items.find((u: { username: string }) => u.username === 'henan');
    expect(listed).toMatchObject({ totpEnabled: false, securityKeys: 0 });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'account.mfa_reset'), eq(auditLog.entityId, s.me.id)));
    expect(entry).toMatchObject({ actorUserId: secadmin.me.id, before: { totp: true, recoveryCodes: 10, securityKeys: ['YubiKey 5'] } });
  });

  it('8.1.4.1 d: a recovery code completes a sign-in once, never twice', async () => {
    const s = await signInAs(app, 'expert03');
    const { recoveryCodes: codes } = await enrol(s.headers);
    const c1 = (await signIn('expert03', DEMO_PASSWORD)).json().challengeId;
    const ok = await app.inject({ method: 'POST', url: '/api/auth/sign-in/mfa', payload: { challengeId: c1, code: codes[0]!.toLowerCase() } });
    expect(ok.statusCode).toBe(200);
    const c2 = (await signIn('expert03', DEMO_PASSWORD)).json().challengeId;
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-in/mfa', payload: { challengeId: c2, code: codes[0]! } })).statusCode).toBe(401);
    expect((await get('/api/auth/mfa', headersOf(ok))).json().recoveryCodesLeft).toBe(9);
  });

  it('8.1.4.1 d: new recovery codes replace the old; removing TOTP needs a code and restores one-step sign-in', async () => {
    const s = await signInAs(app, 'expert05');
    const { secret, recoveryCodes: old } = await enrol(s.headers);
    expect((await post('/api/auth/mfa/recovery-codes', s.headers, { code: '000000' })).json().error.fields[0]).toMatchObject({ field: 'code', rule: 'totp_mismatch' });
    const fresh = await post('/api/auth/mfa/recovery-codes', s.headers, { code: totpCode(secret, Date.now() + 30_000) });
    expect(fresh.json().recoveryCodes).toHaveLength(10);
    const ch = (await signIn('expert05', DEMO_PASSWORD)).json().challengeId;
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-in/mfa', payload: { challengeId: ch, code: old[0]! } })).statusCode).toBe(401);
    expect((await post('/api/auth/mfa/totp/disable', s.headers, { code: '000000' })).statusCode).toBe(400);
    expect((await post('/api/auth/mfa/totp/disable', s.headers, { code: fresh.json().recoveryCodes[0] })).statusCode).toBe(200);
    const plain = await signIn('expert05', DEMO_PASSWORD);
    expect(plain.json().username).toBe('expert05');
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, s.me.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['mfa.totp_enrolment_start', 'mfa.totp_enabled', 'mfa.recovery_codes_regenerated', 'mfa.totp_disabled']));
  });

  it('8.1.4.1 b: wrong second-factor codes count toward the account lockout', async () => {
    const s = await signInAs(app, 'expert04');
    const { secret } = await enrol(s.headers);
    const ip = '198.51.100.4';
    for (let i = 0; i < 5; i++) {
      const ch = (await signIn('expert04', DEMO_PASSWORD, { ip })).json().challengeId;
      const bad = await app.inject({ method: 'POST', url: '/api/auth/sign-in/mfa', payload: { challengeId: ch, code: '000000' }, remoteAddress: ip });
      expect(bad.json().error.code).toBe('mfa_code_invalid');
    }
    const [u] = await db().select().from(users).where(eq(users.id, s.me.id));
    expect(u!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const locked = await signIn('expert04', DEMO_PASSWORD, { ip });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('bad_credentials');
    void secret;
  });

  it('8.1.4.1 d: requireMfaForOfficials — an official without TOTP must enrol before anything else (403 mfa_enrolment_required)', async () => {
    await setSettings({ requireMfaForOfficials: true });
    try {
      const res = await signIn('torch', DEMO_PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(res.json().restriction).toBe('mfa_enrolment_required');
      const h = headersOf(res);
      const blocked = await get('/api/organizations', h);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('mfa_enrolment_required');
      expect((await get('/api/auth/mfa', h)).json()).toMatchObject({ required: true, totpEnabled: false });
      await enrol(h);
      expect((await get('/api/organizations', h)).statusCode).toBe(200);
      // Required: it cannot be removed again.
      expect((await post('/api/auth/mfa/totp/disable', h, { code: '123456' })).statusCode).toBe(403);
      // Institutions are not officials: password only.
      const inst = await signIn('hust', DEMO_PASSWORD);
      expect(inst.json().restriction).toBeNull();
      expect((await get('/api/organizations', headersOf(inst))).statusCode).toBe(200);
    } finally {
      await setSettings({ requireMfaForOfficials: false });
    }
  });

  // ---- Failures per address; message never reveals the account ----------------------------------

  it('8.1.4.1 b: 20 failures from one address refuse that address for 15 minutes, whatever the account', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 20; i++) expect((await signIn(i % 2 ? `ghost-${i}` : 'jilin', 'wrong', { ip })).statusCode).toBe(401);
    const known = await signIn('heilongjiang', DEMO_PASSWORD, { ip });
    const unknown = await signIn('nobody-here', DEMO_PASSWORD, { ip });
    expect(known.statusCode).toBe(429);
    expect(known.json().error).toEqual(unknown.json().error);
    expect(known.json().error.code).toBe('sign_in_throttled');
    // Another address is not affected.
    expect((await signIn('heilongjiang', DEMO_PASSWORD, { ip: '203.0.113.8' })).statusCode).toBe(200);
    // After the window the address may try again.
    await db().update(loginEvents).set({ at: sql`now() - interval '16 minutes'` }).where(eq(loginEvents.ip, ip));
    expect((await signIn('heilongjiang', DEMO_PASSWORD, { ip })).statusCode).toBe(200);
  });

  // ---- Sessions and history ----------------------------------------------------------------------

  it('lists my active sessions (ip, user agent, created, last seen, current) and signs one out remotely', async () => {
    const a = await signIn('guangdong', DEMO_PASSWORD, { ip: '192.0.2.10', ua: 'Browser A' });
    const b = await signIn('guangdong', DEMO_PASSWORD, { ip: '192.0.2.11', ua: 'Browser B' });
    const ha = headersOf(a);
    const hb = headersOf(b);
    const list = (await get('/api/auth/sessions', ha)).json().items as { id: string; ip: string; userAgent: string; current: boolean; createdAt: string; lastSeenAt: string }[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    const mine = list.find((s) => s.current)!;
    expect(mine).toMatchObject({ ip: '192.0.2.10', userAgent: 'Browser A' });
    expect(Date.parse(mine.createdAt)).not.toBeNaN();
    expect(Date.parse(mine.lastSeenAt)).not.toBeNaN();
    const other = list.find((s) => s.userAgent === 'Browser B')!;
    expect(other.current).toBe(false);
    expect(other.id).toMatch(/^[0-9a-f-]{36}$/);
    // Someone else cannot sign out my session: 404.
    const stranger = await signInAs(app, 'guangxi');
    expect((await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: stranger.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: ha })).statusCode).toBe(200);
    expect((await get('/api/auth/me', hb)).statusCode).toBe(401);
    expect((await get('/api/auth/me', ha)).statusCode).toBe(200);
    expect(((await get('/api/auth/sessions', ha)).json().items as { id: string }[]).map((s) => s.id)).not.toContain(other.id);
  });

  it('shows my sign-in history (last 50, mine only), failures included', async () => {
    await signIn('hainan', 'wrong-one', { ip: '192.0.2.50', ua: 'Attacker' });
    const s = await signIn('hainan', DEMO_PASSWORD, { ip: '192.0.2.51', ua: 'Me' });
    const items = (await get('/api/auth/sign-ins', headersOf(s))).json().items as { ok: boolean; ip: string; userAgent: string; reason: string }[];
    expect(items[0]).toMatchObject({ ok: true, ip: '192.0.2.51', userAgent: 'Me' });
    expect(items).toContainEqual(expect.objectContaining({ ok: false, ip: '192.0.2.50', reason: 'bad_password' }));
    expect(items.length).toBeLessThanOrEqual(50);
    const [hainan] = await db().select({ id: users.id }).from(users).where(eq(users.username, 'hainan'));
    const all = await db().select().from(loginEvents).where(eq(loginEvents.userId, hainan!.id));
    expect(items.length).toBe(Math.min(50, all.length));
  });

  // ---- Personal information -----------------------------------------------------------------------

  it('GB/T 39786 / PIPL: phone and e-mail are SM4 ciphertexts at rest; I can export my data in full', async () => {
    const me = demoAccount('moist');
    const [row] = await db().select().from(users).where(eq(users.username, 'moist'));
    expect(row!.phone).toMatch(/^v1:/);
    expect(row!.email).toMatch(/^v1:/);
    expect(row!.phone).not.toContain(me.phone);
    const s = await signInAs(app, 'moist');
    const data = await get('/api/me/data', s.headers);
    expect(data.statusCode).toBe(200);
    expect(data.json().user).toMatchObject({ username: 'moist', phone: me.phone, email: me.email });
    expect(data.json().roles.map((r: { role: string }) => r.role)).toEqual(['ministry_officer']);
    expect(data.json().signIns.length).toBeGreaterThan(0);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'personal_data.export'), eq(auditLog.entityId, s.me.id)));
    expect(audit).toBeDefined();
  });

  it('PIPL: I can correct my contact details; they are stored encrypted and others see them masked', async () => {
    const s = await signInAs(app, 'shandong');
    const put = await app.inject({ method: 'PUT', url: '/api/me/contact', headers: s.headers, payload: { phone: '13812345678', email: 'li.si@example.org' } });
    expect(put.json()).toEqual({ phone: '13812345678', email: 'li.si@example.org' });
    const [row] = await db().select().from(users).where(eq(users.id, s.me.id));
    expect(row!.phone).not.toContain('13812345678');
    const list = await get('/api/security/users?q=shandong', secadmin.headers);
    const item = list.json().items.find((u: { username: string }) => u.username === 'shandong');
    expect(item).toMatchObject({ phone: '138****5678', email: 'l***@example.org' });
    expect(list.body).not.toContain('13812345678');
  });

  it('registration stores the new account\'s phone and e-mail encrypted', async () => {
    const payload = {
      org: { nameZh: '加密测试单位', kind: 'university', uscc: makeUscc({ registrationAuthority: '9', entityCategory: '1', regionCode: '510100', serial: 770002 }), regionCode: '510100' },
      user: { username: 'enc-newco', displayName: '加密', password: 'Str0ng-Passw0rd!', phone: '13700001111', email: 'enc@example.org' },
    };
    expect((await app.inject({ method: 'POST', url: '/api/auth/register', payload })).statusCode).toBe(201);
    const [row] = await db().select().from(users).where(eq(users.username, 'enc-newco'));
    expect(row!.phone).toMatch(/^v1:/);
    expect(row!.email).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('13700001111');
  });
});
