// a13.s1: the commendation list of a year, drawn from its results by the domain's
// commendationList (the programme names the commended grades).
import { asc, eq } from 'drizzle-orm';
import { commendationList, national2011, type Grade } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import { assessmentResults, assessmentRounds } from '../assessment/tables.js';
import { bases } from '../tables.js';

export async function commendations(db: Db, year: number) {
  const [round] = await db.select().from(assessmentRounds).where(eq(assessmentRounds.year, year));
  const rows = await db.select({ baseId: assessmentResults.baseId, grade: assessmentResults.grade, score: assessmentResults.score, code: bases.code, nameZh: bases.nameZh })
    .from(assessmentResults).innerJoin(bases, eq(bases.id, assessmentResults.baseId)).where(eq(assessmentResults.year, year)).orderBy(asc(bases.code));
  const chosen = new Set(commendationList(national2011, rows.map((r) => ({ baseId: r.baseId, year, grade: r.grade as Grade })), year));
  return {
    year, clause: 'a13.s1' as const, published: round?.status === 'published',
    items: rows.filter((r) => chosen.has(r.baseId)).map((r) => ({ ...r, grade: r.grade as Grade })),
  };
}
