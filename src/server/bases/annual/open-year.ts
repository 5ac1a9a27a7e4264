import { desc, eq } from 'drizzle-orm';
import { isoDate, national2011 } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { AppError } from '../../platform/http/errors.js';
import { today } from '../clock.js';
import { reportingYears } from './tables.js';

/**
 * a14.s1 "根据科技部要求": the ministry opens a reporting year and sets its deadlines. The summary
 * defaults to the programme's day (31 December of the year); the plan's date is the ministry's call.
 */
export async function openReportingYear(db: Db, actor: Actor, who: AuditActor, input: { year: number; planDue: string; summaryDue?: string | undefined; note?: string | undefined }) {
  if (scopeFor(actor.roles, 'base', 'decide') !== 'all') throw new AppError('forbidden');
  const [m, d] = national2011.annualReport.dueMonthDay.split('-').map(Number);
  const row = { year: input.year, planDue: input.planDue, summaryDue: input.summaryDue ?? isoDate(input.year, m!, d!), openedOn: today(), openedBy: actor.userId, note: input.note ?? null };
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(reportingYears).where(eq(reportingYears.year, input.year));
    if (existing) throw new AppError('duplicate', { data: { year: input.year } });
    await tx.insert(reportingYears).values(row);
    await recordAudit(tx, who, { action: 'reporting_year.open', entityType: 'reporting_year', entityId: String(input.year), after: { ...row, clause: 'a14.s1' } });
    return row;
  });
}

export async function listReportingYears(db: Db) {
  return db.select({ year: reportingYears.year, planDue: reportingYears.planDue, summaryDue: reportingYears.summaryDue, openedOn: reportingYears.openedOn, note: reportingYears.note })
    .from(reportingYears).orderBy(desc(reportingYears.year));
}

export async function reportingYear(db: Db, year: number) {
  const [row] = await db.select().from(reportingYears).where(eq(reportingYears.year, year));
  return row ?? null;
}
