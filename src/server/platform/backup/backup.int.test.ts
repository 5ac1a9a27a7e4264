import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { dbKinds } from '../../testing/db.js';
import { adminUrl, pgliteTemplateDir, templateDbName } from '../../testing/paths.js';
import { openDatabase, type Database } from '../db/client.js';
import { recordAudit, verifyAuditChain } from '../audit/audit.js';
import { auditLog } from '../audit/tables.js';
import { drafts, users } from '../../accounts/tables.js';
import { generateSm2KeyPair } from '../crypto/sm.js';
import { anchorAuditHead, verifyAnchors } from '../jobs/anchor.js';
import { startJobs } from '../jobs/queue.js';
import { main } from './cli.js';

const tmpRoot = path.join(os.tmpdir(), `guohe-backup-${randomBytes(4).toString('hex')}`);
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

/** Something to find after the restore: a draft with an attachment-sized value, audit records, an anchor, a job. */
async function addData(database: Database, databaseUrl?: string) {
  const db = database.db;
  const [user] = await db.select({ id: users.id }).from(users).limit(1);
  const blob = randomBytes(256 * 1024).toString('base64');
  await db.transaction(async (tx) => {
    await tx.insert(drafts).values({ userId: user!.id, key: 'backup-test', data: { blob } });
    await recordAudit(tx, { userId: user!.id, orgId: null, ip: '127.0.0.1' }, { action: 'backup.test', entityType: 'draft', entityId: 'backup-test', after: { size: blob.length } });
  });
  const sm2 = generateSm2KeyPair();
  await anchorAuditHead(db, sm2, { jobId: 'backup-test' });
  const jobs = await startJobs(database, { databaseUrl });
  await jobs.send('backup-test-job', { x: 1 }, { startAfter: 3600 });
  await jobs.stop();
  return { blob };
}

async function expectRestored(database: Database, blob: string, auditRows: number) {
  const db = database.db;
  const [d] = await db.select().from(drafts).where(eq(drafts.key, 'backup-test'));
  expect((d!.data as { blob: string }).blob).toBe(blob);
  const chain = await verifyAuditChain(db);
  expect(chain).toMatchObject({ ok: true, firstBrokenId: null });
  expect(chain.checked).toBe(auditRows);
  expect((await verifyAnchors(db)).ok).toBe(true);
  const jobs = ((await db.execute(sql`select count(*)::int as n from pgboss.job where name = 'backup-test-job'`)) as unknown as { rows: Array<{ n: number }> }).rows;
  expect(jobs[0]!.n).toBe(1);
  // The append-only trigger came back with the data.
  await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
}

describe.runIf(dbKinds().includes('pglite'))('backup and restore [pglite]', () => {
  it('backs up the data directory to one file and restores it into an empty one', async () => {
    const src = path.join(tmpRoot, 'src');
    const dst = path.join(tmpRoot, 'dst');
    fs.mkdirSync(src, { recursive: true });
    fs.cpSync(pgliteTemplateDir(), path.join(src, 'pglite'), { recursive: true });
    const source = await openDatabase({ pgliteDir: path.join(src, 'pglite') });
    const { blob } = await addData(source);
    const [{ n: auditRows } = { n: 0 }] = await source.db.select({ n: count() }).from(auditLog);
    await source.close();

    const file = path.join(tmpRoot, 'out', 'lite.tar.gz');
    expect(await main(['backup', '--out', file], { GUOHE_DATA_DIR: src })).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);

    expect(await main(['restore', file], { GUOHE_DATA_DIR: dst })).toBe(0);
    // Not again over existing data without --force.
    expect(await main(['restore', file], { GUOHE_DATA_DIR: dst })).toBe(1);
    expect(await main(['restore', file, '--force'], { GUOHE_DATA_DIR: dst })).toBe(0);

    const restored = await openDatabase({ pgliteDir: path.join(dst, 'pglite') });
    try {
      await expectRestored(restored, blob, Number(auditRows));
    } finally {
      await restored.close();
    }
  }, 240_000); // PGlite opens three times and dumps the whole data directory
});

describe.runIf(dbKinds().includes('postgres'))('backup and restore [postgres]', () => {
  it('pg_dump to one file, restore into an empty database (refusing a non-empty one)', async () => {
    const base = process.env.DATABASE_URL!;
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: adminUrl(base) });
    await admin.connect();
    cleanups.push(() => admin.end());
    const names = { src: `guohe_bk_src_${randomBytes(4).toString('hex')}`, dst: `guohe_bk_dst_${randomBytes(4).toString('hex')}` };
    const urlOf = (name: string) => {
      const u = new URL(base);
      u.pathname = `/${name}`;
      return u.toString();
    };
    await admin.query(`CREATE DATABASE "${names.src}" TEMPLATE "${templateDbName()}"`);
    await admin.query(`CREATE DATABASE "${names.dst}"`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${names.src}" WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS "${names.dst}" WITH (FORCE)`);
    });

    const source = await openDatabase({ databaseUrl: urlOf(names.src), poolSize: 2 });
    const { blob } = await addData(source, urlOf(names.src));
    const [{ n: auditRows } = { n: 0 }] = await source.db.select({ n: count() }).from(auditLog);

    const dir = path.join(tmpRoot, 'pgout') + '/';
    expect(await main(['backup', '--out', dir], { DATABASE_URL: urlOf(names.src), GUOHE_DATA_DIR: tmpRoot })).toBe(0);
    const [file] = fs.readdirSync(dir).map((f) => path.join(dir, f));
    expect(file).toMatch(/guohe-postgres-.*\.pgdump$/);
    await source.close();

    expect(await main(['restore', file!], { DATABASE_URL: urlOf(names.dst), GUOHE_DATA_DIR: tmpRoot })).toBe(0);
    expect(await main(['restore', file!], { DATABASE_URL: urlOf(names.dst), GUOHE_DATA_DIR: tmpRoot })).toBe(1);
    expect(await main(['restore', file!, '--force'], { DATABASE_URL: urlOf(names.dst), GUOHE_DATA_DIR: tmpRoot })).toBe(0);
    const restored = await openDatabase({ databaseUrl: urlOf(names.dst), poolSize: 2 });
    try {
      await expectRestored(restored, blob, Number(auditRows));
      // The migrations table came along, so the server starts on it without re-migrating.
      await restored.migrate();
    } finally {
      await restored.close();
    }
  }, 240_000);
});
