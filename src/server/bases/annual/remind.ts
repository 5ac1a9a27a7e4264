// Reminders before a deadline (issue 5): every base expected to report that has not yet submitted
// the plan or summary is told, with the due date. Sent by the ministry, or by a scheduled job.
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { bases } from '../tables.js';
import { notifyOrgs } from '../notify.js';
import { reportingYear } from './open-year.js';
import { annualReports } from './tables.js';
import { expectedFor } from './year-reports.js';

const report = alias(annualReports, 'r');

export async function remindYear(db: Db, who: AuditActor, year: number, kind: 'plan' | 'summary') {
  const ry = await reportingYear(db, year);
  if (!ry) throw new AppError('not_found');
  const rows = await db.select({ hostOrgId: bases.hostOrgId }).from(bases)
    .leftJoin(report, and(eq(report.baseId, bases.id), eq(report.year, year), eq(report.kind, kind)))
    .where(and(expectedFor(year), sql`${bases.status} <> 'revoked'`, or(isNull(report.id), isNull(report.firstSubmittedAt))));
  const due = kind === 'plan' ? ry.planDue : ry.summaryDue;
  const orgs = [...new Set(rows.map((r) => r.hostOrgId))];
  const users = await notifyOrgs(db, orgs, 'annual_report_reminder', { year, kind, due, clause: 'a14.s1' }, '/bases');
  await db.transaction((tx) => recordAudit(tx, who, { action: 'reporting_year.remind', entityType: 'reporting_year', entityId: String(year), after: { kind, bases: orgs.length, users } }));
  return { bases: rows.length, users };
}
