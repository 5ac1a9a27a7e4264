// Who has filed what for a reporting year, with the two flags the ministry's board needs: late
// (first submitted after the due instant, a14.s1 "及时") and missing (nothing submitted and the due
// instant has passed). A base is expected to report for a year it held on 31 December of it.
import { and, asc, count, eq, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { organizations } from '../../organizations/tables.js';
import { clock } from '../clock.js';
import { baseScope } from '../scope.js';
import { bases } from '../tables.js';
import { reportingYear } from './open-year.js';
import { dueInstant } from './report-query.js';
import { annualReports } from './tables.js';

const plan = alias(annualReports, 'plan');
const summary = alias(annualReports, 'summary');
const recommender = alias(organizations, 'recommender');

/** Bases expected to report for `year`: recognized by its end, not revoked before it began. */
export const expectedFor = (year: number): SQL =>
  and(lte(bases.recognizedOn, `${year}-12-31`), or(ne(bases.status, 'revoked'), sql`${bases.statusChangedOn} >= ${`${year}-01-01`}`))!;

export async function yearReports(db: Db, actor: Actor, year: number, q: { page: number; pageSize: number; flag?: 'late' | 'missing' | undefined }) {
  const ry = await reportingYear(db, year);
  if (!ry) throw new AppError('not_found');
  const now = clock.now();
  const planDue = dueInstant(ry.planDue);
  const summaryDue = dueInstant(ry.summaryDue);
  const planMissing = sql<boolean>`(${plan.firstSubmittedAt} is null and ${now.toISOString()}::timestamptz > ${planDue}::timestamptz)`;
  const summaryMissing = sql<boolean>`(${summary.firstSubmittedAt} is null and ${now.toISOString()}::timestamptz > ${summaryDue}::timestamptz)`;
  const flagged = q.flag === 'missing' ? sql`(${planMissing} or ${summaryMissing})`
    : q.flag === 'late' ? sql`(coalesce(${plan.late}, false) or coalesce(${summary.late}, false) or ${planMissing} or ${summaryMissing})` : undefined;
  const where = and(baseScope(actor, 'read', 'annual_report'), expectedFor(year), flagged);
  const from = () => db.select({
    baseId: bases.id, code: bases.code, nameZh: bases.nameZh, nameEn: bases.nameEn, recommenderNameZh: recommender.nameZh, recommenderNameEn: recommender.nameEn,
    planId: plan.id, planStatus: plan.status, planLate: plan.late, planMissing,
    summaryId: summary.id, summaryStatus: summary.status, summaryLate: summary.late, summaryMissing,
  }).from(bases)
    .leftJoin(recommender, eq(recommender.id, bases.recommenderId))
    .leftJoin(plan, and(eq(plan.baseId, bases.id), eq(plan.year, year), eq(plan.kind, 'plan')))
    .leftJoin(summary, and(eq(summary.baseId, bases.id), eq(summary.year, year), eq(summary.kind, 'summary')));
  const rows = await from().where(where).orderBy(asc(bases.code)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(bases)
    .leftJoin(plan, and(eq(plan.baseId, bases.id), eq(plan.year, year), eq(plan.kind, 'plan')))
    .leftJoin(summary, and(eq(summary.baseId, bases.id), eq(summary.year, year), eq(summary.kind, 'summary'))).where(where);
  const items = rows.map((r) => ({
    baseId: r.baseId, code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, recommenderNameZh: r.recommenderNameZh, recommenderNameEn: r.recommenderNameEn,
    plan: { id: r.planId, status: r.planStatus, late: !!r.planLate || !!r.planMissing, missing: !!r.planMissing, due: planDue },
    summary: { id: r.summaryId, status: r.summaryStatus, late: !!r.summaryLate || !!r.summaryMissing, missing: !!r.summaryMissing, due: summaryDue },
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
