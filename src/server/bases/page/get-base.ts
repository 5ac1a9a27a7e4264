import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { clause, findType } from '../../../regulation/index.js';
import type { BaseDetail, GradeId } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { organizations } from '../../organizations/tables.js';
import { assessmentResults } from '../assessment/tables.js';
import { reportTimeline } from './report-timeline.js';
import { readFailedYears, roundYears } from '../consequences/reading.js';
import { projectsOfBase } from '../projects/list-projects.js';
import { programmeOf } from '../programme.js';
import { baseScope } from '../scope.js';
import { baseEvents, bases } from '../tables.js';
import { baseListColumns } from './list-bases.js';

const host = alias(organizations, 'host');
const recommender = alias(organizations, 'recommender');
const affiliation = alias(organizations, 'affiliation');
const a12s1 = clause('a12.s1');

/** The base page. Out of scope and nonexistent are the same 404. */
export async function getBase(db: Db, actor: Actor, id: string, today: string): Promise<BaseDetail> {
  const [row] = await db.select({
    ...baseListColumns, programmeKey: bases.programmeKey, hostKind: host.kind, affiliationNameZh: affiliation.nameZh, affiliationNameEn: affiliation.nameEn,
    foreignPartners: bases.foreignPartners, foreignPlaques: bases.foreignPlaques, documents: bases.documents,
    operatingModel: bases.operatingModel, version: bases.version,
  }).from(bases)
    .innerJoin(host, eq(host.id, bases.hostOrgId))
    .leftJoin(affiliation, eq(affiliation.id, host.affiliationId))
    .leftJoin(recommender, eq(recommender.id, bases.recommenderId))
    .where(and(eq(bases.id, id), baseScope(actor, 'read')));
  if (!row) throw new AppError('not_found');
  const programme = programmeOf(row.programmeKey);
  const [timeline, results, rounds, projects] = await Promise.all([
    db.select({ id: baseEvents.id, kind: baseEvents.kind, on: baseEvents.on, clauses: baseEvents.clauses, documentNumber: baseEvents.documentNumber, note: baseEvents.note })
      .from(baseEvents).where(eq(baseEvents.baseId, id)).orderBy(asc(baseEvents.on), asc(baseEvents.createdAt)),
    db.select({ year: assessmentResults.year, grade: assessmentResults.grade, score: assessmentResults.score })
      .from(assessmentResults).where(eq(assessmentResults.baseId, id)).orderBy(asc(assessmentResults.year)),
    roundYears(db),
    projectsOfBase(db, id),
  ]);
  const reportEvents = await reportTimeline(db, id);
  const assessments = results.map((r) => ({ ...r, grade: r.grade as GradeId }));
  const type = findType(programme, row.typeId);
  return {
    ...row,
    typeName: type?.name ?? { zh: row.typeId, en: row.typeId },
    host: { id: row.hostOrgId, nameZh: row.hostNameZh, nameEn: row.hostNameEn, kind: row.hostKind, affiliationNameZh: row.affiliationNameZh, affiliationNameEn: row.affiliationNameEn },
    affiliationRule: { clause: 'a12.s1', text: { zh: a12s1.text_zh, en: a12s1.gloss_en } },
    foreignPartners: row.foreignPartners as BaseDetail['foreignPartners'],
    // Recorded events and the a14.s1 report steps, in date order (same-day: recorded first).
    timeline: [...timeline, ...reportEvents].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
    assessments,
    lastResult: assessments.at(-1) ?? null,
    failedYears: readFailedYears(programme, row.recognizedOn, rounds, results, Number(today.slice(0, 4))),
    projects,
  };
}
