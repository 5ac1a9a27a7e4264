// Integration tests: build one migrated database with demo data per run (a PGlite data directory,
// and a PostgreSQL template database when DATABASE_URL is set). Each test file then gets its own
// copy, cheaply — PGlite's initdb is far too heavy to run per file.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../platform/db/client.js';
import { loadDemo } from '../demo/load.js';
import { generateDemo } from '../demo/generate.js';
import { adminUrl, pgliteTemplateDir, templateDbName } from './paths.js';

export default async function setup() {
  const dir = pgliteTemplateDir();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const lite = await openDatabase({ pgliteDir: dir });
  await lite.migrate();
  await loadDemo(lite.db, generateDemo());
  await lite.close();

  const url = process.env.DATABASE_URL;
  if (!url) return async () => fs.rmSync(dir, { recursive: true, force: true });
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  const tpl = templateDbName();
  await dropDatabase(admin, tpl);
  await admin.query(`CREATE DATABASE "${tpl}"`);
  const target = new URL(url);
  target.pathname = `/${tpl}`;
  const real = await openDatabase({ databaseUrl: target.toString(), poolSize: 2 });
  await real.migrate();
  await loadDemo(real.db, generateDemo());
  await real.close();
  return async () => {
    await dropDatabase(admin, tpl);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

async function dropDatabase(admin: import('pg').Client, name: string) {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
