/**
 * Backup and restore of the whole database (issue 8). Attachments live in the database, so one
 * file holds everything except the keys (SM2/SM4 keys come from the environment, or in development
 * from `<dataDir>/keys/`; they are deliberately NOT in the backup — keep them apart).
 *
 *  - PostgreSQL: `pg_dump --format=custom` (compressed; one consistent snapshot while the app runs),
 *    restored with `pg_restore --single-transaction --exit-on-error` into an EMPTY database. The
 *    client tools must be of the server's major version or newer.
 *  - PGlite: `dumpDataDir('gzip')` — a tarball of the data directory — restored with
 *    `new PGlite(dir, { loadDataDir })` into an empty directory. PGlite belongs to one process:
 *    take the backup with the server stopped (the CLI refuses while postmaster.pid exists).
 *
 * The file kind is recognised by its first bytes: `PGDMP` (pg_dump custom) or gzip (PGlite).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type BackupKind = 'postgres' | 'pglite';

export class BackupError extends Error {
  override name = 'BackupError';
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => reject(new BackupError(`${cmd}: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new BackupError(`${cmd} exited with ${code}: ${err.trim()}`))));
  });
}

/** Which kind of backup a file is, from its magic bytes. */
export function backupKindOf(file: string): BackupKind {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  } finally {
    fs.closeSync(fd);
  }
  throw new BackupError(`${file} is neither a pg_dump custom archive nor a PGlite data directory tarball`);
}

export function backupFileName(kind: BackupKind, now = new Date()): string {
  const ts = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return kind === 'postgres' ? `guohe-postgres-${ts}.pgdump` : `guohe-pglite-${ts}.tar.gz`;
}

/** Write to a temporary name, then rename: an interrupted backup never looks complete. */
async function atomically(file: string, write: (tmp: string) => Promise<void>) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  try {
    await write(tmp);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export async function backupPostgres(url: string, file: string): Promise<void> {
  await atomically(file, (tmp) => run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${tmp}`, `--dbname=${url}`]).then(() => undefined));
}

/** Relations in user schemas: an empty database has none. */
export async function postgresObjectCount(url: string): Promise<number> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

async function dropUserSchemas(url: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'`,
    );
    for (const { nspname } of rows) await client.query(`drop schema "${nspname.replace(/"/g, '""')}" cascade`);
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

export async function restorePostgres(url: string, file: string, options: { force?: boolean } = {}): Promise<void> {
  if (backupKindOf(file) !== 'postgres') throw new BackupError(`${file} is not a PostgreSQL backup`);
  if ((await postgresObjectCount(url)) > 0) {
    if (!options.force) throw new BackupError('the target database is not empty; restore into an empty database, or pass --force to replace its contents');
    await dropUserSchemas(url);
  }
  // --clean would be wrong on an empty database; the dump's own CREATE SCHEMA public is skipped
  // because `public` exists, which --exit-on-error tolerates only via this filter:
  const list = await run('pg_restore', ['--list', file]);
  const filtered = list
    .split('\n')
    .filter((l) => !/ SCHEMA - public /.test(l))
    .join('\n');
  const listFile = `${file}.${process.pid}.list`;
  fs.writeFileSync(listFile, filtered);
  try {
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--use-list=${listFile}`, `--dbname=${url}`, file]);
  } finally {
    fs.rmSync(listFile, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// PGlite

/** True when a PGlite data directory looks open (a running server, or one that died). */
export function pgliteLooksOpen(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'postmaster.pid'));
}

export async function backupPglite(dir: string, file: string, options: { force?: boolean } = {}): Promise<void> {
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw new BackupError(`${dir} is not a PGlite data directory`);
  if (pgliteLooksOpen(dir) && !options.force) {
    throw new BackupError(`${dir} is in use (postmaster.pid exists): stop the server first — PGlite belongs to one process. If it is stopped (it did not shut down cleanly), pass --force.`);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = new PGlite(dir);
  await pg.waitReady;
  try {
    const dump = await pg.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    await atomically(file, async (tmp) => fs.writeFileSync(tmp, bytes));
  } finally {
    await pg.close();
  }
}

export async function restorePglite(dir: string, file: string, options: { force?: boolean } = {}): Promise<void> {
  if (backupKindOf(file) !== 'pglite') throw new BackupError(`${file} is not a PGlite backup`);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    if (!options.force) throw new BackupError(`${dir} is not empty; restore into an empty directory, or pass --force to replace it`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await pg.waitReady;
  await pg.close();
}
