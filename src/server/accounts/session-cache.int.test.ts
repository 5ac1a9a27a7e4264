import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/db.js';
import { signInAs, type TestApp } from '../testing/app.js';
import { loadConfig } from '../platform/config.js';
import { buildApp } from '../app.js';

describeEachDb('session cache', (getDb) => {
  let app: TestApp;
  beforeAll(async () => {
    const config = { ...loadConfig({}), seedDemo: false, logLevel: 'silent', sessionCacheMs: 60_000 };
    app = await buildApp({ config, database: getDb(), logger: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it('a revocation made on this instance applies at once, even to a cached session', async () => {
    const a = await signInAs(app, 'chongqing');
    const b = await signInAs(app, 'chongqing');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: b.headers })).statusCode).toBe(200);
    await app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: a.headers });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: b.headers })).statusCode).toBe(401);
  });

  it('a signed-out session is refused at once', async () => {
    const s = await signInAs(app, 'hunan');
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
    await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: s.headers });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode).toBe(401);
  });
});
