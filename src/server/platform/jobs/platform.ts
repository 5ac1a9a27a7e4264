import type { Db } from '../db/client.js';
import type { Sm2KeyPair } from '../crypto/sm.js';
import { purgeIdempotencyKeys } from '../idempotency/idempotency.js';
import { anchorAuditHead } from './anchor.js';
import type { Jobs } from './queue.js';

export const AUDIT_ANCHOR_JOB = 'audit-anchor';
export const IDEMPOTENCY_PURGE_JOB = 'idempotency-purge';

export interface PlatformJobsOptions {
  db: Db;
  sm2: Sm2KeyPair;
  env?: NodeJS.ProcessEnv;
  log?: { info(obj: object, msg: string): void };
}

/**
 * The platform's own scheduled work. Cron in Asia/Shanghai; each occurrence runs once across all
 * instances. GUOHE_AUDIT_ANCHOR_CRON overrides the anchor schedule (the fault tests use every minute).
 */
export async function registerPlatformJobs(jobs: Jobs, { db, sm2, env = process.env, log }: PlatformJobsOptions) {
  await jobs.define(AUDIT_ANCHOR_JOB, { retryLimit: 5, retryDelaySeconds: 60, retryBackoff: true });
  await jobs.work(AUDIT_ANCHOR_JOB, async (job) => {
    const anchor = await anchorAuditHead(db, sm2, { jobId: job.id, instance: jobs.instance });
    if (anchor) log?.info({ headId: anchor.headId, instance: jobs.instance }, 'audit chain head anchored (SM2)');
  });
  await jobs.schedule(AUDIT_ANCHOR_JOB, env.GUOHE_AUDIT_ANCHOR_CRON || '10 0 * * *');

  await jobs.define(IDEMPOTENCY_PURGE_JOB, { retryLimit: 3, retryDelaySeconds: 300 });
  await jobs.work(IDEMPOTENCY_PURGE_JOB, async () => {
    await purgeIdempotencyKeys(db, 7);
  });
  await jobs.schedule(IDEMPOTENCY_PURGE_JOB, '30 3 * * *');
}
