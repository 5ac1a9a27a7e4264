// `npm run bench:annual` (npx tsx bench/annual.ts): run one assessment year for 1,000 bases with
// ten years of history on PostgreSQL, through the application's own code path
// (runAssessmentYear: every computed indicator, grade and the a13.s3 reading, results written,
// notices proposed), beside the bare SQL of the same aggregation in the same database.
//
// Steps: fresh database guohe_bench_<pid> → migrate → demo data → volume up to N bases → warm-up
// → time the app (best of 3, each a full re-run of the unpublished year) → time the SQL floor
// (best of 3) → table → drop the database. The last line is the summary.
// Options: --bases N (default 1000), --year Y (default 2025).
import pg from 'pg';
import { national2011, valueAt } from '../src/regulation/index.js';
import { openDatabase } from '../src/server/platform/db/client.js';
import { loadDemo } from '../src/server/demo/load.js';
import { generateDemo } from '../src/server/demo/generate.js';
import { runAssessmentYear } from '../src/server/bases/assessment/run-year.js';
import { BENCH_DB_PREFIX, createDatabase, dropDatabase, dropStaleBenchDatabases, redact, serverUrls } from './lib/api-db.js';
import { addBaseVolume } from './lib/annual-gen.js';
import { floorSql } from './lib/annual-floor.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg('bases', 1000);
const year = arg('year', 2025);
const dbName = `${BENCH_DB_PREFIX}${process.pid}`;
const urls = serverUrls(dbName);
const log = (s: string) => console.log(s);

async function timed<T>(fn: () => Promise<T>): Promise<{ s: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { s: (performance.now() - t) / 1000, value };
}

async function main() {
  const stale = await dropStaleBenchDatabases(urls.admin);
  if (stale.length) log(`dropped stale ${stale.join(', ')}`);
  await createDatabase(urls.admin, dbName);
  log(`database ${redact(urls.bench)}`);
  const database = await openDatabase({ databaseUrl: urls.bench, poolSize: 10 });
  const client = new pg.Client({ connectionString: urls.bench });
  try {
    await database.migrate();
    await loadDemo(database.db, generateDemo());
    await client.connect();
    const gen = await timed(() => addBaseVolume(client, total));
    await client.query('analyze');
    log(`volume: ${gen.value.bases} bases, ${gen.value.reports} reports, ${gen.value.projects} projects, ${gen.value.activities} records, ${gen.value.results} results (${gen.s.toFixed(1)} s)`);

    const who = { userId: null, orgId: null, ip: null };
    await runAssessmentYear(database.db, who, year); // warm-up: JIT, plans, caches
    const app: { s: number; assessed: number; proposals: number; grades: Record<string, number> }[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await timed(() => runAssessmentYear(database.db, who, year));
      app.push({ s: r.s, assessed: r.value.assessed, proposals: r.value.proposals, grades: r.value.grades });
    }
    const thresholds = valueAt(national2011.grading.thresholds, `${year}-12-31`)!;
    const statements = floorSql(year, thresholds);
    const runFloor = async () => {
      let last: pg.QueryResult | undefined;
      for (const st of statements) last = await client.query(st);
      return last as pg.QueryResult<{ grade: string; n: number; triggered: number }>;
    };
    await runFloor(); // warm-up
    const floor: { s: number; rows: { grade: string; n: number; triggered: number }[] }[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await timed(runFloor);
      floor.push({ s: r.s, rows: r.value.rows });
    }
    const bestApp = app.reduce((a, b) => (b.s < a.s ? b : a));
    const bestFloor = floor.reduce((a, b) => (b.s < a.s ? b : a));
    const appGrades = bestApp.grades;
    const floorGrades = Object.fromEntries(bestFloor.rows.map((r) => [r.grade, r.n]));
    log('');
    log('| grade | app | sql floor |');
    log('|---|---:|---:|');
    for (const g of ['excellent', 'good', 'pass', 'fail', 'not_eligible']) log(`| ${g} | ${appGrades[g] ?? 0} | ${floorGrades[g] ?? 0} |`);
    const proposed = (await client.query<{ n: number }>(`select count(*)::int n from notice_proposals where status = 'proposed'`)).rows[0]!.n;
    log(`| a13.s3 triggered (app: notices proposed for active bases; floor: any base) | ${proposed} | ${bestFloor.rows.reduce((s, r) => s + r.triggered, 0)} |`);
    log('');
    log('| run | app (s) | sql floor (s) |');
    log('|---|---:|---:|');
    for (let i = 0; i < 3; i++) log(`| ${i + 1} | ${app[i]!.s.toFixed(3)} | ${floor[i]!.s.toFixed(3)} |`);
    log(`| ratio (best) | ${(bestApp.s / bestFloor.s).toFixed(1)}× | 1× |`);
    log('');
    await database.close();
    await client.end();
    await dropDatabase(urls.admin, dbName);
    log(`dropped database ${dbName}`);
    log(`annual: ${bestApp.assessed} bases in ${bestApp.s.toFixed(2)} s | sql floor: ${bestFloor.s.toFixed(2)} s`);
  } catch (e) {
    await database.close().catch(() => undefined);
    await client.end().catch(() => undefined);
    await dropDatabase(urls.admin, dbName).catch(() => undefined);
    throw e;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
