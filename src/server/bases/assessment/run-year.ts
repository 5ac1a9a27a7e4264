// Run the annual assessment (考核, a10.i4) of one year for every base at once: computed indicators
// from summaries, projects and records; expert and recommender scores where given; the grade
// through the domain's gradeYear (with the indicator system's thresholds as a dated override of
// the programme's); then the a13.s3 reading of every base, proposing a notice where it triggers.
// Re-running an unpublished year replaces its results; a published year is final.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { gradeYear, newReport, reportWasLate, type Programme } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { clock } from '../clock.js';
import { dueInstant } from '../annual/report-query.js';
import { reportingYear } from '../annual/open-year.js';
import { expectedFor } from '../annual/year-reports.js';
import { proposeNotices } from '../consequences/propose-notices.js';
import { programmeOf } from '../programme.js';
import { bases } from '../tables.js';
import { scoreBase, type Thresholds } from './indicators.js';
import { loadYearFacts, metricsOf } from './metrics.js';
import { systemFor, type System } from './systems.js';
import { assessmentResults, assessmentRounds, expertScores } from './tables.js';

/** The system's score bands as a dated entry on top of the programme's (a named override). */
export function withThresholds(programme: Programme, t: Thresholds | null, year: number, source: string): Programme {
  if (!t) return programme;
  return { ...programme, grading: { ...programme.grading, thresholds: [...programme.grading.thresholds, { from: `${year}-01-01`, value: t, source }] } };
}

export async function runAssessmentYear(db: Db, who: AuditActor, year: number) {
  const started = performance.now();
  const [round] = await db.select().from(assessmentRounds).where(eq(assessmentRounds.year, year));
  if (round?.status === 'published') {
    throw new AppError('rule_refused', { clause: 'a10.i4', message: { zh: '该年度考核结果已公布，不能重新计算', en: 'This year’s results are published and final' }, data: { year } });
  }
  const ry = await reportingYear(db, year);
  const due = ry ? dueInstant(ry.summaryDue) : undefined;
  const now = clock.now();
  const all = await db.select({ id: bases.id, typeId: bases.typeId, programmeKey: bases.programmeKey, recognizedOn: bases.recognizedOn, hostOrgId: bases.hostOrgId, recommenderId: bases.recommenderId, partners: sql<number>`jsonb_array_length(${bases.foreignPartners})::int` })
    .from(bases).where(expectedFor(year));
  const facts = await loadYearFacts(db, year, all.map((b) => b.id));
  const expert = new Map<string, Map<string, number[]>>();
  for (const e of await db.select({ baseId: expertScores.baseId, indicatorId: expertScores.indicatorId, score: expertScores.score }).from(expertScores).where(eq(expertScores.year, year))) {
    const m = expert.get(e.baseId) ?? new Map<string, number[]>();
    m.set(e.indicatorId, [...(m.get(e.indicatorId) ?? []), e.score]);
    expert.set(e.baseId, m);
  }
  const systems = new Map<string, System>();
  for (const typeId of new Set(all.map((b) => b.typeId))) systems.set(typeId, await systemFor(db, typeId, year));

  const rows: (typeof assessmentResults.$inferInsert)[] = [];
  const grades: Record<string, number> = {};
  for (const b of all) {
    const system = systems.get(b.typeId)!;
    const programme = withThresholds(programmeOf(b.programmeKey), system.thresholds, year, `indicator system ${b.typeId} v${system.version}`);
    const summary = facts.summaries.get(b.id);
    // Lateness by the domain's reading: the first submission after the due instant, or none by now.
    const report = { ...newReport('summary', year, b.hostOrgId, b.recommenderId ?? ''), history: (summary?.history ?? []) as never, ...(due ? { due } : {}) };
    const late = reportWasLate(programme, report, now);
    // Recognized during the year: too recent to assess (不符合评估条件), never a fail.
    const eligible = Number(b.recognizedOn.slice(0, 4)) < year;
    // Only a submitted summary is evidence; a draft the base never sent counts for nothing.
    const filed = summary?.firstSubmittedAt ? summary : undefined;
    const metrics = metricsOf(filed, !late && !!summary?.firstSubmittedAt, facts.projectAgg.get(b.id), facts.activities.get(b.id) ?? {}, b.partners);
    const scored = scoreBase(system.indicators, metrics, expert.get(b.id) ?? new Map(), filed?.recommenderScore ?? null);
    const g = gradeYear({ programme, year, score: eligible ? scored.score : null, eligible, reportLate: late });
    grades[g.grade] = (grades[g.grade] ?? 0) + 1;
    rows.push({ year, baseId: b.id, grade: g.grade, score: eligible ? scored.score : null, reportLate: late, systemId: system.id, detail: { indicators: scored.items, verdict: g.verdict, systemVersion: system.version } });
  }

  const proposals = await db.transaction(async (tx) => {
    await tx.delete(assessmentResults).where(eq(assessmentResults.year, year));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(assessmentResults).values(rows.slice(i, i + 500));
    await tx.insert(assessmentRounds).values({ year, status: 'computed', computedAt: now })
      .onConflictDoUpdate({ target: assessmentRounds.year, set: { computedAt: now } });
    const proposed = await proposeNotices(tx, year, all.map((b) => b.id));
    await recordAudit(tx, who, { action: 'assessment.run', entityType: 'assessment_round', entityId: String(year), after: { year, assessed: rows.length, grades, proposals: proposed, clause: 'a10.i4' } });
    return proposed;
  });
  return { year, assessed: rows.length, grades, proposals, ms: Math.round(performance.now() - started) };
}

/** Results of given bases (for publishing notifications and tests). */
export async function resultsOf(db: Db, year: number, baseIds: string[]) {
  if (!baseIds.length) return [];
  return db.select().from(assessmentResults).where(and(eq(assessmentResults.year, year), inArray(assessmentResults.baseId, baseIds)));
}
