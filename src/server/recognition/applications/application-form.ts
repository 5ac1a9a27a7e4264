// The application form, generated from the type's conditions (a5.p1–a8.p1): one section per
// condition clause, with the verdicts of its machine-checkable parts computed from the facts
// (registration age, zone, projects, foreign partners), and the eligibility check as of now.
import { clause as clauseOf, conditionKinds, evaluateCondition, hasClause, beijingDateOf, type BaseTypeDef, type Facts } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { loadApplication, procedureFor } from '../load.js';
import { verdictOut } from '../refusal.js';
import type { FormSection } from '../tables.js';
import { eligibilityOf } from './eligibility.js';
import { clauseRef } from './views.js';

const textOf = (id: string) => (hasClause(id) ? { zh: clauseOf(id).text_zh, en: clauseOf(id).gloss_en } : { zh: id, en: id });

export function formSections(type: BaseTypeDef, facts: Facts, today: string, stored: Record<string, FormSection>) {
  const order: string[] = [];
  for (const c of type.conditions) if (!order.includes(c.clauses[0]!)) order.push(c.clauses[0]!);
  return order.map((id) => {
    const instances = type.conditions.filter((c) => c.clauses[0] === id);
    const s = stored[id] ?? {};
    return {
      clause: id, label: clauseRef(id).label, text: textOf(id),
      kinds: instances.map((c) => c.kind),
      machineCheckable: instances.some((c) => conditionKinds[c.kind].machineCheckable),
      verdicts: instances.map((c) => verdictOut(evaluateCondition(c, facts, today))),
      narrative: s.narrative ?? '', facts: s.facts ?? {}, attachmentIds: s.attachmentIds ?? [],
    };
  });
}

export async function applicationForm(db: Db, actor: Actor, id: string, now = new Date()) {
  const app = await loadApplication(db, actor, id, 'read');
  const { programme, type, call } = await procedureFor(db, app, actor);
  const { facts, result } = await eligibilityOf(db, app, call, programme, now);
  return {
    applicationId: app.id, typeId: type.id, typeName: type.name,
    definition: { ...clauseRef(type.definitionClause), text: textOf(type.definitionClause) },
    sections: formSections(type, facts, beijingDateOf(now), app.sections),
    facts: facts as unknown as Record<string, unknown>,
    eligibility: {
      allowed: result.allowed,
      verdicts: result.verdicts.map(verdictOut),
      blocking: result.blocking ? { code: result.blocking.code, clause: result.blocking.clause, met: false as const, because: result.blocking.because, ...(result.blocking.data ? { data: result.blocking.data } : {}) } : null,
      ...(result.mayApplyFrom ? { mayApplyFrom: result.mayApplyFrom } : {}),
    },
  };
}
