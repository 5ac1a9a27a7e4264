import { and, asc, eq } from 'drizzle-orm';
import { gradeNames, type Grade, type Verdict } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { baseScope } from '../scope.js';
import { bases } from '../tables.js';
import type { IndicatorScore } from './indicators.js';
import { assessmentResults, assessmentRounds } from './tables.js';

/**
 * A year's results in the actor's scope. Until the ministry publishes them only the ministry sees
 * them: a computed year is a draft.
 */
export async function yearResults(db: Db, actor: Actor, year: number, baseId?: string) {
  const [round] = await db.select().from(assessmentRounds).where(eq(assessmentRounds.year, year));
  const ministry = scopeFor(actor.roles, 'base', 'decide') === 'all';
  if (!round || (round.status !== 'published' && !ministry)) return [];
  const rows = await db.select({ r: assessmentResults, code: bases.code, nameZh: bases.nameZh, typeId: bases.typeId })
    .from(assessmentResults).innerJoin(bases, eq(bases.id, assessmentResults.baseId))
    .where(and(eq(assessmentResults.year, year), baseScope(actor, 'read'), baseId ? eq(assessmentResults.baseId, baseId) : undefined))
    .orderBy(asc(bases.code));
  return rows.map(({ r, code, nameZh, typeId }) => {
    const detail = r.detail as { indicators?: IndicatorScore[]; verdict?: Verdict };
    return {
      baseId: r.baseId, code, nameZh, typeId, year: r.year, grade: r.grade as Grade, gradeName: gradeNames[r.grade as Grade], score: r.score,
      reportLate: r.reportLate, indicators: detail.indicators ?? [], because: detail.verdict?.because ?? gradeNames[r.grade as Grade],
    };
  });
}
