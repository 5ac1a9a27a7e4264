// Entry point: open the database (PGlite under GUOHE_DATA_DIR, or DATABASE_URL), migrate, load demo
// data into an empty database, listen, and shut down gracefully on SIGTERM/SIGINT.
import path from 'node:path';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/client.js';
import { buildApp } from './app.js';
import { loadDemo } from './demo/load.js';
import { generateDemo } from './demo/generate.js';
import { loadSmKeys } from './platform/crypto/sm.js';
import { startJobs } from './platform/jobs/queue.js';
import { registerPlatformJobs } from './platform/jobs/platform.js';
import { startMailChannel } from './platform/mail/deliveries.js';
import { smtpMailer } from './platform/mail/transport.js';
import { registerBaseJobs } from './bases/jobs.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'), poolSize: config.dbPoolSize });
await database.migrate();
const app = await buildApp({ config, database });

if (config.seedDemo) {
  const demo = generateDemo();
  if (await loadDemo(database.db, demo)) app.log.info({ orgs: demo.orgs.length, accounts: demo.accounts.length }, 'demo data loaded');
}

// Scheduled and background work (pg-boss on PostgreSQL and on PGlite); GUOHE_JOBS=off for an
// instance that only serves requests.
const jobs = process.env.GUOHE_JOBS === 'off'
  ? null
  : await startJobs(database, {
      databaseUrl: config.databaseUrl,
      log: app.log,
      pollSeconds: Number(process.env.GUOHE_JOBS_POLL_SECONDS) || 2,
      cronCheckSeconds: Number(process.env.GUOHE_JOBS_CRON_CHECK_SECONDS) || 30,
    });
if (jobs) await registerPlatformJobs(jobs, { db: database.db, sm2: loadSmKeys({ dataDir: config.dataDir }).sm2, log: app.log });
// E-mail for every in-app notification, only when GUOHE_SMTP_URL is set (platform/mail).
const stopMail = jobs && config.smtpUrl
  ? await startMailChannel({
      jobs, db: database.db, ring: loadSmKeys({ dataDir: config.dataDir }).sm4, mailer: smtpMailer(config.smtpUrl, config.mailFrom),
      publicBaseUrl: config.publicBaseUrl, log: app.log, dispatchMs: Number(process.env.GUOHE_MAIL_DISPATCH_MS) || 5_000,
    })
  : null;
if (jobs) await registerBaseJobs(jobs, { db: database.db, log: app.log });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  await stopMail?.().catch((err) => app.log.warn({ err }, 'mail channel did not stop cleanly'));
  await jobs?.stop().catch((err) => app.log.warn({ err }, 'job runner did not stop cleanly'));
  await app.close();
  await database.close();
  clearTimeout(force);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
const url = `http://localhost:${config.port}`;
const showAccounts = config.seedDemo;
console.log(`\nGuohe 国合 is running at ${url}  (database: ${database.kind}${database.kind === 'pglite' ? `, data in ${config.dataDir}` : ''})`);
console.log(`API docs: ${url}/api/docs`);
if (showAccounts) {
  const demo = generateDemo();
  const pick = (role: string) => demo.accounts.find((a) => a.roles.includes(role as never));
  console.log(`Demo accounts (password ${demo.password}):`);
  for (const role of ['ministry_officer', 'torch_officer', 'recommender_officer', 'zone_officer', 'provincial_government_officer', 'institution_user', 'expert', 'secretariat_officer', 'sys_admin', 'security_admin', 'audit_admin']) {
    const a = pick(role);
    if (a) console.log(`  ${role.padEnd(30)} ${a.username.padEnd(14)} ${a.displayName}`);
  }
}
