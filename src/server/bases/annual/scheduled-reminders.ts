// The daily deadline reminder (a14.s1 "及时"): every base expected to report that has not yet
// submitted its plan or summary is told, in the app, N and 1 working days before the due date —
// once per base, report and stage. Exactly once across instances and retries: the reminder row
// (unique per base/year/kind/stage) and the notifications commit together, so a second run, on
// this instance or another, finds the row and sends nothing.
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notifications, users } from '../../accounts/tables.js';
import { bases } from '../tables.js';
import { reminderStageOn } from './reminder-days.js';
import { annualReportReminders, annualReports, reportingYears } from './tables.js';
import { expectedFor } from './year-reports.js';

const report = alias(annualReports, 'r');
const sent = alias(annualReportReminders, 'sent');

/** The system itself, in the audit log (no user, no organization). */
const SYSTEM = { userId: null, orgId: null, ip: null };

export type ReminderRun = { year: number; kind: 'plan' | 'summary'; due: string; stage: number; bases: number; users: number };

/** Send the reminders due on `today` (a Beijing civil date). Returns what was sent in this run. */
export async function sendDueReminders(db: Db, today: string, stages: readonly number[], jobId: string | null = null): Promise<ReminderRun[]> {
  const years = await db.select().from(reportingYears).where(or(gte(reportingYears.planDue, today), gte(reportingYears.summaryDue, today)));
  const out: ReminderRun[] = [];
  for (const ry of years) {
    for (const kind of ['plan', 'summary'] as const) {
      const due = kind === 'plan' ? ry.planDue : ry.summaryDue;
      const stage = reminderStageOn(due, today, stages);
      if (stage === null) continue;
      const run = await remindStage(db, { year: ry.year, kind, due, stage }, jobId);
      if (run.bases) out.push(run);
    }
  }
  return out;
}

async function remindStage(db: Db, r: { year: number; kind: 'plan' | 'summary'; due: string; stage: number }, jobId: string | null): Promise<ReminderRun> {
  // Not yet submitted, not revoked, and not yet reminded at this stage or a later (closer) one.
  const pending = await db.selectDistinct({ baseId: bases.id, hostOrgId: bases.hostOrgId }).from(bases)
    .leftJoin(report, and(eq(report.baseId, bases.id), eq(report.year, r.year), eq(report.kind, r.kind)))
    .leftJoin(sent, and(eq(sent.baseId, bases.id), eq(sent.year, r.year), eq(sent.kind, r.kind), sql`${sent.stage} <= ${r.stage}`))
    .where(and(expectedFor(r.year), sql`${bases.status} <> 'revoked'`, or(isNull(report.id), isNull(report.firstSubmittedAt)), isNull(sent.id)));
  if (!pending.length) return { ...r, bases: 0, users: 0 };
  const people = await db.select({ id: users.id, orgId: users.orgId }).from(users)
    .where(and(inArray(users.orgId, [...new Set(pending.map((p) => p.hostOrgId))]), eq(users.status, 'active')));
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(annualReportReminders)
      .values(pending.map((p) => ({ baseId: p.baseId, year: r.year, kind: r.kind, stage: r.stage, due: r.due, users: people.filter((u) => u.orgId === p.hostOrgId).length, jobId })))
      .onConflictDoNothing().returning({ baseId: annualReportReminders.baseId });
    const fresh = new Set(inserted.map((i) => i.baseId));
    const orgs = new Set(pending.filter((p) => fresh.has(p.baseId)).map((p) => p.hostOrgId));
    const to = people.filter((u) => u.orgId && orgs.has(u.orgId));
    if (to.length) {
      await tx.insert(notifications).values(to.map((u) => ({
        userId: u.id, kind: 'annual_report_reminder', link: '/bases',
        params: { year: r.year, kind: r.kind, due: r.due, workingDaysLeft: r.stage, clause: 'a14.s1' },
      })));
    }
    if (fresh.size) {
      await recordAudit(tx, SYSTEM, { action: 'reporting_year.remind.scheduled', entityType: 'reporting_year', entityId: String(r.year), after: { ...r, bases: fresh.size, users: to.length, jobId, clause: 'a14.s1' } });
    }
    return { ...r, bases: fresh.size, users: to.length };
  });
}
