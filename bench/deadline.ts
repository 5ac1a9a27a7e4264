// `npm run bench:deadline [-- --short] [--applicants N] [--submitters N] [--clerks N] [--duration S]
//   [--think-ms MS] [--uploads-per-hour N | --upload-share F] [--instances N]`:
// the last hour before a call closes, on PostgreSQL (issue 8). Signed-in applicants save drafts and
// upload 1–5 MB attachments, some of them file, clerks list and open applications — for 60 s
// (`--short`: 10 s). Every acknowledged write (2xx) is remembered and looked up in the database
// afterwards: a missing one is "lost". The app runs as it is configured for production (its own
// pool size, GUOHE_DB_POOL_SIZE) in a child process with rate limits off (one address plays every
// client); `--instances N` runs N behind the clients, spread over them, as production does on larger
// machines (here two instances share two cores with PostgreSQL and the generator and are slower:
// p99 545 ms against 323 ms for one). Fresh database guohe_bench_<pid>, dropped at the end.
//
// The workload, stated so it can be argued with: every applicant is typing the whole minute, and
// the form autosaves 2 s after the last keystroke, so a save every exp(5 s) per applicant (100
// saves/s for 500); and every applicant attaches ten 1–5 MB files during that last hour (the
// stamped PDFs of an application are about half that) — 1.4 uploads/s, 4 MB/s. `--upload-share
// 0.2` is the stress mix of the first version (a fifth of all actions an upload: 20 files/s,
// 60 MB/s, 144 files per applicant per hour), above what two cores can hash, carry and store
// (measured here for one 3 MB file: ≈ 45–55 ms to hand it to PostgreSQL as a parameter, ≈ 25 ms
// to store it, ≈ 40 ms of hashing and copying in the app; the stress mix peaks at ≈ 11 files/s).
// Last line: `deadline: <ops/s> ops/s p99 <ms> ms errors <n> lost <n>`.
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/server/platform/db/client.js';
import { loadDemo } from '../src/server/demo/load.js';
import { generateDemo } from '../src/server/demo/generate.js';
import { BENCH_DB_PREFIX, createDatabase, dropDatabase, dropStaleBenchDatabases, redact, serverUrls } from './lib/api-db.js';
import { killAllChildren, startChild, type ChildServer } from './lib/api-child.js';
import { call, PdfMaker, Recorder, signIn, type Session } from './lib/deadline-http.js';
import { createApplicantAccounts, createDrafts, openCalls, pickSubmitters, pool, TYPES, type Applicant } from './lib/deadline-setup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? Number(argv[i + 1]) : fallback; };
const short = argv.includes('--short');
const args = {
  applicants: opt('applicants', 500), submitters: opt('submitters', 50), clerks: opt('clerks', 10),
  duration: opt('duration', short ? 10 : 60), warmup: opt('warmup', short ? 5 : 10), thinkMs: opt('think-ms', 5000), uploadsPerHour: opt('uploads-per-hour', 10), uploadShare: opt('upload-share', NaN),
  instances: opt('instances', 1),
};
// An action is an upload with the probability that gives `uploadsPerHour` per applicant.
if (Number.isNaN(args.uploadShare)) args.uploadShare = Math.min(1, (args.uploadsPerHour * args.thinkMs) / 3_600_000);
const dbName = `${BENCH_DB_PREFIX}${process.pid}`;
const urls = serverUrls(dbName);
const servers: ChildServer[] = [];
let dbCreated = false;
let cleaning: Promise<void> | undefined;
const log = (msg: string) => console.log(msg);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Exponential think time, cut at the end of the window. */
const think = (until: number) => sleep(Math.min(-Math.log(1 - Math.random()) * args.thinkMs, Math.max(0, until - Date.now())));

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    killAllChildren();
    if (dbCreated) await dropDatabase(urls.admin, dbName).then(() => log(`dropped database ${dbName}`), (e: Error) => console.error(`could not drop ${dbName}: ${e.message}`));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { void cleanup().finally(() => process.exit(130)); });

/** Writes the server acknowledged, to be found in the database afterwards. */
const acked = { drafts: new Map<string, { title: string; version: number }>(), uploads: new Map<string, string>(), submissions: new Set<string>() };

async function applicantLoop(base: string, a: Applicant, rec: Recorder, until: number, files: PdfMaker) {
  let seq = 0;
  // A submitter files at a random moment in the window, after a few saves.
  const fileAt = a.submitter ? Date.now() + Math.random() * (until - Date.now()) * 0.8 : Infinity;
  let submitted = false;
  while (Date.now() < until) {
    await think(until);
    if (Date.now() >= until) break;
    if (!submitted && Date.now() >= fileAt) {
      const r = await call(base, a.session, 'POST', `/api/recognition/applications/${a.appId}/submit`, { version: a.version }, { 'idempotency-key': randomUUID() });
      rec.record('submit', r.ms, r.status, r.text);
      if (r.status === 200) { submitted = true; a.version = r.json<{ version: number }>().version; acked.submissions.add(a.appId); }
      continue;
    }
    if (submitted) {
      const r = await call(base, a.session, 'GET', `/api/recognition/applications/${a.appId}`);
      rec.record('view', r.ms, r.status, r.text);
      continue;
    }
    if (Math.random() < args.uploadShare) {
      const file = files.make(`${a.appId}/${seq++}/${randomUUID()}`);
      const form = new FormData();
      form.append('file', file.blob, `证明材料-${seq}.pdf`);
      const r = await call(base, a.session, 'POST', `/api/recognition/applications/${a.appId}/attachments`, form);
      rec.record('upload', r.ms, r.status, r.text);
      if (r.status === 201) acked.uploads.set(r.json<{ id: string }>().id, file.sm3);
    } else {
      const title = `${a.session.username} 国际科技合作基地申报（第 ${++seq} 稿）`;
      const r = await call(base, a.session, 'PATCH', `/api/recognition/applications/${a.appId}`, { version: a.version, title });
      rec.record('save', r.ms, r.status, r.text);
      if (r.status === 200) { a.version = r.json<{ version: number }>().version; acked.drafts.set(a.appId, { title, version: a.version }); }
    }
  }
}

async function clerkLoop(base: string, s: Session, rec: Recorder, until: number) {
  while (Date.now() < until) {
    const list = await call(base, s, 'GET', '/api/recognition/applications?pageSize=20&page=1');
    rec.record('list', list.ms, list.status, list.text);
    const items = list.status === 200 ? list.json<{ items: { id: string }[] }>().items : [];
    const pick = items[Math.floor(Math.random() * items.length)];
    if (pick) {
      const detail = await call(base, s, 'GET', `/api/recognition/applications/${pick.id}`);
      rec.record('review', detail.ms, detail.status, detail.text);
    }
    await sleep(250 + Math.random() * 500);
  }
}

/** Every acknowledged write, looked up in the database: how many are missing. */
async function countLost(url: string): Promise<{ lost: number; checked: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let lost = 0;
    const ids = [...acked.drafts.keys()];
    const { rows: apps } = await client.query<{ id: string; title: string; version: number; status: string }>('select id, title, version, status from recognition_applications where id = any($1)', [[...new Set([...ids, ...acked.submissions])]]);
    const byId = new Map(apps.map((r) => [r.id, r]));
    for (const [id, want] of acked.drafts) {
      const got = byId.get(id);
      if (!got || got.title !== want.title || got.version < want.version) lost++;
    }
    for (const id of acked.submissions) if (!byId.get(id) || byId.get(id)!.status === 'draft') lost++;
    const { rows: files } = await client.query<{ id: string; sm3: string }>('select id, sm3 from recognition_attachments where id = any($1)', [[...acked.uploads.keys()]]);
    const sm3 = new Map(files.map((f) => [f.id, f.sm3]));
    for (const [id, digest] of acked.uploads) if (sm3.get(id) !== digest) lost++;
    return { lost, checked: acked.drafts.size + acked.submissions.size + acked.uploads.size };
  } finally {
    await client.end();
  }
}

async function main(): Promise<string> {
  const stale = await dropStaleBenchDatabases(urls.admin);
  if (stale.length) log(`dropped leftovers of earlier runs: ${stale.join(', ')}`);
  await createDatabase(urls.admin, dbName);
  dbCreated = true;
  log(`database ${redact(urls.bench)}`);
  const demo = generateDemo();
  const setup = await openDatabase({ databaseUrl: urls.bench, poolSize: 4 });
  try {
    await setup.migrate();
    if (!(await loadDemo(setup.db, demo))) throw new Error('demo data was not loaded into the fresh database');
  } finally {
    await setup.close();
  }
  const accounts = await createApplicantAccounts(urls.bench, args.applicants);
  // BENCH_PROF=1 writes a CPU profile of each instance to /tmp/guohe-bench-prof (for finding where time goes).
  const profile = process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/guohe-bench-prof'] : [];
  for (let i = 0; i < args.instances; i++) {
    servers.push(await startChild(`app${i}`, path.join(here, 'lib/api-app-server.ts'), { BENCH_DATABASE_URL: urls.bench, GUOHE_RATE_LIMITS: 'off' }, profile));
  }
  const bases = servers.map((s) => `http://127.0.0.1:${s.port}`);
  const base = bases[0]!;

  const ministry = await signIn(base, 'moist', demo.password);
  const callIds = await openCalls(base, ministry, Math.ceil(args.applicants / (accounts.orgs * TYPES.length)) + 1);
  const sessions = await pool(accounts.usernames, 4, (u) => signIn(base, u, demo.password));
  const applicants = await createDrafts(base, sessions, callIds, accounts.orgs);
  const { picked: submitters, blocked } = await pickSubmitters(base, applicants, args.submitters);
  const clerkNames = demo.accounts.filter((a) => a.roles.includes('recommender_officer')).slice(0, args.clerks).map((a) => a.username);
  const clerks = await pool(clerkNames, 4, (u) => signIn(base, u, demo.password));
  log(`set-up: ${applicants.length} applicants signed in (${accounts.orgs} institutions, ${callIds.length} open calls), ${submitters} of them eligible to file, ${clerks.length} clerks`);
  if (submitters < args.submitters) log(`  not eligible to file (first blocking rule): ${[...blocked].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${servers.length} app instance${servers.length > 1 ? 's' : ''}, PostgreSQL and the load generator share them)`);
  log(`load: ${args.warmup} s warm-up, then ${args.duration} s measured; think time exp(mean ${args.thinkMs} ms); ${(args.uploadShare * 100).toFixed(1)}% of applicant actions are 1–5 MB uploads (${Math.round(args.uploadShare * 3_600_000 / args.thinkMs)} per applicant per hour)`);

  // The same load runs `warmup` seconds before the measured window: the last hour of a call finds
  // the instances' connection pools open and their code compiled. Warm-up writes are checked too.
  const files = new PdfMaker();
  const warmupStart = Date.now();
  const started = warmupStart + args.warmup * 1000;
  const until = started + args.duration * 1000;
  const rec = new Recorder(started);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  setTimeout(() => lag.enable(), args.warmup * 1000).unref();
  const swallow = (kind: string) => (e: Error) => rec.record(kind, 0, 0, e.message);
  await Promise.all([
    ...applicants.map((a, i) => applicantLoop(bases[i % bases.length]!, a, rec, until, files).catch(swallow('applicant'))),
    ...clerks.map((c, i) => clerkLoop(bases[i % bases.length]!, c, rec, until).catch(swallow('clerk'))),
  ]);
  const seconds = (Date.now() - started) / 1000;
  lag.disable();
  log(`load generator's own event-loop delay: p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, max ${(lag.max / 1e6).toFixed(0)} ms (part of every latency above)`);
  const { lost, checked } = await countLost(urls.bench);
  const byOp = new Map<string, number>();
  for (const s of rec.samples) byOp.set(s.op, (byOp.get(s.op) ?? 0) + 1);
  log(`operations: ${[...byOp].map(([op, n]) => `${op} ${n}`).join(', ')} in ${seconds.toFixed(1)} s (and ${rec.warmupRequests} during the warm-up); p50 ${rec.p(0.5).toFixed(0)} ms, p95 ${rec.p(0.95).toFixed(0)} ms`);
  for (const line of rec.byOperation()) log(line);
  if (process.env.BENCH_TIMELINE) for (const line of rec.timeline(started)) log(line);
  for (const [k, n] of rec.errorKinds) log(`  error ×${n}: ${k}`);
  log(`acknowledged writes checked in the database: ${checked} (drafts ${acked.drafts.size}, uploads ${acked.uploads.size}, submissions ${acked.submissions.size})`);
  log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  return `deadline: ${(rec.samples.length / seconds).toFixed(1)} ops/s p99 ${rec.p(0.99).toFixed(0)} ms errors ${rec.errors} lost ${lost}`;
}

let summary: string | undefined;
try {
  summary = await main();
} catch (e) {
  console.error(`bench:deadline failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
if (summary) console.log(summary);
