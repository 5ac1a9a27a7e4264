import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { DEMO_PASSWORD, signInAs, testApp, type TestApp } from '../testing/app.js';
import { SoftAuthenticator } from '../testing/soft-authenticator.js';
import { auditLog } from '../platform/audit/tables.js';
import { loginEvents, users, webauthnChallenges, webauthnCredentials } from './tables.js';
import { totpCode } from './totp.js';
import { relyingParty } from './webauthn-rp.js';

// app.inject talks to host "localhost": with no configuration the RP is that host.
const ORIGIN = 'http://localhost';
const RP_ID = 'localhost';

describeEachDb('WebAuthn second factor (GB/T 22239-2019 8.1.4.1 d)', (getDb) => {
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
  type Headers = Record<string, string>;
  const post = (url: string, payload?: object, headers: Headers = {}, lang = 'zh') =>
    app.inject({ method: 'POST', url, headers: { ...headers, 'x-guohe-lang': lang }, ...(payload ? { payload } : {}) });
  const get = (url: string, headers: Headers) => app.inject({ method: 'GET', url, headers });
  const signIn = (username: string) => post('/api/auth/sign-in', { username, password: DEMO_PASSWORD });
  const headersOf = (res: Awaited<ReturnType<typeof post>>) => ({
    cookie: `guohe_sid=${res.cookies.find((c) => c.name === 'guohe_sid')!.value}`, 'x-csrf-token': res.json().csrfToken as string,
  });
  const actions = async (userId: string) => (await db().select().from(auditLog).where(eq(auditLog.entityId, userId))).map((e) => e.action);
  const setSettings = async (patch: Record<string, unknown>) => {
    const current = (await get('/api/security/settings', secadmin.headers)).json();
    expect((await app.inject({ method: 'PUT', url: '/api/security/settings', headers: secadmin.headers, payload: { ...current, ...patch } })).statusCode).toBe(200);
  };

  /** Add a key through the API with `auth`; returns the stored key as the API describes it. */
  async function addKey(headers: Headers, auth: SoftAuthenticator, name = 'USB 安全密钥') {
    const options = await post('/api/auth/webauthn/registration/options', undefined, headers);
    expect(options.statusCode).toBe(200);
    const res = await post('/api/auth/webauthn/registration', { name, response: auth.create(options.json()) }, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; name: string };
  }

  /** Password step, then options for the key; returns the challenge id and the request options. */
  async function startKeySignIn(username: string) {
    const first = await signIn(username);
    expect(first.json()).toMatchObject({ mfaRequired: true, methods: expect.arrayContaining(['webauthn']) });
    const challengeId = first.json().challengeId as string;
    const options = await post('/api/auth/sign-in/webauthn/options', { challengeId });
    expect(options.statusCode, options.body).toBe(200);
    return { challengeId, options: options.json() };
  }
  const finish = (challengeId: string, response: object) => post('/api/auth/sign-in/webauthn', { challengeId, response });

  it('8.1.4.1 d: a security key is registered (public key stored, audited) and then signs in as the second step', async () => {
    const s = await signInAs(app, 'expert06');
    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    const options = (await post('/api/auth/webauthn/registration/options', undefined, s.headers)).json();
    expect(options).toMatchObject({ rp: { id: RP_ID }, attestation: 'none', user: { name: 'expert06' } });
    const key = await addKey(s.headers, auth);
    expect(key).toMatchObject({ name: 'USB 安全密钥', deviceType: 'singleDevice', lastUsedAt: null });
    const [row] = await db().select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, s.me.id));
    expect(row!.credentialId).toBe(auth.credentialIds[0]);
    expect(Buffer.from(row!.publicKey, 'base64url')[0]).toBe(0xa5); // a CBOR map of five entries: the COSE key
    expect((await get('/api/auth/webauthn/credentials', s.headers)).json().items).toEqual([expect.objectContaining({ id: key.id })]);
    expect((await get('/api/auth/mfa', s.headers)).json()).toMatchObject({ totpEnabled: false, securityKeys: 1 });
    // PIPL art. 45: my export names my keys.
    expect((await get('/api/me/data', s.headers)).json().securityKeys).toEqual([{ name: 'USB 安全密钥', createdAt: expect.any(String), lastUsedAt: null }]);
    // The same key cannot be added twice: the options exclude it.
    expect((await post('/api/auth/webauthn/registration/options', undefined, s.headers)).json().excludeCredentials).toEqual([expect.objectContaining({ id: auth.credentialIds[0] })]);

    const { challengeId, options: req } = await startKeySignIn('expert06');
    expect(req.rpId).toBe(RP_ID);
    expect(req.allowCredentials.map((c: { id: string }) => c.id)).toEqual(auth.credentialIds);
    const done = await finish(challengeId, auth.get(req));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().username).toBe('expert06');
    expect(done.cookies.find((c) => c.name === 'guohe_sid')).toBeDefined();
    const [after] = await db().select().from(webauthnCredentials).where(eq(webauthnCredentials.id, key.id));
    expect(after!.counter).toBe(1);
    expect(after!.lastUsedAt).not.toBeNull();
    expect(await actions(s.me.id)).toEqual(expect.arrayContaining(['mfa.webauthn_registered', 'mfa.webauthn_used', 'session.sign_in']));
    const [event] = await db().select().from(loginEvents).where(and(eq(loginEvents.userId, s.me.id), eq(loginEvents.ok, true), eq(loginEvents.reason, 'webauthn')));
    expect(event).toBeDefined();
  });

  it('8.1.4.1 d: an assertion for another origin is refused, at sign-in and at registration (message in the user\'s language)', async () => {
    const s = await signInAs(app, 'expert07');
    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    const options = (await post('/api/auth/webauthn/registration/options', undefined, s.headers)).json();
    const bad = await post('/api/auth/webauthn/registration', { name: 'phished', response: auth.create(options, { origin: 'https://guohe.example.net' }) }, s.headers, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'response', rule: 'webauthn_verification' });
    expect(bad.json().error.fields[0].message).toContain('did not verify');
    expect(await db().select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, s.me.id))).toHaveLength(0);
    await addKey(s.headers, auth);

    const { challengeId, options: req } = await startKeySignIn('expert07');
    const phished = await finish(challengeId, auth.get(req, { origin: 'https://guohe.example.net' }));
    expect(phished.statusCode).toBe(401);
    expect(phished.json().error.code).toBe('webauthn_failed');
    expect(phished.json().error.message).toContain('安全密钥验证未通过');
    expect(phished.cookies.find((c) => c.name === 'guohe_sid')).toBeUndefined();
    // Another RP ID (a look-alike domain) is refused as well.
    const again = await startKeySignIn('expert07');
    expect((await finish(again.challengeId, auth.get(again.options, { rpId: 'guohe.example.net' }))).statusCode).toBe(401);
    const failures = await db().select().from(loginEvents).where(and(eq(loginEvents.userId, s.me.id), eq(loginEvents.reason, 'webauthn_verification')));
    expect(failures).toHaveLength(2);
  });

  it('8.1.4.1 d: a challenge answers once — a replayed assertion and a second answer to one challenge are refused; an expired one too', async () => {
    const s = await signInAs(app, 'expert08');
    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    await addKey(s.headers, auth);
    const first = await startKeySignIn('expert08');
    const assertion = auth.get(first.options);
    expect((await finish(first.challengeId, assertion)).statusCode).toBe(200);
    // The same assertion again: the sign-in it belonged to is finished…
    expect((await finish(first.challengeId, assertion)).statusCode).toBe(401);
    // …and it does not fit a new sign-in, whose challenge is another.
    const second = await startKeySignIn('expert08');
    expect((await finish(second.challengeId, assertion)).statusCode).toBe(401);
    // A signature by the right key over the old challenge, with a fresh counter: still refused.
    expect((await finish(second.challengeId, auth.get(second.options, { challenge: first.options.challenge }))).statusCode).toBe(401);

    // One challenge, two answers: the first (wrong origin) uses it up; the good second one is refused.
    const third = await startKeySignIn('expert08');
    expect((await finish(third.challengeId, auth.get(third.options, { origin: 'https://elsewhere.example' }))).statusCode).toBe(401);
    expect((await finish(third.challengeId, auth.get(third.options))).statusCode).toBe(401);
    // Asking for new options on the same pending sign-in gives a fresh challenge that works.
    const fresh = (await post('/api/auth/sign-in/webauthn/options', { challengeId: third.challengeId })).json();
    expect(fresh.challenge).not.toBe(third.options.challenge);
    expect((await finish(third.challengeId, auth.get(fresh))).statusCode).toBe(200);

    // An expired challenge is refused.
    const fourth = await startKeySignIn('expert08');
    await db().update(webauthnChallenges).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(webauthnChallenges.challenge, fourth.options.challenge));
    expect((await finish(fourth.challengeId, auth.get(fourth.options))).statusCode).toBe(401);
    const reasons = (await db().select().from(loginEvents).where(eq(loginEvents.userId, s.me.id))).map((e) => e.reason);
    expect(reasons.filter((r) => r === 'webauthn_challenge').length).toBeGreaterThanOrEqual(3);
  });

  it('8.1.4.1 d: a signature counter that does not grow (a cloned key) is refused and audited', async () => {
    const s = await signInAs(app, 'expert09');
    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    const key = await addKey(s.headers, auth);
    for (let i = 0; i < 2; i++) {
      const ok = await startKeySignIn('expert09');
      expect((await finish(ok.challengeId, auth.get(ok.options))).statusCode).toBe(200);
    }
    const [stored] = await db().select().from(webauthnCredentials).where(eq(webauthnCredentials.id, key.id));
    expect(stored!.counter).toBe(2);
    const clone = await startKeySignIn('expert09');
    const res = await finish(clone.challengeId, auth.get(clone.options, { counter: 2 }));
    expect(res.statusCode).toBe(401);
    const back = await startKeySignIn('expert09');
    expect((await finish(back.challengeId, auth.get(back.options, { counter: 1 }))).statusCode).toBe(401);
    const [after] = await db().select().from(webauthnCredentials).where(eq(webauthnCredentials.id, key.id));
    expect(after!.counter).toBe(2);
    expect(await actions(s.me.id)).toContain('mfa.webauthn_counter_regression');
    // The genuine key, one step further, still works.
    auth.setCounter(auth.credentialIds[0]!, 2);
    const genuine = await startKeySignIn('expert09');
    expect((await finish(genuine.challengeId, auth.get(genuine.options))).statusCode).toBe(200);
  });

  it('8.1.4.1 d: another user\'s credential is refused at sign-in, and their key cannot be listed or removed (404)', async () => {
    const a = await signInAs(app, 'expert10');
    const b = await signInAs(app, 'expert11');
    const authA = new SoftAuthenticator(ORIGIN, RP_ID);
    const authB = new SoftAuthenticator(ORIGIN, RP_ID);
    await addKey(a.headers, authA);
    const keyB = await addKey(b.headers, authB);
    const { challengeId, options } = await startKeySignIn('expert10');
    // B's key signs A's challenge, correctly: still not A's credential.
    const res = await finish(challengeId, authB.get(options, { credentialId: authB.credentialIds[0] }));
    expect(res.statusCode).toBe(401);
    const [event] = await db().select().from(loginEvents).where(and(eq(loginEvents.userId, a.me.id), eq(loginEvents.reason, 'webauthn_unknown_key')));
    expect(event).toBeDefined();
    expect(JSON.stringify((await get('/api/auth/webauthn/credentials', a.headers)).json())).not.toContain(keyB.id);
    const steal = await post(`/api/auth/webauthn/credentials/${keyB.id}/remove`, { password: DEMO_PASSWORD }, a.headers);
    expect(steal.statusCode).toBe(404);
    expect(await db().select().from(webauthnCredentials).where(eq(webauthnCredentials.id, keyB.id))).toHaveLength(1);
  });

  it('8.1.4.1 d: removing a key needs the password or a current code, is audited, and restores one-step sign-in', async () => {
    const s = await signInAs(app, 'expert12');
    const key = await addKey(s.headers, new SoftAuthenticator(ORIGIN, RP_ID));
    const none = await post(`/api/auth/webauthn/credentials/${key.id}/remove`, {}, s.headers, 'en');
    expect(none.json().error.fields[0]).toMatchObject({ field: 'password', rule: 'required' });
    const wrong = await post(`/api/auth/webauthn/credentials/${key.id}/remove`, { password: 'not-it' }, s.headers);
    expect(wrong.json().error.fields[0]).toMatchObject({ field: 'password', rule: 'incorrect' });
    expect(wrong.json().error.fields[0].message).toContain('密码不正确');
    expect((await post(`/api/auth/webauthn/credentials/${key.id}/remove`, { password: DEMO_PASSWORD }, s.headers)).statusCode).toBe(200);
    expect((await get('/api/auth/webauthn/credentials', s.headers)).json().items).toEqual([]);
    expect(await actions(s.me.id)).toContain('mfa.webauthn_removed');
    expect((await signIn('expert12')).json().username).toBe('expert12');
  });

  it('8.1.4.1 d: requireMfaForOfficials is met by a security key alone; the last key of such an account cannot be removed', async () => {
    await setSettings({ requireMfaForOfficials: true });
    try {
      const res = await signIn('moist');
      expect(res.json().restriction).toBe('mfa_enrolment_required');
      const h = headersOf(res);
      expect((await get('/api/organizations', h)).statusCode).toBe(403);
      const auth = new SoftAuthenticator(ORIGIN, RP_ID);
      const key = await addKey(h, auth);
      // The enrolling session is released at once.
      expect((await get('/api/organizations', h)).statusCode).toBe(200);
      expect((await get('/api/auth/me', h)).json().restriction).toBeNull();
      const refused = await post(`/api/auth/webauthn/credentials/${key.id}/remove`, { password: DEMO_PASSWORD }, h);
      expect(refused.statusCode).toBe(403);
      // Sign-in offers the key only; with it the session is unrestricted.
      const { challengeId, options } = await startKeySignIn('moist');
      const done = await finish(challengeId, auth.get(options));
      expect(done.json().restriction).toBeNull();
      // With TOTP as well, a key may go: TOTP still meets the policy. And TOTP may go while a key remains.
      const hd = headersOf(done);
      const start = await post('/api/auth/mfa/totp', undefined, hd);
      const secret = new URL(start.json().otpauthUri).searchParams.get('secret')!;
      const codes = (await post('/api/auth/mfa/totp/confirm', { code: totpCode(secret) }, hd)).json().recoveryCodes as string[];
      const both = await signIn('moist');
      expect(both.json().methods).toEqual(['totp', 'webauthn']);
      expect((await post('/api/auth/mfa/totp/disable', { code: codes[0] }, hd)).statusCode).toBe(200);
      const [u] = await db().select().from(users).where(eq(users.username, 'moist'));
      expect(u!.totpSecret).toBeNull();
    } finally {
      await setSettings({ requireMfaForOfficials: false });
    }
  });

  it('the relying party comes from configuration; without it, a loopback request host, else the public URL (never a remote Host header)', () => {
    const base = { webauthnRpId: undefined, webauthnOrigins: undefined, publicBaseUrl: 'https://guohe.example.gov.cn' };
    expect(relyingParty({ ...base, webauthnRpId: 'most.example.gov.cn', webauthnOrigins: ['https://guohe.most.example.gov.cn'] }, { protocol: 'http', host: 'localhost:3000', hostname: 'localhost' }))
      .toMatchObject({ id: 'most.example.gov.cn', origins: ['https://guohe.most.example.gov.cn'] });
    expect(relyingParty(base, { protocol: 'http', host: 'localhost:5173', hostname: 'localhost' })).toMatchObject({ id: 'localhost', origins: ['http://localhost:5173'] });
    expect(relyingParty(base, { protocol: 'http', host: 'evil.example:80', hostname: 'evil.example' })).toMatchObject({ id: 'guohe.example.gov.cn', origins: ['https://guohe.example.gov.cn'] });
  });
});
