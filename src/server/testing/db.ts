import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from '../platform/db/client.js';
import { adminUrl, pgliteTemplateDir, templateDbName } from './paths.js';

export type DbKind = 'pglite' | 'postgres';

/** The databases every integration suite runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function dbKinds(): DbKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh copy of the migrated demo database, private to the calling suite. */
export async function freshDatabase(kind: DbKind): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = path.join(os.tmpdir(), `guohe-db-${randomBytes(6).toString('hex')}`);
    fs.cpSync(pgliteTemplateDir(), dir, { recursive: true });
    const database = await openDatabase({ pgliteDir: dir });
    return { database, dispose: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const url = process.env.DATABASE_URL!;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  const name = `guohe_t_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDbName()}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), poolSize: 10 });
  return {
    database,
    dispose: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Run a suite once per database kind; `get()` returns that kind's database inside the tests. */
export function describeEachDb(name: string, body: (get: () => Database, kind: DbKind) => void) {
  for (const kind of dbKinds()) {
    describe(`${name} [${kind}]`, () => {
      let current: Awaited<ReturnType<typeof freshDatabase>> | undefined;
      beforeAll(async () => {
        current = await freshDatabase(kind);
      });
      afterAll(async () => {
        await current?.dispose();
      });
      body(() => current!.database, kind);
    });
  }
}
