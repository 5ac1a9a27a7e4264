// Security headers (issue 8; GB/T 22239-2019 8.1.4.1 c) and the absolute session lifetime (8.1.4.1 b).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../testing/db.js';
import { signInAs, testApp, type TestApp } from '../../testing/app.js';
import { sessions } from '../../accounts/tables.js';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describeEachDb('security headers and session lifetime (issue 8)', (getDb) => {
  let app: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    app = await testApp(getDb(), { sessionAbsoluteHours: 2 });
    proxied = await testApp(getDb(), { trustProxy: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await app?.close();
    await proxied?.close();
  });

  it('8.1.4.1 c: CSP without inline scripts, frame-ancestors none, nosniff and a referrer policy on API and page responses', async () => {
    for (const url of ['/api/health', '/portal', '/api/does-not-exist']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = directives(String(res.headers['content-security-policy']));
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });

  it('8.1.4.1 c: HSTS only for requests that came over TLS (X-Forwarded-Proto https from a trusted proxy)', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    // An untrusted client cannot turn it on by claiming https.
    expect((await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
    const tls = await proxied.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await proxied.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'http' } })).headers['strict-transport-security']).toBeUndefined();
  });

  it('8.1.4.1 b: the absolute lifetime (GUOHE_SESSION_ABSOLUTE_HOURS) ends a session even while it is in use', async () => {
    const s = await signInAs(app, 'zhejiang');
    const me = () => app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
    const [row] = await getDb().db.select().from(sessions).where(eq(sessions.userId, s.me.id));
    // The configured 2 hours from sign-in.
    expect(Math.abs(row!.expiresAt.getTime() - row!.createdAt.getTime() - 2 * 3_600_000)).toBeLessThan(60_000);
    expect((await me()).statusCode).toBe(200);
    // Two hours later, the user has been active all along: used one second ago, well inside the idle timeout.
    await getDb().db.update(sessions).set({
      createdAt: sql`now() - interval '2 hours 1 second'`, expiresAt: sql`now() - interval '1 second'`, lastSeenAt: sql`now() - interval '1 second'`,
    }).where(eq(sessions.id, row!.id));
    expect((await me()).statusCode).toBe(401);
    const list = await signInAs(app, 'zhejiang');
    const mine = (await app.inject({ method: 'GET', url: '/api/auth/sessions', headers: list.headers })).json().items as { id: string }[];
    expect(mine.map((m) => m.id)).not.toContain(row!.id);
  });
});
