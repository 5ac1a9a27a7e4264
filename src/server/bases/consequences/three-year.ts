// a13.s3 for every base in scope, read year by year: the bases with a run of failed years (at
// risk, or due a notice), each with the domain's reading — shown as it is, never re-worded.
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { assessmentResults } from '../assessment/tables.js';
import { programmeOf } from '../programme.js';
import { baseScope } from '../scope.js';
import { bases } from '../tables.js';
import { readFailedYears, roundYears } from './reading.js';

export async function failedRuns(db: Db, actor: Actor, throughYear: number, minRun = 1) {
  const list = await db.select({ id: bases.id, code: bases.code, nameZh: bases.nameZh, nameEn: bases.nameEn, status: bases.status, recognizedOn: bases.recognizedOn, programmeKey: bases.programmeKey })
    .from(bases).where(and(baseScope(actor, 'read'), ne(bases.status, 'revoked'))).orderBy(asc(bases.code));
  if (!list.length) return [];
  const rounds = await roundYears(db);
  const results = await db.select({ baseId: assessmentResults.baseId, year: assessmentResults.year, grade: assessmentResults.grade })
    .from(assessmentResults).where(inArray(assessmentResults.baseId, list.map((b) => b.id))).orderBy(asc(assessmentResults.year));
  const byBase = new Map<string, { year: number; grade: string }[]>();
  for (const r of results) byBase.set(r.baseId, [...(byBase.get(r.baseId) ?? []), r]);
  return list
    .map((b) => ({ baseId: b.id, code: b.code, nameZh: b.nameZh, nameEn: b.nameEn, status: b.status, reading: readFailedYears(programmeOf(b.programmeKey), b.recognizedOn, rounds, byBase.get(b.id) ?? [], throughYear) }))
    .filter((r) => r.reading.triggered || r.reading.run.length >= minRun);
}

/** One base's reading (for its page and for the notice). */
export async function readingOf(db: Db, base: { id: string; recognizedOn: string; programmeKey: string }, throughYear: number) {
  const [rounds, results] = await Promise.all([
    roundYears(db),
    db.select({ year: assessmentResults.year, grade: assessmentResults.grade }).from(assessmentResults).where(eq(assessmentResults.baseId, base.id)).orderBy(asc(assessmentResults.year)),
  ]);
  return readFailedYears(programmeOf(base.programmeKey), base.recognizedOn, rounds, results, throughYear);
}
