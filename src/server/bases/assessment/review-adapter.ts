// Annual assessment through the expert module (a10.i4 考核; issue 5: "expert scoring through the
// expert module"). What the review module needs to know about bases, in one place:
// - the subjects of an assessment round: the bases' annual summaries of a year that have reached
//   the ministry's side (signed by the recommending unit, or received);
// - what the conflict rules read: the base's host institution (依托单位) and its recommending
//   department, its region and fields;
// - the scoring form: the indicators of the type's system for that year that experts score;
// - the panel's aggregated score per indicator, written through recordExpertScore — the same
//   path (checks, audit) as the ministry's own entry of a panel's scores.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { organizations } from '../../organizations/tables.js';
import { annualReports } from '../annual/tables.js';
import { bases } from '../tables.js';
import { typeNameOf } from '../type-names.js';
import { recordExpertScore } from './expert-scores.js';
import { systemFor } from './systems.js';
import type { Indicator } from './indicators.js';

/** Summaries the ministry can have assessed: the recommending unit has signed its opinion (a14.s1). */
export const ASSESSABLE_STATUSES = ['signed_by_recommender', 'received_by_ministry'] as const;

export interface AssessmentSubject {
  /** The annual summary's id: the subject id of the round's assignments. */
  id: string;
  baseId: string;
  year: number;
  typeId: string;
  title: string;
  titleEn: string;
  fields: string[];
  hostOrgId: string;
  hostName: string;
  recommenderId: string | null;
  regionCode: string | null;
  narrative: string;
}

/** The summaries of `year` of bases of `typeId` ready for assessment, in a stable order. */
export async function summariesToAssess(db: Db, year: number, typeId: string): Promise<string[]> {
  const rows = await db.select({ id: annualReports.id }).from(annualReports).innerJoin(bases, eq(bases.id, annualReports.baseId))
    .where(and(eq(annualReports.year, year), eq(annualReports.kind, 'summary'), inArray(annualReports.status, [...ASSESSABLE_STATUSES]), eq(bases.typeId, typeId), inArray(bases.status, ['active', 'notified'])))
    .orderBy(bases.code, annualReports.id);
  return rows.map((r) => r.id);
}

/** The subjects behind summary ids (unknown ids are left out). */
export async function assessmentSubjects(db: Db, reportIds: string[]): Promise<AssessmentSubject[]> {
  if (!reportIds.length) return [];
  const rows = await db.select({ r: annualReports, b: bases, host: { nameZh: organizations.nameZh, regionCode: organizations.regionCode } })
    .from(annualReports).innerJoin(bases, eq(bases.id, annualReports.baseId)).innerJoin(organizations, eq(organizations.id, bases.hostOrgId))
    .where(and(inArray(annualReports.id, reportIds), eq(annualReports.kind, 'summary')));
  return rows.map(({ r, b, host }) => ({
    id: r.id, baseId: b.id, year: r.year, typeId: b.typeId,
    title: `${b.nameZh} · ${r.year} 年度工作总结`, titleEn: `${b.nameEn || b.nameZh} · ${r.year} annual summary`,
    fields: b.fields, hostOrgId: b.hostOrgId, hostName: host.nameZh, recommenderId: b.recommenderId,
    regionCode: b.regionCode ?? host.regionCode, narrative: r.narrative,
  }));
}

/** The indicators experts score for `typeId` in `year`, from the system in force that year. */
export async function expertIndicators(db: Db, typeId: string, year: number): Promise<{ indicators: Indicator[]; typeName: { zh: string; en: string } }> {
  const system = await systemFor(db, typeId, year);
  return { indicators: system.indicators.filter((i) => i.source === 'expert'), typeName: typeNameOf(typeId) };
}

/**
 * The panel's aggregated score of each expert indicator, for the base and year of the summary.
 * Recorded under the person who concluded the panel (as the ministry's own entry of a panel's
 * scores is), with a note naming the round; a later conclusion by the same person replaces it.
 */
export async function recordPanelScores(db: Db, who: AuditActor, input: { reportId: string; scores: Record<string, number>; recordedBy: string; note: string }) {
  const [subject] = await assessmentSubjects(db, [input.reportId]);
  if (!subject) throw new AppError('not_found');
  for (const [indicatorId, score] of Object.entries(input.scores)) {
    await recordExpertScore(db, who, { year: subject.year, baseId: subject.baseId, indicatorId, expertUserId: input.recordedBy, score, comment: input.note });
  }
  return { baseId: subject.baseId, year: subject.year, scopeOrgId: subject.recommenderId };
}
