import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDb } from '../../testing/db.js';
import { signInAs, testApp, type TestApp } from '../../testing/app.js';
import { loadSmKeys } from '../crypto/sm.js';
import type { Db } from '../db/client.js';
import { startJobs, type Jobs } from './queue.js';
import { anchorAuditHead, verifyAnchors } from './anchor.js';
import { AUDIT_ANCHOR_JOB, registerPlatformJobs } from './platform.js';
import { auditAnchors } from './tables.js';

async function rows<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** PostgreSQL URL of the suite's private database (freshDatabase does not expose it). */
async function currentUrl(db: Db): Promise<string> {
  const [r] = await rows<{ d: string }>(db, sql`select current_database() as d`);
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${r!.d}`;
  return u.toString();
}

describeEachDb('job queue', (get, kind) => {
  let jobs: Jobs;
  let app: TestApp;
  let url: string | undefined;
  const keysDir = path.join(os.tmpdir(), `guohe-keys-${randomBytes(4).toString('hex')}`);
  const sm2 = loadSmKeys({ dataDir: keysDir, env: {} }).sm2;

  beforeAll(async () => {
    url = kind === 'postgres' ? await currentUrl(get().db) : undefined;
    jobs = await startJobs(get(), { databaseUrl: url, pollSeconds: 0.2, instance: 'A' });
    app = await testApp(get());
  });
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    fs.rmSync(keysDir, { recursive: true, force: true });
  });

  it('retries with backoff, then dead-letters; the system administrator sees it and retries it', async () => {
    const db = get().db;
    let attempts = 0;
    let healed = false;
    await jobs.define('test-flaky', { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true });
    await jobs.work('test-flaky', async () => {
      attempts++;
      if (!healed) throw new Error(`flaky failure ${attempts}`);
    });
    const id = (await jobs.send('test-flaky', { n: 1 }))!;
    const dead = await until('the job to fail for good', async () => {
      const [r] = await rows<{ state: string; retry_count: number }>(db, sql`select state::text, retry_count from pgboss.job where id = ${id}::uuid`);
      return r?.state === 'failed' ? r : undefined;
    });
    expect(dead.retry_count).toBe(2);
    expect(attempts).toBe(3); // the first run and two retries
    const copies = await rows<{ n: number }>(db, sql`select count(*)::int as n from pgboss.job where name = 'test-flaky.dead'`);
    expect(copies[0]!.n).toBe(1);

    const admin = await signInAs(app, 'sysadmin');
    const list = await app.inject({ method: 'GET', url: '/api/admin/jobs?state=failed', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((j: { id: string }) => j.id === id);
    expect(item).toMatchObject({ name: 'test-flaky', state: 'failed', retryCount: 2, error: 'flaky failure 3' });

    const other = await signInAs(app, 'moist');
    expect((await app.inject({ method: 'GET', url: '/api/admin/jobs', headers: other.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/admin/jobs' })).statusCode).toBe(401);

    healed = true;
    const retry = await app.inject({ method: 'POST', url: `/api/admin/jobs/test-flaky/${id}/retry`, headers: admin.headers });
    expect(retry.statusCode).toBe(200);
    await until('the retried job to complete', async () => {
      const [r] = await rows<{ state: string }>(db, sql`select state::text from pgboss.job where id = ${id}::uuid`);
      return r?.state === 'completed';
    });
    expect(attempts).toBe(4);
    // A job that is not failed cannot be retried again.
    expect((await app.inject({ method: 'POST', url: `/api/admin/jobs/test-flaky/${id}/retry`, headers: admin.headers })).statusCode).toBe(404);
  });

  it(kind === 'postgres' ? 'runs each job exactly once with two workers competing' : 'runs each job exactly once (one worker)', async () => {
    const second = kind === 'postgres' ? await startJobs(get(), { databaseUrl: url, pollSeconds: 0.2, instance: 'B' }) : null;
    try {
      const seen = new Map<string, string[]>();
      const handler = (who: string) => async (job: { id: string }) => {
        seen.set(job.id, [...(seen.get(job.id) ?? []), who]);
        await new Promise((r) => setTimeout(r, 5));
      };
      await jobs.work('test-once', handler('A'));
      await jobs.work('test-once', handler('A'));
      if (second) {
        await second.work('test-once', handler('B'));
        await second.work('test-once', handler('B'));
      }
      const n = kind === 'postgres' ? 60 : 20;
      const ids = await Promise.all(Array.from({ length: n }, (_, i) => jobs.send('test-once', { i })));
      await until('every job to complete', async () => {
        const [r] = await rows<{ n: number }>(get().db, sql`select count(*)::int as n from pgboss.job where name = 'test-once' and state = 'completed'`);
        return r!.n === n;
      });
      expect(seen.size).toBe(n);
      for (const id of ids) expect(seen.get(id!)).toHaveLength(1);
      if (second) {
        const by = [...seen.values()].flat();
        // Both instances took part (the point of the test), and no job ran twice.
        expect(by.filter((w) => w === 'A').length).toBeGreaterThan(0);
        expect(by.filter((w) => w === 'B').length).toBeGreaterThan(0);
      }
    } finally {
      await second?.stop();
    }
  });

  it('a singleton key keeps one job queued (queue policy short)', async () => {
    await jobs.define('test-single', { policy: 'short' });
    const a = await jobs.send('test-single', { v: 1 }, { singletonKey: 'k1', startAfter: 3600 });
    const b = await jobs.send('test-single', { v: 2 }, { singletonKey: 'k1', startAfter: 3600 });
    expect(a).toBeTruthy();
    expect(b).toBeNull();
  });

  it('anchors the audit chain head with SM2, once per job run, and the anchors verify', async () => {
    const db = get().db;
    const direct = await anchorAuditHead(db, sm2, { jobId: 'manual-1' });
    expect(direct).not.toBeNull();
    expect(await anchorAuditHead(db, sm2, { jobId: 'manual-1' })).toBeNull(); // same job id: no second anchor

    await registerPlatformJobs(jobs, { db, sm2, env: {} });
    const id = (await jobs.send(AUDIT_ANCHOR_JOB, {}))!;
    const row = await until('the anchor job to write', async () => (await db.select().from(auditAnchors).where(sql`${auditAnchors.jobId} = ${id}`))[0]);
    expect(row.headId).toBeGreaterThan(0);
    expect(row.instance).toBe('A');

    const check = await verifyAnchors(db);
    expect(check).toMatchObject({ ok: true, firstBadAnchorId: null });
    expect(check.checked).toBeGreaterThanOrEqual(2);
    // A signature by another key is refused when the trusted key is named.
    expect((await verifyAnchors(db, ['0'.repeat(64)])).ok).toBe(false);
    // A forged anchor (payload changed after signing) fails.
    await db.execute(sql`update audit_anchors set head_hash = ${'f'.repeat(64)}, payload = replace(payload, head_hash, ${'f'.repeat(64)}) where job_id = 'manual-1'`);
    const forged = await verifyAnchors(db);
    expect(forged.ok).toBe(false);
    expect(forged.reason).toBe('signature');
  });
});
