import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { baseInScope } from '../scope.js';
import { prefill } from './prefill.js';
import { reportingYear } from './open-year.js';
import { dueInstant, reportInScope, toReport } from './report-query.js';
import { annualReports } from './tables.js';

/**
 * Start (or reopen) a base's plan or summary for an opened year, prefilled from last year. Only
 * the base itself files (a14.s1 "国合基地应…完成"); a revoked base files nothing any more.
 */
export async function createReport(db: Db, actor: Actor, who: AuditActor, baseId: string, input: { year: number; kind: 'plan' | 'summary' }) {
  const base = await baseInScope(db, actor, baseId, 'create', 'annual_report');
  const ry = await reportingYear(db, input.year);
  if (!ry) throw new AppError('rule_refused', { clause: 'a14.s1', message: { zh: '科技部尚未开启该年度的年度报告', en: 'The ministry has not opened this reporting year' }, data: { year: input.year } });
  if (base.status === 'revoked') throw new AppError('rule_refused', { clause: 'a13.s4', message: { zh: '该基地已被取消资格', en: 'This base has been revoked' } });
  const [existing] = await db.select({ id: annualReports.id }).from(annualReports)
    .where(and(eq(annualReports.baseId, baseId), eq(annualReports.year, input.year), eq(annualReports.kind, input.kind)));
  let id = existing?.id;
  if (!id) {
    const start = await prefill(db, baseId, input.year, input.kind);
    id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(annualReports).values({ baseId, year: input.year, kind: input.kind, content: start.content, narrative: start.narrative })
        .onConflictDoNothing().returning({ id: annualReports.id });
      if (!row) throw new AppError('conflict');
      await recordAudit(tx, who, { action: 'annual_report.create', entityType: 'annual_report', entityId: row.id, scopeOrgId: base.recommenderId, after: { ...input, carried: start.carried } });
      return row.id;
    });
  }
  const r = await reportInScope(db, actor, id, 'read');
  return toReport(db, r.report, r.base, dueInstant(input.kind === 'plan' ? ry.planDue : ry.summaryDue));
}
