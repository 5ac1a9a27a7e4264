/**
 * Background jobs: one small interface (`send`, `work`, `schedule`) over pg-boss 10, on BOTH
 * databases.
 *
 * Decision (issue 8, "scheduled work on a PostgreSQL-backed job queue, exactly once across several
 * app instances, with retries and a dead-letter view"):
 *  - PostgreSQL: pg-boss with its own small pool. Jobs are claimed with `FOR UPDATE SKIP LOCKED`,
 *    so N instances never run one job twice; cron schedules are sent under a singleton key per
 *    minute slot, so N instances send each occurrence once.
 *  - Embedded PGlite: pg-boss ALSO runs, through its `db: { executeSql }` adapter over the app's own
 *    PGlite connection (see pgliteExecutor). Verified on PGlite 0.5.16: schema install, send/work,
 *    singleton keys, retries with backoff, exhaustion → `failed` (+ copy to a dead-letter queue),
 *    manual retry, cron. PGlite is one process with one connection by definition; pg-boss's
 *    polling simply shares it with the requests.
 *  So we did NOT write our own table-backed queue: a maintained, widely deployed queue is easier to
 *  certify than 300 lines of our own, and the code above this file never sees pg-boss.
 *  Costs we accept: pg-boss keeps its tables in schema `pgboss` with its own migrations (outside
 *  Drizzle's; pg_dump and PGlite's dumpDataDir include them), cron resolution is one minute, and an
 *  enqueue is not part of the caller's Drizzle transaction (handlers are written to be idempotent,
 *  e.g. the audit anchor is unique per job id).
 *
 * States: created → active → completed; a throwing handler → `retry` (after retryDelay, doubling
 * with backoff) → after retryLimit retries `failed`, which is the dead-letter state shown to the
 * system administrator (GET /api/admin/jobs) and copied to the queue `<name>.dead`. Failed jobs stay
 * in pgboss.job for 90 days (archiveFailedAfterSeconds) so they can be retried from the view.
 */
import { randomBytes } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';

export interface SendOptions {
  /**
   * Deduplication key. Alone it dedups only on queues whose policy says so ('short': one queued
   * job per key; 'singleton': one active; 'stately': one of each state); with singletonSeconds,
   * one job per key per time slot on any queue.
   */
  singletonKey?: string;
  singletonSeconds?: number;
  /** Not before this time (Date, ISO string, or seconds from now). */
  startAfter?: Date | string | number;
  retryLimit?: number;
}

export interface QueueOptions {
  /** pg-boss queue policy (default 'standard'); see SendOptions.singletonKey. */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /** Retries after the first failure (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); doubled each time with backoff. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** An active job not completed within this time is failed (and retried); default 15 min. */
  expireInSeconds?: number;
}

export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
  retryCount: number;
}

export type JobHandler<T = unknown> = (job: Job<T>) => Promise<void>;

export interface Jobs {
  /** This instance's id (logged, stored with the work it does). */
  readonly instance: string;
  /** Create or update a queue's retry policy. send/work/schedule define a queue with defaults if needed. */
  define(name: string, options?: QueueOptions): Promise<void>;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  work<T = unknown>(name: string, handler: JobHandler<T>, options?: { pollSeconds?: number }): Promise<void>;
  /** Cron (5 fields, minute resolution), evaluated in `tz` (default Asia/Shanghai). */
  schedule(name: string, cron: string, data?: object, options?: { tz?: string }): Promise<void>;
  stop(): Promise<void>;
}

export interface JobsOptions {
  /** Required on PostgreSQL: pg-boss gets its own small pool (config.databaseUrl). */
  databaseUrl?: string | undefined;
  log?: { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void };
  /** Worker polling interval (default 2 s). */
  pollSeconds?: number;
  /** Cron check interval (default 30 s; pg-boss sends each minute slot once whatever this is). */
  cronCheckSeconds?: number;
  /** Maintenance (expiry, archive) interval (default 60 s). */
  maintenanceSeconds?: number;
  instance?: string;
}

export const DEFAULT_QUEUE: Required<QueueOptions> = { policy: 'standard', retryLimit: 3, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 15 * 60 };
export const DEAD_SUFFIX = '.dead';

interface PgliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<Array<{ rows: unknown[] }>>;
}

/**
 * pg-boss's executor over one PGlite connection. pg-boss sends parameterised statements (run with
 * the extended protocol) and, without parameters, multi-statement scripts, some wrapped in
 * BEGIN … COMMIT (run with the simple protocol). A script that fails half-way would leave the
 * shared connection inside an aborted transaction, so roll it back at once.
 */
export function pgliteExecutor(client: PgliteLike) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return client.query(text, values);
      try {
        const results = await client.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      } catch (err) {
        if (/\bBEGIN\b/i.test(text)) await client.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
  };
}

export async function startJobs(database: Database, options: JobsOptions = {}): Promise<Jobs> {
  const instance = options.instance ?? `${process.pid}-${randomBytes(3).toString('hex')}`;
  const common = {
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
    cronMonitorIntervalSeconds: options.cronCheckSeconds ?? 30,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 60,
    monitorStateIntervalSeconds: 60,
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
    archiveFailedAfterSeconds: 90 * 24 * 3600,
    deleteAfterDays: 180,
  };
  let boss: PgBoss;
  if (database.kind === 'postgres') {
    if (!options.databaseUrl) throw new Error('startJobs: databaseUrl is required on PostgreSQL');
    boss = new PgBoss({ ...common, connectionString: options.databaseUrl, max: 3, application_name: `guohe-jobs-${instance}` });
  } else {
    const client = (database.db as unknown as { $client: PgliteLike }).$client;
    boss = new PgBoss({ ...common, db: pgliteExecutor(client) });
  }
  // pg-boss reports database trouble (PostgreSQL restarting) as events and keeps polling.
  boss.on('error', (err) => options.log?.warn({ err, instance }, 'job queue error (will retry)'));
  await boss.start();

  const pollSeconds = Math.max(0.5, options.pollSeconds ?? 2); // pg-boss's minimum
  const defined = new Map<string, Promise<void>>();
  const define = (name: string, q: QueueOptions = {}) => {
    const o = { ...DEFAULT_QUEUE, ...q };
    const run = async () => {
      const dead = name + DEAD_SUFFIX;
      await boss.createQueue(dead, { name: dead, retentionMinutes: 90 * 24 * 60 } as never);
      const policy = { policy: o.policy, retryLimit: o.retryLimit, retryDelay: o.retryDelaySeconds, retryBackoff: o.retryBackoff, expireInSeconds: o.expireInSeconds, deadLetter: dead };
      await boss.createQueue(name, { name, ...policy } as never);
      await boss.updateQueue(name, { name, ...policy } as never);
    };
    const p = run();
    defined.set(name, p);
    return p;
  };
  const ensure = (name: string) => defined.get(name) ?? define(name);

  return {
    instance,
    define,
    async send(name, data, o = {}) {
      await ensure(name);
      const opts: PgBoss.SendOptions = {};
      if (o.singletonKey) opts.singletonKey = o.singletonKey;
      if (o.singletonSeconds) opts.singletonSeconds = o.singletonSeconds;
      if (o.startAfter !== undefined) opts.startAfter = o.startAfter;
      if (o.retryLimit !== undefined) opts.retryLimit = o.retryLimit;
      return boss.send(name, data, opts);
    },
    async work(name, handler, o = {}) {
      await ensure(name);
      await boss.work(name, { pollingIntervalSeconds: Math.max(0.5, o.pollSeconds ?? pollSeconds), batchSize: 1 }, async ([job]) => {
        if (!job) return;
        const j = job as PgBoss.JobWithMetadata;
        await handler({ id: j.id, name: j.name, data: j.data as never, retryCount: j.retryCount ?? 0 });
      });
    },
    async schedule(name, cron, data, o = {}) {
      await ensure(name);
      await boss.schedule(name, cron, (data ?? null) as object, { tz: o.tz ?? 'Asia/Shanghai' });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 8_000 });
    },
  };
}
