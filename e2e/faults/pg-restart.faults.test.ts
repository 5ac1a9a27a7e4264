// (b) PostgreSQL restarted under load: while it is down requests fail with 503 (never 500, and the
// process does not crash); once it is back they succeed again without restarting the app.
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { authed, cleanupAll, privateCluster, signIn, sleep, startServer, tmpDir, until } from './support.js';

afterAll(() => cleanupAll());

it('PostgreSQL stopped and started under load: 503 while down, recovery without an app restart', async () => {
  const cluster = await privateCluster();
  const url = await cluster.createDatabase('faults_restart');
  const server = await startServer({ DATABASE_URL: url, GUOHE_DATA_DIR: tmpDir('restart'), GUOHE_JOBS_POLL_SECONDS: '1' });
  const session = await signIn(server.url, 'tsinghua');

  const statuses = new Map<number | string, number>();
  const count = (k: number | string) => statuses.set(k, (statuses.get(k) ?? 0) + 1);
  const stop = { now: false };
  const client = async (c: number) => {
    for (let i = 0; i < 5_000 && !stop.now; i++) {
      try {
        const r = i % 2
          ? await fetch(`${server.url}/api/drafts/fault-${c}`, { method: 'PUT', headers: authed(session, { 'idempotency-key': randomUUID() }), body: JSON.stringify({ data: { c, i } }), signal: AbortSignal.timeout(10_000) })
          : await fetch(`${server.url}/api/auth/me`, { headers: authed(session), signal: AbortSignal.timeout(10_000) });
        count(r.status);
        await r.arrayBuffer();
      } catch (e) {
        count(`network:${(e as Error).name}`);
      }
      await sleep(20);
    }
  };
  const load = Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
  await sleep(2_000);
  cluster.stop(); // fast shutdown: open connections are terminated (57P01)
  await sleep(3_000);
  expect(server.alive(), `the server died while PostgreSQL was down:\n${server.output()}`).toBe(true);
  const down = await fetch(`${server.url}/api/auth/me`, { headers: authed(session) });
  expect(down.status, `${await down.text()}\n--- server output ---\n${server.output()}`).toBe(503);
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(503);
  cluster.start();
  // Recovery without restarting the app: the pool reconnects.
  await until('requests to succeed again', async () => (await fetch(`${server.url}/api/auth/me`, { headers: authed(session) })).status === 200, 30_000);
  await sleep(2_000);
  stop.now = true;
  await load;

  const summary = Object.fromEntries(statuses);
  console.log('statuses during the restart:', summary);
  expect(server.alive()).toBe(true);
  expect(statuses.get(500) ?? 0).toBe(0);
  expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
  expect([...statuses.keys()].every((k) => k === 200 || k === 503)).toBe(true);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  const r = await fetch(`${server.url}/api/drafts/fault-0`, { method: 'PUT', headers: authed(session), body: JSON.stringify({ data: { after: true } }) });
  expect(r.status).toBe(200);
  expect(server.output()).not.toMatch(/unhandled|uncaught/i);
  await server.kill('SIGTERM');
});
