// Expert scoring of assessment indicators (a10.i4 "综合评价和考核"). One function for every
// caller: the ministry entering a panel's scores here, and the expert module when it assigns
// assessment reviews. A score for an indicator the base's system does not score by experts is refused.
import type { Db } from '../../platform/db/client.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { eq } from 'drizzle-orm';
import { bases } from '../tables.js';
import { systemFor } from './systems.js';
import { assessmentRounds, expertScores } from './tables.js';

export type ExpertScore = { year: number; baseId: string; indicatorId: string; expertUserId: string; score: number; comment: string | null };

export async function recordExpertScore(db: Db, who: AuditActor, s: ExpertScore) {
  const [base] = await db.select({ typeId: bases.typeId, recommenderId: bases.recommenderId }).from(bases).where(eq(bases.id, s.baseId));
  if (!base) throw new AppError('not_found');
  const system = await systemFor(db, base.typeId, s.year);
  const indicator = system.indicators.find((i) => i.id === s.indicatorId);
  if (!indicator || indicator.source !== 'expert') {
    throw new AppError('validation_failed', { fields: [{ field: 'indicatorId', rule: 'not_expert_indicator', message: `${s.indicatorId} is not scored by experts for ${base.typeId}` }] });
  }
  const [round] = await db.select({ status: assessmentRounds.status }).from(assessmentRounds).where(eq(assessmentRounds.year, s.year));
  if (round?.status === 'published') throw new AppError('rule_refused', { clause: 'a10.i4', message: { zh: '该年度考核结果已公布', en: 'This year’s results are published and final' } });
  await db.transaction(async (tx) => {
    await tx.insert(expertScores).values(s).onConflictDoUpdate({
      target: [expertScores.year, expertScores.baseId, expertScores.indicatorId, expertScores.expertUserId], set: { score: s.score, comment: s.comment },
    });
    await recordAudit(tx, who, { action: 'assessment.expert_score', entityType: 'base', entityId: s.baseId, scopeOrgId: base.recommenderId, after: { ...s, clause: 'a10.i4' } });
  });
  return { ok: true as const };
}
