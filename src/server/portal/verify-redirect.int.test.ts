import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';

describeEachDb('a19.s1: the address printed on certificates', (getDb) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(getDb());
  });
  afterAll(async () => {
    await app.close();
  });

  it('a19.s1: /verify/<code> leads to the public verification page for that code', async () => {
    const res = await app.inject({ method: 'GET', url: '/verify/ABCD-EFGH-JKMN-PQRS' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/portal/verify?code=ABCD-EFGH-JKMN-PQRS');
  });
});
