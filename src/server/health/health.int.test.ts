import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';

describeEachDb('health and API documents', (getDb, kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(getDb());
  });
  afterAll(async () => {
    await app.close();
  });

  it('GET /api/health reports the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { kind, up: true } });
  });

  it('GET /api/openapi.json documents the routes from their Zod schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/sign-in', '/api/organizations', '/api/organizations/{id}']));
    expect(doc.paths['/api/auth/sign-in'].post.requestBody).toBeTruthy();
  });

  it('GET /api/docs serves the browsable page', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('an unknown API route is a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
