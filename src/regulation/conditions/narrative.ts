// Narrative conditions ("显著成绩", "引领示范作用", "相对稳定的渠道"): no rule can compute them.
// The verdict is 'manual' with the clause text as the question, until a human judgement on that
// clause is recorded in the facts (expert review, formal check); then it is that judgement.
// Also the host-kind check of a2.s1 (which institutions may host a base), machine-checkable.
import { z } from 'zod';
import { clause as clauseOf, hasClause } from '../clauses.js';
import { manual, met, unmet } from '../verdict.js';
import { ZHostKind } from '../actors.js';
import { defineConditionKind } from './kind.js';

const ZText = z.object({ zh: z.string(), en: z.string() });

export const narrative = defineConditionKind({
  id: 'narrative',
  name: { zh: '需人工判断的条件', en: 'Condition needing a human judgement' },
  machineCheckable: false,
  /** question: required for clauses of local documents, whose text is not in the national JSON. */
  params: z.object({ question: ZText.optional() }),
  evaluate(facts, params, _asOf, clause) {
    const judged = facts.judgements?.findLast((j) => j.clause === clause);
    const question = params.question ?? (hasClause(clause) ? { zh: clauseOf(clause).text_zh, en: clauseOf(clause).gloss_en } : { zh: clause, en: clause });
    if (judged) {
      const because = { zh: `已判断：${judged.note ?? (judged.met ? '符合' : '不符合')}`, en: `Judged: ${judged.note ?? (judged.met ? 'met' : 'not met')}` };
      return judged.met ? met(clause, because, { judgedBy: judged.by }) : unmet(clause, because, { judgedBy: judged.by });
    }
    return manual(clause, question);
  },
});

export const hostKind = defineConditionKind({
  id: 'hostKind',
  name: { zh: '依托机构类别', en: 'Kind of host institution' },
  machineCheckable: true,
  params: z.object({ allowed: z.array(ZHostKind).min(1) }),
  evaluate(facts, params, _asOf, clause) {
    return params.allowed.includes(facts.orgKind)
      ? met(clause, { zh: '依托机构类别符合要求', en: 'The host institution is of an allowed kind' }, { orgKind: facts.orgKind })
      : unmet(clause, { zh: '依托机构类别不符合该类型要求', en: 'The host institution is not of a kind this type allows' }, { orgKind: facts.orgKind, allowed: params.allowed });
  },
});
