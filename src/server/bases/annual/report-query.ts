import { and, asc, eq } from 'drizzle-orm';
import { endOfBeijingDay, type AnnualReport } from '../../../regulation/index.js';
import { ZReportComputed, ZReportContent, type Report } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import type { Action } from '../../platform/authz/policy.js';
import { AppError } from '../../platform/http/errors.js';
import { baseScope, type BaseRow } from '../scope.js';
import { bases } from '../tables.js';
import { attachmentsOf } from './report-attachments.js';
import { computedSections } from './computed-sections.js';
import { reportingYears, annualReports } from './tables.js';

export type ReportRow = typeof annualReports.$inferSelect;

/** A report with its base, if the actor may `action` it (scope read off the base); else 404. */
export async function reportInScope(db: Db, actor: Actor, id: string, action: Action): Promise<{ report: ReportRow; base: BaseRow; due: string }> {
  const [row] = await db.select({ report: annualReports, base: bases, planDue: reportingYears.planDue, summaryDue: reportingYears.summaryDue })
    .from(annualReports).innerJoin(bases, eq(bases.id, annualReports.baseId))
    .innerJoin(reportingYears, eq(reportingYears.year, annualReports.year))
    .where(and(eq(annualReports.id, id), baseScope(actor, action, 'annual_report')));
  if (!row) throw new AppError('not_found');
  return { report: row.report, base: row.base, due: dueInstant(row.report.kind === 'plan' ? row.planDue : row.summaryDue) };
}

/** A day deadline ends at 24:00 Beijing time. */
export const dueInstant = (day: string): string => endOfBeijingDay(day).toISOString();

/** The domain's view of the report, for reportApply and reportWasLate. */
export function domainReport(report: ReportRow, base: BaseRow, due: string): AnnualReport {
  return {
    kind: report.kind as AnnualReport['kind'], year: report.year, baseOrgId: base.hostOrgId, recommenderOrgId: base.recommenderId ?? '',
    status: report.status as AnnualReport['status'], history: report.history, due,
  };
}

/** Drafts show the records as they are now; a submitted report shows what was submitted. */
export async function toReport(db: Db, report: ReportRow, base: BaseRow, due: string): Promise<Report> {
  const live = report.status === 'draft' || report.status === 'returned' || !report.computed;
  const computed = live ? await computedSections(db, base.id, report.year) : ZReportComputed.parse(report.computed);
  return {
    id: report.id, baseId: base.id, baseNameZh: base.nameZh, baseNameEn: base.nameEn, year: report.year, kind: report.kind as Report['kind'], status: report.status, due,
    content: ZReportContent.parse(report.content), narrative: report.narrative, attachmentIds: report.attachmentIds,
    attachments: await attachmentsOf(db, report.id, report.attachmentIds), computed,
    history: report.history, opinion: report.opinion, opinionSignedBy: report.opinionSignedBy,
    opinionSignedAt: report.opinionSignedAt?.toISOString() ?? null, recommenderScore: report.recommenderScore, late: report.late, version: report.version,
  };
}

export async function reportsOfBase(db: Db, baseId: string) {
  return db.select({ id: annualReports.id, year: annualReports.year, kind: annualReports.kind, status: annualReports.status, late: annualReports.late })
    .from(annualReports).where(eq(annualReports.baseId, baseId)).orderBy(asc(annualReports.year), asc(annualReports.kind));
}
