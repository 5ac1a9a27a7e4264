import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beijingInstant } from '../../../regulation/index.js';
import { describeEachDb } from '../../testing/db.js';
import { notifications, users } from '../../accounts/tables.js';
import type { Db } from '../../platform/db/client.js';
import { startJobs, type Jobs } from '../../platform/jobs/queue.js';
import { clock } from '../clock.js';
import { REPORT_REMINDER_JOB, registerBaseJobs, reminderStages } from '../jobs.js';
import { insertBase } from '../test-helpers.js';
import { reminderStageOn, workingDaysBefore } from './reminder-days.js';
import { sendDueReminders } from './scheduled-reminders.js';
import { annualReportReminders, annualReports, reportingYears } from './tables.js';

const realNow = clock.now;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The reminders a host organization's users received for a year and kind. */
async function remindersOf(db: Db, orgId: string, year: number, kind: string) {
  return db.select({ userId: notifications.userId, params: notifications.params }).from(notifications).innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(users.orgId, orgId), eq(notifications.kind, 'annual_report_reminder'), sql`${notifications.params}->>'year' = ${String(year)}`, sql`${notifications.params}->>'kind' = ${kind}`));
}

it('a14.s1: reminder days are counted in China working days back from the due date (调休 included)', () => {
  // 2026-12-31 is a Thursday: 1 working day before is Wednesday, 5 is the Thursday before.
  expect(workingDaysBefore('2026-12-31', 1)).toBe('2026-12-30');
  expect(workingDaysBefore('2026-12-31', 5)).toBe('2026-12-24');
  // National Day 2025: 1–8 October off, Sunday 28 September a make-up working day.
  expect(workingDaysBefore('2025-10-09', 1)).toBe('2025-09-30');
  expect(workingDaysBefore('2025-10-09', 3)).toBe('2025-09-28');
  expect(reminderStageOn('2026-12-31', '2026-12-23', [5, 1])).toBeNull();
  expect(reminderStageOn('2026-12-31', '2026-12-24', [5, 1])).toBe(5);
  expect(reminderStageOn('2026-12-31', '2026-12-29', [5, 1])).toBe(5);
  expect(reminderStageOn('2026-12-31', '2026-12-30', [5, 1])).toBe(1);
  expect(reminderStageOn('2026-12-31', '2026-12-31', [5, 1])).toBe(1);
  expect(reminderStageOn('2026-12-31', '2027-01-01', [5, 1])).toBeNull();
  expect(reminderStages({})).toEqual([5, 1]);
  expect(reminderStages({ GUOHE_REPORT_REMINDER_DAYS: '3, 1' })).toEqual([3, 1]);
  expect(() => reminderStages({ GUOHE_REPORT_REMINDER_DAYS: 'soon' })).toThrow(/GUOHE_REPORT_REMINDER_DAYS/);
});

describeEachDb('a14.s1: deadline reminders as a daily scheduled job', (getDb, kind) => {
  let db: Db;
  let waiting: { id: string; hostOrgId: string };
  let filed: { id: string; hostOrgId: string };
  beforeAll(async () => {
    db = getDb().db;
    // Two bases of different hosts, both expected to report for 2026; one has submitted its summary.
    waiting = await insertBase(db, 'inst-hit', '2019-05-20');
    filed = await insertBase(db, 'inst-ynu', '2019-05-20');
    await db.insert(annualReports).values({ baseId: filed.id, year: 2026, kind: 'summary', status: 'submitted', firstSubmittedAt: beijingInstant('2026-12-01', 10) });
  });
  afterEach(() => { clock.now = realNow; });

  it('a14.s1: 5 and 1 working days before the deadline, each base that has not submitted is reminded once', async () => {
    expect(await sendDueReminders(db, '2026-12-23', [5, 1])).toEqual([]);
    expect(await remindersOf(db, waiting.hostOrgId, 2026, 'summary')).toHaveLength(0);

    const first = await sendDueReminders(db, '2026-12-24', [5, 1], 'job-1');
    expect(first.find((r) => r.kind === 'summary')).toMatchObject({ year: 2026, due: '2026-12-31', stage: 5 });
    const got = await remindersOf(db, waiting.hostOrgId, 2026, 'summary');
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]!.params).toMatchObject({ year: 2026, kind: 'summary', due: '2026-12-31', workingDaysLeft: 5, clause: 'a14.s1' });
    // The base that submitted is not reminded (its host's other, demo base is).
    const remindedBases = (await db.select({ baseId: annualReportReminders.baseId }).from(annualReportReminders).where(eq(annualReportReminders.year, 2026))).map((r) => r.baseId);
    expect(remindedBases).toContain(waiting.id);
    expect(remindedBases).not.toContain(filed.id);

    // Run again the same day, twice at once (two instances, a retried job): nothing more.
    const again = await Promise.all([sendDueReminders(db, '2026-12-24', [5, 1]), sendDueReminders(db, '2026-12-24', [5, 1])]);
    expect(again.flat()).toEqual([]);
    // Days between the stages send nothing either.
    expect(await sendDueReminders(db, '2026-12-28', [5, 1])).toEqual([]);
    expect(await remindersOf(db, waiting.hostOrgId, 2026, 'summary')).toHaveLength(got.length);

    // 1 working day before: the second reminder, once.
    await sendDueReminders(db, '2026-12-30', [5, 1]);
    await sendDueReminders(db, '2026-12-31', [5, 1]);
    const after = await remindersOf(db, waiting.hostOrgId, 2026, 'summary');
    expect(after).toHaveLength(got.length * 2);
    expect(after.map((n) => (n.params as { workingDaysLeft: number }).workingDaysLeft).sort()).toEqual([...Array(got.length).fill(1), ...Array(got.length).fill(5)]);
    const rows = await db.select().from(annualReportReminders).where(and(eq(annualReportReminders.baseId, waiting.id), eq(annualReportReminders.kind, 'summary')));
    expect(rows.map((r) => r.stage).sort()).toEqual([1, 5]);
    // After the deadline nothing is sent (late and missing reports are the board's business).
    expect(await sendDueReminders(db, '2027-01-04', [5, 1])).toEqual([]);
  });

  it('a14.s1: a day the job did not run is caught up with the closest stage only', async () => {
    await db.insert(reportingYears).values({ year: 2028, planDue: '2028-03-31', summaryDue: '2028-12-31', openedOn: '2027-12-01' });
    // Nothing ran on the 5-day date; on the last working day only the 1-day reminder goes out.
    const runs = await sendDueReminders(db, workingDaysBefore('2028-03-31', 1), [5, 1]);
    expect(runs.find((r) => r.year === 2028 && r.kind === 'plan')).toMatchObject({ stage: 1 });
    const stages = await db.select({ stage: annualReportReminders.stage }).from(annualReportReminders)
      .where(and(eq(annualReportReminders.baseId, waiting.id), eq(annualReportReminders.year, 2028)));
    expect(stages).toEqual([{ stage: 1 }]);
  });

  it('a14.s1: the job is scheduled daily on the queue and sends the reminders when it runs', async () => {
    const url = kind === 'postgres' ? await currentUrl(db) : undefined;
    const jobs: Jobs = await startJobs(getDb(), { databaseUrl: url, pollSeconds: 0.2, instance: 'R' });
    try {
      await registerBaseJobs(jobs, { db, env: {} });
      const sched = ((await db.execute(sql`select cron, timezone from pgboss.schedule where name = ${REPORT_REMINDER_JOB}`)) as unknown as { rows: { cron: string; timezone: string }[] }).rows;
      expect(sched).toEqual([{ cron: '30 8 * * *', timezone: 'Asia/Shanghai' }]);
      // The cron's occurrence, sent by hand: the handler reads today's date from the clock.
      await db.insert(reportingYears).values({ year: 2029, planDue: '2029-03-30', summaryDue: '2029-12-31', openedOn: '2028-12-01' });
      clock.now = () => beijingInstant(workingDaysBefore('2029-03-30', 5), 8);
      const id = await jobs.send(REPORT_REMINDER_JOB, {});
      await until('the reminder job to complete', async () => {
        const r = ((await db.execute(sql`select state::text as state from pgboss.job where id = ${id}::uuid`)) as unknown as { rows: { state: string }[] }).rows[0];
        return r?.state === 'completed';
      });
      const sent = await db.select().from(annualReportReminders).where(and(eq(annualReportReminders.year, 2029), inArray(annualReportReminders.baseId, [waiting.id, filed.id])));
      expect(sent.map((r) => [r.kind, r.stage, r.jobId])).toEqual([['plan', 5, id], ['plan', 5, id]]);
      // The notification the base's users see carries the stage and the due date.
      expect(await remindersOf(db, waiting.hostOrgId, 2029, 'plan')).not.toHaveLength(0);
    } finally {
      await jobs.stop();
    }
  });
});

/** PostgreSQL URL of the suite's private database. */
async function currentUrl(db: Db): Promise<string> {
  const r = ((await db.execute(sql`select current_database() as d`)) as unknown as { rows: { d: string }[] }).rows[0];
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${r!.d}`;
  return u.toString();
}
