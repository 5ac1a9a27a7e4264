// The dynamic management board (a10.i4 "持续跟踪评价的动态管理"): for the ministry the whole
// country, for a recommending department its own bases — status, the year's reporting progress,
// the assessment distribution, bases at risk under a13.s3 and the trend of grades by year.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { gradeIds, type Board } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { clock } from '../clock.js';
import { reportingYear } from '../annual/open-year.js';
import { dueInstant } from '../annual/report-query.js';
import { annualReports } from '../annual/tables.js';
import { expectedFor } from '../annual/year-reports.js';
import { assessmentResults, assessmentRounds } from '../assessment/tables.js';
import { failedRuns } from '../consequences/three-year.js';
import { baseScope } from '../scope.js';
import { bases } from '../tables.js';

const r = alias(annualReports, 'r');
const emptyProgress = () => ({ expected: 0, draft: 0, submitted: 0, returned: 0, signed: 0, received: 0, late: 0, missing: 0 });

export async function board(db: Db, actor: Actor, year: number): Promise<Board> {
  const scope = scopeFor(actor.roles, 'base', 'read') ?? 'none';
  const inScope = baseScope(actor, 'read');
  const [byStatus, byType] = await Promise.all([
    db.select({ status: bases.status, n: count() }).from(bases).where(inScope).groupBy(bases.status),
    db.select({ typeId: bases.typeId, n: count() }).from(bases).where(and(inScope, sql`${bases.status} <> 'revoked'`)).groupBy(bases.typeId),
  ]);

  const ry = await reportingYear(db, year);
  const reporting = { open: !!ry, plan: emptyProgress(), summary: emptyProgress() };
  if (ry) {
    const now = clock.now().toISOString();
    for (const kind of ['plan', 'summary'] as const) {
      const due = dueInstant(kind === 'plan' ? ry.planDue : ry.summaryDue);
      const rows = await db.select({
        status: r.status, n: count(),
        late: sql<number>`count(*) filter (where ${r.late} or (${r.firstSubmittedAt} is null and ${now}::timestamptz > ${due}::timestamptz))::int`,
        missing: sql<number>`count(*) filter (where ${r.firstSubmittedAt} is null and ${now}::timestamptz > ${due}::timestamptz)::int`,
      }).from(bases).leftJoin(r, and(eq(r.baseId, bases.id), eq(r.year, year), eq(r.kind, kind)))
        .where(and(inScope, expectedFor(year))).groupBy(r.status);
      const p = reporting[kind];
      for (const row of rows) {
        p.expected += row.n;
        p.late += row.late;
        p.missing += row.missing;
        const s = row.status ?? 'draft'; // not started counts with the drafts
        if (s === 'draft') p.draft += row.n;
        else if (s === 'submitted') p.submitted += row.n;
        else if (s === 'returned') p.returned += row.n;
        else if (s === 'signed_by_recommender') p.signed += row.n;
        else if (s === 'received_by_ministry') p.received += row.n;
      }
    }
  }

  // Results: published years for everyone; computed (unpublished) years for the ministry only.
  const ministry = scopeFor(actor.roles, 'base', 'decide') === 'all';
  const rounds = await db.select().from(assessmentRounds);
  const visible = rounds.filter((x) => ministry || x.status === 'published').map((x) => x.year);
  const byYear = visible.length
    ? await db.select({ year: assessmentResults.year, grade: assessmentResults.grade, n: count() }).from(assessmentResults)
      .innerJoin(bases, eq(bases.id, assessmentResults.baseId)).where(and(inScope, inArray(assessmentResults.year, visible)))
      .groupBy(assessmentResults.year, assessmentResults.grade)
    : [];
  const distribution = gradeIds.map((grade) => ({ grade, n: byYear.find((x) => x.year === year && x.grade === grade)?.n ?? 0 }));
  const trends = [...new Set(byYear.map((x) => x.year))].sort().map((y) => {
    const n = (g: string) => byYear.find((x) => x.year === y && x.grade === g)?.n ?? 0;
    return { year: y, excellent: n('excellent'), good: n('good'), pass: n('pass'), fail: n('fail'), not_eligible: n('not_eligible') };
  });
  const atRisk = (await failedRuns(db, actor, year, 1)).map((x) => ({ baseId: x.baseId, code: x.code, nameZh: x.nameZh, nameEn: x.nameEn, status: x.status, failedRun: x.reading.run.length, run: x.reading.run }));
  return { year, scope, byStatus, byType, reporting, distribution, atRisk, trends };
}
