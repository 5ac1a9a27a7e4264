// The bases capability's scheduled work on the platform's job queue (pg-boss: each cron occurrence
// runs once across instances; the handlers are idempotent besides).
import type { Db } from '../platform/db/client.js';
import type { Jobs } from '../platform/jobs/queue.js';
import { today } from './clock.js';
import { sendDueReminders } from './annual/scheduled-reminders.js';

export const REPORT_REMINDER_JOB = 'annual-report-reminders';

/** GUOHE_REPORT_REMINDER_DAYS: the working days before a deadline to remind on (default "5,1"). */
export function reminderStages(env: NodeJS.ProcessEnv = process.env): number[] {
  const raw = env.GUOHE_REPORT_REMINDER_DAYS?.trim() || '5,1';
  const stages = raw.split(',').map((s) => Number(s.trim()));
  if (!stages.length || stages.some((n) => !Number.isInteger(n) || n < 1 || n > 60)) {
    throw new Error(`GUOHE_REPORT_REMINDER_DAYS must be whole numbers 1–60 separated by commas, got "${raw}"`);
  }
  return stages;
}

export async function registerBaseJobs(jobs: Jobs, { db, env = process.env, log }: { db: Db; env?: NodeJS.ProcessEnv; log?: { info(obj: object, msg: string): void } }) {
  const stages = reminderStages(env);
  await jobs.define(REPORT_REMINDER_JOB, { retryLimit: 3, retryDelaySeconds: 600, retryBackoff: true });
  await jobs.work(REPORT_REMINDER_JOB, async (job) => {
    const runs = await sendDueReminders(db, today(), stages, job.id);
    if (runs.length) log?.info({ runs, instance: jobs.instance }, 'annual report reminders sent (a14.s1)');
  });
  // 08:30 Beijing time, working day or not: the stage date decides, the cron only wakes the job.
  await jobs.schedule(REPORT_REMINDER_JOB, env.GUOHE_REPORT_REMINDER_CRON || '30 8 * * *');
}
