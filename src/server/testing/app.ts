import type { Database } from '../platform/db/client.js';
import { loadConfig, type Config } from '../platform/config.js';
import { buildApp } from '../app.js';

export const DEMO_PASSWORD = 'Guohe@2026';

export async function testApp(database: Database, overrides: Partial<Config> = {}) {
  // No session cache in tests: they change sessions behind the app's back and expect it to notice.
  // Rate limits off: test files sign in and call routes far more often than one person would
  // (ratelimit/rate-limit.int.test.ts switches them on with small limits).
  const config = { ...loadConfig({ GUOHE_RATE_LIMITS: 'off' }), seedDemo: false, logLevel: 'silent', sessionCacheMs: 0, ...overrides };
  return buildApp({ config, database, logger: false });
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** Sign in through the API; returns headers that carry the session cookie and CSRF token. */
export async function signInAs(app: TestApp, username: string, password = DEMO_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'guohe_sid')!;
  const me = res.json() as { csrfToken: string; org: { id: string }; id: string };
  return { headers: { cookie: `guohe_sid=${cookie.value}`, 'x-csrf-token': me.csrfToken }, me };
}
