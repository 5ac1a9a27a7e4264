// `npm run bench:portal` (npx tsx bench/portal.ts): the public directory page filtered by province
// (server-rendered HTML) and its JSON, read by 200 concurrent anonymous readers for 20 s, beside a
// floor measured in the same run — bare Fastify + pg running the app's directory SQL (same text,
// same parameters) and answering the same bytes.
//
// Steps: fresh database guohe_portal_bench_<pid> → migrate → demo → 6,000 extra institutions →
// 1,000 national + 5,000 provincial bases → app (page cache on, as deployed), app with the cache
// off (diagnostic) and the floor, each in a child process → same bytes checked → warm-up →
// floor, app, floor (the better floor counts), app without cache → table → drop database.
// Flags: --duration N (20) --connections N (200) --warmup N (3) --province CODE (510000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/server/platform/db/client.js';
import { loadDemo } from '../src/server/demo/load.js';
import { generateDemo } from '../src/server/demo/generate.js';
import { NATIONAL_KEY } from '../src/server/bases/programme.js';
import { directoryQuery, parseFilters } from '../src/server/portal/directory.js';
import { addVolume, createDatabase, dropDatabase, redact, serverUrls } from './lib/api-db.js';
import { killAllChildren, startChild, type ChildServer } from './lib/api-child.js';
import { table, type RunResult } from './lib/api-load.js';
import { addBases } from './lib/portal-data.js';
import { loadPaths } from './lib/portal-load.js';
import type { PortalFloorRoute } from './lib/portal-floor-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string, def: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 && argv[i + 1] ? argv[i + 1]! : def; };
const duration = Number(flag('duration', '20'));
const connections = Number(flag('connections', '200'));
const warmup = Number(flag('warmup', '3'));
const province = flag('province', '510000');
if (!/^\d{2}0000$/.test(province) || !(duration > 0) || !(connections > 0) || !(warmup >= 0)) throw new Error('usage: bench/portal.ts [--duration 20] [--connections 200] [--warmup 3] [--province 510000]');

const dbName = `guohe_portal_bench_${process.pid}`;
const urls = serverUrls(dbName);
const servers: ChildServer[] = [];
const specFile = path.join(os.tmpdir(), `${dbName}-floor.json`);
let dbCreated = false;
let dirty: string[] = [];
let cleaning: Promise<void> | undefined;
const log = (m: string) => console.log(m);

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    killAllChildren();
    fs.rmSync(specFile, { force: true });
    if (dbCreated) {
      try { await dropDatabase(urls.admin, dbName); log(`dropped database ${dbName}`); } catch (e) { console.error(`could not drop database ${dbName}: ${(e as Error).message}`); }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { void cleanup().finally(() => process.exit(130)); });

function assertClean(r: RunResult, phase: string) {
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) throw new Error(`${r.label} ${phase}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts (${r.statusCodes || 'no status'})`);
}

async function fetchBytes(url: string): Promise<{ body: Buffer; type: string }> {
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}: ${body.toString().slice(0, 300)}`);
  return { body, type: res.headers.get('content-type') ?? 'application/octet-stream' };
}

async function main(): Promise<string> {
  await createDatabase(urls.admin, dbName);
  dbCreated = true;
  log(`database ${redact(urls.bench)}`);
  const setup = await openDatabase({ databaseUrl: urls.bench, poolSize: 4 });
  let floorSql: { sql: string; params: unknown[] };
  const htmlPath = `/portal/bases?province=${province}`;
  const jsonPath = `/portal/bases.json?province=${province}`;
  try {
    await setup.migrate();
    if (!(await loadDemo(setup.db, generateDemo()))) throw new Error('demo data was not loaded');
    await addVolume(urls.bench, 6000, province);
    const added = await addBases(urls.bench, 1000, 5000, NATIONAL_KEY);
    const { filters, page, pageSize } = parseFilters({ province });
    floorSql = directoryQuery(setup.db, filters, page, pageSize).toSQL();
    const counts = await setup.db.execute(`select programme_key like 'prov-%' as provincial, count(*)::int as n, count(*) filter (where left(region_code, 2) = '${province.slice(0, 2)}')::int as here from bases group by 1 order by 1` as never);
    log(`data: ${added.national} national + ${added.provincial} provincial bases inserted; by level: ${JSON.stringify((counts as unknown as { rows: unknown[] }).rows)}`);
  } finally {
    await setup.close();
  }

  const env = { BENCH_DATABASE_URL: urls.bench, BENCH_POOL_SIZE: '20' };
  const app = await startChild('app', path.join(here, 'lib/api-app-server.ts'), { ...env, GUOHE_PORTAL_CACHE_MS: process.env.GUOHE_PORTAL_CACHE_MS ?? '5000' });
  servers.push(app);
  const appOrigin = `http://127.0.0.1:${app.port}`;
  const html = await fetchBytes(`${appOrigin}${htmlPath}`);
  const json = await fetchBytes(`${appOrigin}${jsonPath}`);
  const spec: PortalFloorRoute[] = [
    { path: '/portal/bases', sql: floorSql.sql, params: floorSql.params, contentType: html.type, bodyBase64: html.body.toString('base64') },
    { path: '/portal/bases.json', sql: floorSql.sql, params: floorSql.params, contentType: json.type, bodyBase64: json.body.toString('base64') },
  ];
  fs.writeFileSync(specFile, JSON.stringify(spec));
  const floor = await startChild('floor', path.join(here, 'lib/portal-floor-server.ts'), { ...env, BENCH_PORTAL_FLOOR_SPEC: specFile });
  servers.push(floor);
  const nocache = await startChild('app (no cache)', path.join(here, 'lib/api-app-server.ts'), { ...env, GUOHE_PORTAL_CACHE_MS: '0' });
  servers.push(nocache);
  const floorOrigin = `http://127.0.0.1:${floor.port}`;
  const nocacheOrigin = `http://127.0.0.1:${nocache.port}`;

  // Same bytes from all three.
  for (const p of [htmlPath, jsonPath]) {
    const a = (await fetchBytes(`${appOrigin}${p}`)).body, f = (await fetchBytes(`${floorOrigin}${p}`)).body, n = (await fetchBytes(`${nocacheOrigin}${p}`)).body;
    if (!a.equals(f) || !a.equals(n)) throw new Error(`${p}: app, floor and uncached app answered different bytes`);
  }
  const items = (JSON.parse(json.body.toString()) as { total: number; items: unknown[] });
  log(`requests: GET ${htmlPath} (${html.body.length} B HTML) and GET ${jsonPath} (${json.body.length} B JSON), alternating per connection; ${items.items.length} of ${items.total} bases per page; bytes identical across servers`);
  log(`floor SQL: ${floorSql.sql}  -- params ${JSON.stringify(floorSql.params)}`);
  log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (servers, PostgreSQL and the load generator share them)`);
  log(`load: ${connections} connections, ${duration} s per run, ${warmup} s warm-up; order floor → app → floor (better floor counts) → app without cache (diagnostic)`);

  const paths = [htmlPath, jsonPath];
  const run = (label: string, origin: string, pid: number, d: number) => loadPaths(label, origin, paths, { connections, duration: d, pid });
  if (warmup > 0) {
    assertClean(await run('floor', floorOrigin, floor.pid, warmup), 'warm-up');
    assertClean(await run('app', appOrigin, app.pid, warmup), 'warm-up');
    assertClean(await run('app (no cache)', nocacheOrigin, nocache.pid, warmup), 'warm-up');
  }
  const floor1 = await run('floor', floorOrigin, floor.pid, duration);
  const appRun = await run('portal (app)', appOrigin, app.pid, duration);
  const floor2 = await run('floor', floorOrigin, floor.pid, duration);
  const noCacheRun = await run('portal, cache off', nocacheOrigin, nocache.pid, duration);
  const best = floor2.rps > floor1.rps ? floor2 : floor1;
  log(`floor runs: ${floor1.rps.toFixed(0)} req/s (p99 ${floor1.p99} ms) before the app, ${floor2.rps.toFixed(0)} req/s (p99 ${floor2.p99} ms) after`);
  log('');
  log(table([appRun, best, noCacheRun]));
  log('');
  log(`cache off: ratio ${(noCacheRun.rps / best.rps).toFixed(2)} — what a render with its queries costs on every request`);
  // A dirty run (errors, timeouts, non-2xx) fails the benchmark, after the numbers are printed.
  dirty = [floor1, appRun, floor2, noCacheRun].flatMap((r) => { try { assertClean(r, 'measured run'); return []; } catch (e) { return [(e as Error).message]; } });
  return `portal: ${appRun.rps.toFixed(0)} req/s p99 ${appRun.p99.toFixed(1)} ms | floor: ${best.rps.toFixed(0)} req/s p99 ${best.p99.toFixed(1)} ms | ratio ${(appRun.rps / best.rps).toFixed(2)}`;
}

try {
  const summary = await main();
  await cleanup();
  for (const d of dirty) console.error(`bench:portal: dirty run — ${d}`);
  console.log(summary);
  process.exit(dirty.length ? 1 : 0);
} catch (e) {
  console.error(`\nbench:portal FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  await cleanup();
  process.exit(1);
}
