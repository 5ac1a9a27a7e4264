import type { Database } from '../platform/db/client.js';
import { loadConfig } from '../platform/config.js';
import { buildApp } from '../app.js';

export const DEMO_PASSWORD = 'Guohe@2026';

export async function testApp(database: Database) {
  // No session cache in tests: they change sessions behind the app's back and expect it to notice.
  const config = { ...loadConfig({}), seedDemo: false, logLevel: 'silent', sessionCacheMs: 0 };
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
