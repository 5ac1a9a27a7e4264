import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../testing/db.js';
import { signInAs, testApp, type TestApp } from '../../testing/app.js';
import { makeUscc } from '../../organizations/registry/uscc.js';
import { drafts, registrations, users } from '../../accounts/tables.js';
import { withIdempotency } from './idempotency.js';
import { idempotencyKeys } from './tables.js';

let serial = 770000;
function registration(username: string) {
  return {
    org: { nameZh: `幂等测试单位${username}`, kind: 'university', uscc: makeUscc({ registrationAuthority: '1', entityCategory: '2', regionCode: '510100', serial: serial++ }), regionCode: '510100' },
    user: { username, displayName: '幂等', password: 'Str0ng-Passw0rd!' },
  };
}

describeEachDb('Idempotency-Key', (get) => {
  let app: TestApp;
  let created = 0;
  beforeAll(async () => {
    app = await testApp(get());
    // A route that creates a row with a fresh id, storing its response in the same transaction.
    app.post('/api/test/idem-create', async (req, reply) => {
      const actor = req.actor!;
      const out = await get().db.transaction((tx) =>
        withIdempotency(req, tx, async (t) => {
          created++;
          const key = `idem-${randomUUID().slice(0, 8)}`;
          await t.insert(drafts).values({ userId: actor.userId, key, data: { n: created } });
          return { key, n: created };
        }, { status: 201 }));
      return reply.status(201).send(out);
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const regCount = async (username: string) =>
    (await get().db.select({ n: count() }).from(registrations).innerJoin(users, eq(users.id, registrations.userId)).where(eq(users.username, username)))[0]!.n;

  it('a retried registration with the same key creates one record and replays the response', async () => {
    const key = randomUUID();
    const payload = registration('idem-reg-1');
    const first = await app.inject({ method: 'POST', url: '/api/auth/register', payload, headers: { 'idempotency-key': key } });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await app.inject({ method: 'POST', url: '/api/auth/register', payload, headers: { 'idempotency-key': key } });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await regCount('idem-reg-1')).toBe(1);

    // Without a key the retry executes again, and the unique username refuses it.
    const bare = await app.inject({ method: 'POST', url: '/api/auth/register', payload });
    expect(bare.statusCode).toBe(409);
    // The same key for a different request is refused, naming the header.
    const other = await app.inject({ method: 'POST', url: '/api/auth/register', payload: registration('idem-reg-2'), headers: { 'idempotency-key': key } });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields[0]).toMatchObject({ field: 'Idempotency-Key', rule: 'reused' });
    expect(await regCount('idem-reg-2')).toBe(0);
    // A malformed key is refused.
    expect((await app.inject({ method: 'POST', url: '/api/auth/register', payload: registration('idem-reg-3'), headers: { 'idempotency-key': 'short' } })).statusCode).toBe(400);
  });

  it('concurrent copies of one submission: one runs, the others replay or are told to retry', async () => {
    const key = randomUUID();
    const payload = registration('idem-reg-c');
    const all = await Promise.all(Array.from({ length: 5 }, () => app.inject({ method: 'POST', url: '/api/auth/register', payload, headers: { 'idempotency-key': key } })));
    const codes = all.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    expect(await regCount('idem-reg-c')).toBe(1);
  });

  it('a failed request releases its key, so the corrected retry runs', async () => {
    const key = randomUUID();
    const payload = registration('idem-reg-f');
    const bad = { ...payload, org: { ...payload.org, regionCode: '999999' } };
    expect((await app.inject({ method: 'POST', url: '/api/auth/register', payload: bad, headers: { 'idempotency-key': key } })).statusCode).toBe(400);
    const [row] = await get().db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, 'public'), eq(idempotencyKeys.key, key)));
    expect(row).toBeUndefined();
  });

  it('signed-in users: keys are per user; a draft save replays', async () => {
    const s = await signInAs(app, 'tsinghua');
    const key = randomUUID();
    const put = (data: object, k = key, headers = s.headers) => app.inject({ method: 'PUT', url: '/api/drafts/idem-form', headers: { ...headers, 'idempotency-key': k }, payload: { data } });
    expect((await put({ a: 1 })).statusCode).toBe(200);
    const replay = await put({ a: 1 });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const [row] = await get().db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(row).toMatchObject({ scope: s.me.id, state: 'done', status: 200, method: 'PUT', route: '/api/drafts/:key' });
    // Another user with the same key is a different submission.
    const t = await signInAs(app, 'moist');
    const theirs = await put({ a: 1 }, key, t.headers);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('withIdempotency stores the response in the same transaction; a dead owner’s pending key is taken over', async () => {
    const s = await signInAs(app, 'tsinghua');
    const key = randomUUID();
    const post = () => app.inject({ method: 'POST', url: '/api/test/idem-create', headers: { ...s.headers, 'idempotency-key': key } });
    const before = created;
    const a = await post();
    const b = await post();
    expect(a.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json()).toEqual(a.json());
    expect(created).toBe(before + 1);
    const [stored] = await get().db.select({ n: count() }).from(drafts).where(eq(drafts.key, a.json().key));
    expect(stored!.n).toBe(1);

    // A key left pending by a process that died (another owner, lease expired) runs again.
    const orphan = randomUUID();
    await get().db.insert(idempotencyKeys).values({
      scope: s.me.id, key: orphan, method: 'POST', route: '/api/test/idem-create', state: 'pending', owner: 'dead-process',
      requestHash: 'x', updatedAt: sql`now() - interval '1 hour'` as never,
    });
    // …but only for the same request: the stored hash must match, so give it this request's hash.
    await get().db.execute(sql`update idempotency_keys set request_hash = (select request_hash from idempotency_keys where key = ${key}) where key = ${orphan}`);
    const c = await app.inject({ method: 'POST', url: '/api/test/idem-create', headers: { ...s.headers, 'idempotency-key': orphan } });
    expect(c.statusCode).toBe(201);
    expect(created).toBe(before + 2);
  });
});
