// `npm run bench:api`: requests per second and p99 latency of a scoped list endpoint (institutions of
// one province, GET /api/organizations?regionCode=…) under concurrent load on PostgreSQL, beside a
// floor — bare Fastify + pg running the very SQL the app issued for that request — in the same run.
//
// Steps: fresh database guohe_bench_<pid> → migrate → demo data → extra institutions → app and floor
// each in a child process → sign in → capture the app's SQL → check both answer the same JSON →
// warm up → measure floor, app, floor again (the better floor run counts) → table → drop database.
// The last line is the summary; any non-2xx response or connection error fails the run (exit 1).
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/server/platform/db/client.js';
import { loadDemo } from '../src/server/demo/load.js';
import { generateDemo } from '../src/server/demo/generate.js';
import { parseArgs } from './lib/api-args.js';
import { addVolume, BENCH_DB_PREFIX, createDatabase, dropDatabase, dropStaleBenchDatabases, redact, serverUrls } from './lib/api-db.js';
import { killAllChildren, startChild, type ChildServer } from './lib/api-child.js';
import { captureSql } from './lib/api-capture.js';
import { load, table, type RunResult } from './lib/api-load.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const dbName = `${BENCH_DB_PREFIX}${process.pid}`;
const urls = serverUrls(dbName);
const servers: ChildServer[] = [];
let dbCreated = false;
let cleaning: Promise<void> | undefined;
let interrupted = false;

const log = (msg: string) => console.log(msg);

/** Stop the servers and drop the database; every caller waits for the same, single cleanup. */
function cleanup(): Promise<void> {
  cleaning ??= doCleanup();
  return cleaning;
}

async function doCleanup(): Promise<void> {
  await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
  killAllChildren();
  if (dbCreated) {
    try {
      await dropDatabase(urls.admin, dbName);
      log(`dropped database ${dbName}`);
    } catch (e) {
      console.error(`could not drop database ${dbName}: ${(e as Error).message}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

function assertClean(r: RunResult, phase: string): void {
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
    throw new Error(`${r.label} ${phase}: ${r.non2xx} non-2xx responses, ${r.errors} errors, ${r.timeouts} timeouts (status codes: ${r.statusCodes || 'none'})`);
  }
}

async function getJson(url: string, cookie?: string): Promise<unknown> {
  const res = await fetch(url, cookie ? { headers: { cookie } } : {});
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

async function main(): Promise<string> {
  const stale = await dropStaleBenchDatabases(urls.admin);
  if (stale.length) log(`dropped leftovers of earlier runs: ${stale.join(', ')}`);
  await createDatabase(urls.admin, dbName);
  dbCreated = true;
  log(`database ${redact(urls.bench)}`);

  // Schema, demo data, extra volume.
  const demo = generateDemo();
  const setup = await openDatabase({ databaseUrl: urls.bench, poolSize: 4 });
  try {
    await setup.migrate();
    if (!(await loadDemo(setup.db, demo))) throw new Error('demo data was not loaded into the fresh database');
  } finally {
    await setup.close();
  }
  const volume = await addVolume(urls.bench, args.extraOrgs, args.region);
  log(`data: ${demo.orgs.length} demo organizations + ${volume.inserted} extra institutions (${volume.inProvince} of them in ${args.region})`);

  // App first (sign-in needs it), then the floor fed with the SQL the app issues.
  const poolEnv = { BENCH_DATABASE_URL: urls.bench, BENCH_POOL_SIZE: '20' };
  const profArgs = args.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.cpuProfDir)}`] : [];
  const app = await startChild('app', path.join(here, 'lib/api-app-server.ts'), poolEnv, profArgs);
  servers.push(app);

  const signIn = await fetch(`http://127.0.0.1:${app.port}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: args.actor, password: demo.password }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in as ${args.actor} → ${signIn.status}: ${(await signIn.text()).slice(0, 300)}`);
  const sid = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('guohe_sid='));
  if (!sid) throw new Error('sign-in set no guohe_sid cookie');
  const token = decodeURIComponent(sid.slice('guohe_sid='.length));

  const query: Record<string, string> = { regionCode: args.region, ...(args.kind ? { kind: args.kind } : {}) };
  const capture = await captureSql(urls.bench, token, query);
  const floor = await startChild('floor', path.join(here, 'lib/api-floor-server.ts'), { ...poolEnv, BENCH_FLOOR_SPEC: JSON.stringify(capture.floor) });
  servers.push(floor);
  const floorSession = args.floorWithSession
    ? await startChild('floor+session', path.join(here, 'lib/api-floor-server.ts'), { ...poolEnv, BENCH_FLOOR_SPEC: JSON.stringify({ ...capture.floor, session: capture.session }) })
    : undefined;
  if (floorSession) servers.push(floorSession);

  const qs = new URLSearchParams(query).toString();
  const appUrl = `http://127.0.0.1:${app.port}/api/organizations?${qs}`;
  const floorUrl = `http://127.0.0.1:${floor.port}/api/organizations?${qs}`;

  // Same answer from both, and the same as the app's own function gave.
  const appBody = await getJson(appUrl, sid);
  const floorBody = await getJson(floorUrl);
  const floorSessionUrl = floorSession && `http://127.0.0.1:${floorSession.port}/api/organizations?${qs}`;
  if (floorSessionUrl && !isDeepStrictEqual(await getJson(floorSessionUrl), appBody)) throw new Error('the floor+session server answered differently from the app');
  if (!isDeepStrictEqual(appBody, capture.expected)) throw new Error('the app answered differently from the captured listOrganizations call');
  if (!isDeepStrictEqual(floorBody, appBody)) {
    throw new Error(`the floor answered differently from the app:\napp:   ${JSON.stringify(appBody).slice(0, 400)}\nfloor: ${JSON.stringify(floorBody).slice(0, 400)}`);
  }
  const body = appBody as { total: number; items: unknown[] };
  log(`request: GET /api/organizations?${qs} as ${args.actor} (${capture.actor.roles.join(', ')}; org ${capture.actor.orgNameZh}) → ${body.items.length} items of ${body.total}; app and floor bodies identical`);
  log('SQL per request (captured from the app; the floor runs the list queries verbatim):');
  log(`  session: ${capture.session.text}`);
  log(`  items:   ${capture.floor.items.text}  -- params ${JSON.stringify(capture.floor.items.values)}${capture.floor.items.rowMode ? ', rowMode array' : ''}`);
  log(`  count:   ${capture.floor.count.text}  -- params ${JSON.stringify(capture.floor.count.values)}`);
  const cpus = os.cpus().length;
  log(`machine: ${cpus} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (server, PostgreSQL and load generator share them)`);
  log(`load: ${args.connections} connections, ${args.duration} s per run, ${args.warmup} s warm-up each; order floor → app → floor, the better floor run counts`);

  const run = { connections: args.connections, cookie: sid };
  if (args.warmup > 0) {
    assertClean(await load('floor', floorUrl, { ...run, pid: floor.pid, duration: args.warmup }), 'warm-up');
    assertClean(await load('app', appUrl, { ...run, pid: app.pid, duration: args.warmup }), 'warm-up');
  }
  const floor1 = await load('floor', floorUrl, { ...run, pid: floor.pid, duration: args.duration });
  const appRun = await load('app', appUrl, { ...run, pid: app.pid, duration: args.duration });
  const floor2 = await load('floor', floorUrl, { ...run, pid: floor.pid, duration: args.duration });
  const bestFloor = floor2.rps > floor1.rps ? floor2 : floor1;
  const extra: RunResult[] = [];
  if (floorSessionUrl) {
    if (args.warmup > 0) assertClean(await load('floor+session', floorSessionUrl, { ...run, pid: floorSession?.pid, duration: args.warmup }), 'warm-up');
    extra.push(await load('floor+session', floorSessionUrl, { ...run, pid: floorSession?.pid, duration: args.duration }));
  }
  log(`floor runs: ${floor1.rps.toFixed(0)} req/s (p99 ${floor1.p99} ms) before the app, ${floor2.rps.toFixed(0)} req/s (p99 ${floor2.p99} ms) after`);
  log('');
  log(table([appRun, bestFloor, ...extra]));
  log('');
  for (const r of [floor1, appRun, floor2, ...extra]) assertClean(r, 'measured run');

  const ratio = appRun.rps / bestFloor.rps;
  return `api: ${appRun.rps.toFixed(0)} req/s p99 ${appRun.p99.toFixed(1)} ms | floor: ${bestFloor.rps.toFixed(0)} req/s p99 ${bestFloor.p99.toFixed(1)} ms | ratio ${ratio.toFixed(2)}`;
}

try {
  const summary = await main();
  await cleanup();
  console.log(summary);
  process.exit(0);
} catch (e) {
  if (!interrupted) console.error(`\nbench:api FAILED: ${e instanceof Error ? e.message : String(e)}`);
  await cleanup();
  process.exit(interrupted ? 130 : 1);
}
