// (c) Two app instances on one PostgreSQL: a session made on one works on the other (and signing
// out on one ends it on both), and a scheduled job runs once per occurrence, not once per instance.
import { afterAll, expect, it } from 'vitest';
import { generateSm2KeyPair, generateSm4KeyHex } from '../../src/server/platform/crypto/sm.js';
import { authed, cleanupAll, privateCluster, signIn, sleep, startServer, tmpDir, until } from './support.js';

afterAll(() => cleanupAll());

it('two instances share sessions, and each scheduled job occurrence runs once', async () => {
  const cluster = await privateCluster();
  const url = await cluster.createDatabase('faults_two');
  // Every instance of a deployment gets the same keys from the environment.
  const env = {
    DATABASE_URL: url,
    GUOHE_SM2_PRIVATE_KEY: generateSm2KeyPair().privateKeyPem.replace(/\n/g, '\\n'),
    GUOHE_SM4_KEYS: `faults:${generateSm4KeyHex()}`,
    GUOHE_AUDIT_ANCHOR_CRON: '* * * * *', // every minute instead of daily
    GUOHE_JOBS_CRON_CHECK_SECONDS: '2',
    GUOHE_JOBS_POLL_SECONDS: '1',
  };
  const a = await startServer({ ...env, GUOHE_DATA_DIR: tmpDir('a') });
  const b = await startServer({ ...env, GUOHE_DATA_DIR: tmpDir('b') }); // after A: A loaded the demo data
  const started = Date.now();

  // Sessions live in PostgreSQL: sign in on A, work on B.
  const s = await signIn(a.url, 'tsinghua');
  const meOnB = await fetch(`${b.url}/api/auth/me`, { headers: authed(s) });
  expect(meOnB.status).toBe(200);
  expect((await meOnB.json()).id).toBe(s.userId);
  const put = await fetch(`${b.url}/api/drafts/two-instances`, { method: 'PUT', headers: authed(s), body: JSON.stringify({ data: { from: 'B' } }) });
  expect(put.status).toBe(200);
  const get = await fetch(`${a.url}/api/drafts/two-instances`, { headers: authed(s) });
  expect((await get.json()).data).toEqual({ from: 'B' });
  expect((await fetch(`${b.url}/api/auth/sign-out`, { method: 'POST', headers: authed(s), body: '{}' })).status).toBe(200);
  // B forgets the session at once; A may have it in its session cache for GUOHE_SESSION_CACHE_MS
  // (default 2 s, README) — the documented window for a revocation made on another instance.
  expect((await fetch(`${b.url}/api/auth/me`, { headers: authed(s) })).status).toBe(401);
  await new Promise((r) => setTimeout(r, 2_100));
  expect((await fetch(`${a.url}/api/auth/me`, { headers: authed(s) })).status).toBe(401);

  // The anchor job is scheduled by both instances every minute; wait for two occurrences.
  type Row = { id: string; state: string; retry_count: number; slot: string };
  const jobs = () => cluster.query<Row>('faults_two', `select id::text, state::text, retry_count, date_trunc('minute', created_on)::text as slot from pgboss.job where name = 'audit-anchor'`);
  await until('two anchor occurrences to complete', async () => (await jobs()).filter((j) => j.state === 'completed').length >= 2, 150_000, 1_000);
  await sleep(4_000); // time for a duplicate to show up, if there were one
  const all = await jobs();
  const anchors = await cluster.query<{ job_id: string; instance: string }>('faults_two', 'select job_id, instance from audit_anchors');
  console.log(`after ${Math.round((Date.now() - started) / 1000)} s: jobs`, all.map((j) => `${j.slot} ${j.state}`), 'anchors by', anchors.map((x) => x.instance));

  const slots = all.map((j) => j.slot);
  expect(new Set(slots).size).toBe(slots.length); // one job per minute slot, not one per instance
  const done = all.filter((j) => j.state === 'completed');
  expect(done.every((j) => j.retry_count === 0)).toBe(true);
  // Each completed job wrote exactly one anchor; no job ran on both instances.
  expect(anchors.length).toBe(done.length);
  expect(new Set(anchors.map((x) => x.job_id)).size).toBe(anchors.length);
  expect(a.alive() && b.alive()).toBe(true);
  await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
});
