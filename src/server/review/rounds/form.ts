// The scoring form of a round comes from the type's conditions (a5.p1–a8.p1): one criterion per
// condition clause, in the order the programme lists them, with equal weights summing to 100 and
// the clause's own text as the criterion — nobody re-words the rule for the form.
import { clause, hasClause, type BaseTypeDef } from '../../../regulation/index.js';
import type { ScoringForm } from '../types.js';

const GUIDANCE = {
  zh: '90–100 完全满足并有突出表现；75–89 满足；60–74 基本满足；60 分以下 不满足。请结合申请材料中对应条款的说明与佐证评分。',
  en: '90–100 fully met and outstanding; 75–89 met; 60–74 largely met; below 60 not met. Score against the narrative and evidence the application gives for this clause.',
};

export const DECLARATION = {
  zh: '本人承诺：与所评审的申请不存在任何利益关系（包括任职、合作、亲属等关系），如有应主动申明回避；对评审材料、评审意见和评审结果严格保密，不复制、不外传、不私下接触申请人；独立、客观、公正地提出评审意见。',
  en: 'I declare that I have no interest in the applications I review (employment, collaboration, family or other ties) and will declare any conflict; I will keep the materials, opinions and results confidential, will not copy or pass them on or contact applicants privately; and I will give my opinion independently, objectively and fairly.',
};

export function scoringForm(type: BaseTypeDef): ScoringForm {
  const ids = [...new Set(type.conditions.flatMap((c) => c.clauses))];
  // A national condition clause, or a local programme's own clause id (kept as it is).
  const criteria = ids.filter((id) => !hasClause(id) || clause(id).kind === 'condition');
  const n = criteria.length;
  const base = Math.floor((100 / n) * 10) / 10;
  return {
    criteria: criteria.map((id, i) => {
      const c = hasClause(id) ? clause(id) : null;
      // The last criterion takes the rounding remainder so the weights sum to exactly 100.
      const weight = i === n - 1 ? Math.round((100 - base * (n - 1)) * 10) / 10 : base;
      return { clause: id, title: { zh: c?.text_zh ?? id, en: c?.gloss_en ?? id }, guidance: GUIDANCE, weight };
    }),
    scale: { min: 0, max: 100 },
    declaration: DECLARATION,
  };
}

/** The weighted total (0–100) of a complete set of criterion scores. */
export function totalOf(form: ScoringForm, scores: Record<string, number>): number {
  const sum = form.criteria.reduce((s, c) => s + c.weight * (scores[c.clause] ?? 0), 0);
  return Math.round((sum / 100) * 10) / 10;
}

export const missingCriteria = (form: ScoringForm, scores: Record<string, number>) => form.criteria.filter((c) => scores[c.clause] === undefined).map((c) => c.clause);
