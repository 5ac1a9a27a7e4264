// An annual assessment round (年度考核, a10.i4) through the expert module: the subjects are the
// annual summaries of one year and base type, the scoring form is the type's expert-scored
// indicators for that year. Assessment is the ministry's (a10.i4 "科技部…进行考核").
import type { z } from 'zod';
import type { ZAssessmentRoundCreate } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { expertIndicators } from '../../bases/assessment/review-adapter.js';
import type { Indicator } from '../../bases/assessment/indicators.js';
import { reviewRounds } from '../tables.js';
import type { ScoringForm } from '../types.js';
import { DECLARATION } from './form.js';
import { roundView } from './round-store.js';

export const ASSESSMENT_CLAUSE = 'a10.i4';

const GUIDANCE = {
  zh: '90–100 优秀；75–89 良好；60–74 合格；60 分以下 不合格。请依据基地本年度工作总结及其佐证材料评分。',
  en: '90–100 excellent; 75–89 good; 60–74 pass; below 60 fail. Score against the base’s annual summary and its evidence.',
};

/** One criterion per expert-scored indicator; the indicators' weights rescaled to sum to 100. */
export function assessmentForm(indicators: Indicator[]): ScoringForm {
  const sum = indicators.reduce((s, i) => s + i.weight, 0);
  const shares = indicators.map((i) => Math.round((i.weight / sum) * 1000) / 10);
  // The last criterion takes the rounding remainder so the weights sum to exactly 100.
  if (shares.length) shares[shares.length - 1] = Math.round((100 - shares.slice(0, -1).reduce((s, w) => s + w, 0)) * 10) / 10;
  return {
    criteria: indicators.map((i, k) => ({ clause: i.id, title: i.name, guidance: GUIDANCE, weight: shares[k]! })),
    scale: { min: 0, max: 100 },
    declaration: DECLARATION,
  };
}

export async function createAssessmentRound(db: Db, actor: Actor, audit: AuditActor, input: z.infer<typeof ZAssessmentRoundCreate>) {
  if (scopeFor(actor.roles, 'review', 'create') !== 'all' || scopeFor(actor.roles, 'base', 'decide') !== 'all') throw new AppError('forbidden');
  const { indicators, typeName } = await expertIndicators(db, input.typeId, input.year);
  if (!indicators.length) {
    throw new AppError('validation_failed', { fields: [{ field: 'typeId', rule: 'no_expert_indicators', message: `the ${input.year} indicator system of ${input.typeId} has no indicator scored by experts` }] });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(reviewRounds).values({
      kind: 'assessment', callId: null, typeId: input.typeId, year: input.year,
      title: input.title ?? `${input.year} 年度${typeName.zh}考核 专家评审`, params: input.params, form: assessmentForm(indicators), createdBy: actor.userId,
    }).returning();
    await recordAudit(tx, audit, { action: 'review.round_create', entityType: 'review_round', entityId: row!.id, after: { kind: 'assessment', year: input.year, typeId: input.typeId, params: input.params, clauses: [ASSESSMENT_CLAUSE] } });
    return roundView(tx, row!);
  });
}
