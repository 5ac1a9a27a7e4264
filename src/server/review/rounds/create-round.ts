// A review round for one call and type (a5.p2.i3, a6.p2.i2, a7.p2.i2, a8.p2.i2): organized by the
// body the type's expert-review step names; its form comes from the type's conditions.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZRoundCreate, ZRoundParamsPatch } from '../../../contracts/review.js';
import { findType, type BaseTypeDef } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { programmeOf } from '../../recognition/programmes.js';
import { domainKindOf } from '../../recognition/actor-map.js';
import { calls } from '../../recognition/tables.js';
import { reviewRounds } from '../tables.js';
import { scoringForm } from './form.js';
import { requireStatus, requireVersion, roundOf, roundView } from './round-store.js';

/** The type's expert-review step, and a refusal when the actor's body is not the one it names. */
export function reviewStepOf(type: BaseTypeDef, actor: Actor) {
  const step = type.procedure.find((s) => s.kind === 'expertReview');
  if (!step) throw new AppError('rule_refused', { clause: type.procedureClause, message: { zh: '该类型的程序没有专家评审步骤', en: 'This type’s procedure has no expert review step' } });
  // The regulation names bodies by its own kinds (国际合作司 = ministry_intl_dept): map the registry's.
  const kind = domainKindOf(actor.orgKind);
  if (!kind || !step.actor.orgKinds.includes(kind)) {
    throw new AppError('rule_refused', { clause: step.clauses[0], message: { zh: '该类型的专家评审由其他机构组织', en: 'Another body organizes the expert review of this type' }, data: { expected: step.actor.orgKinds } });
  }
  return step;
}

export async function createRound(db: Db, actor: Actor, audit: AuditActor, input: z.infer<typeof ZRoundCreate>) {
  if (scopeFor(actor.roles, 'review', 'create') !== 'all') throw new AppError('forbidden');
  const [call] = await db.select().from(calls).where(eq(calls.id, input.callId));
  if (!call) throw new AppError('not_found');
  const programme = await programmeOf(db, call.programmeKey);
  const type = call.typeIds.includes(input.typeId) ? findType(programme, input.typeId) : undefined;
  if (!type) throw new AppError('validation_failed', { fields: [{ field: 'typeId', rule: 'enum', message: `type ${input.typeId} is not open in this call` }] });
  const step = reviewStepOf(type, actor);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(reviewRounds).values({
      kind: 'recognition', callId: call.id, typeId: type.id, year: call.year,
      title: input.title ?? `${call.titleZh} · ${type.name.zh} 专家评审`, params: input.params, form: scoringForm(type), createdBy: actor.userId,
    }).returning();
    await recordAudit(tx, audit, { action: 'review.round_create', entityType: 'review_round', entityId: row!.id, after: { callId: call.id, typeId: type.id, params: input.params, clauses: step.clauses } });
    return roundView(tx, row!);
  });
}

/**
 * Change the parameters. A stored proposal is kept as it is, so the ministry sees what the new
 * limits break: apply re-checks every constraint against the parameters in force.
 */
export async function patchRoundParams(db: Db, actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof ZRoundParamsPatch>) {
  return db.transaction(async (tx) => {
    const round = await roundOf(tx, actor, id, 'update', { lock: true });
    requireStatus(round, 'draft', 'proposed');
    requireVersion(round, input.version);
    const [row] = await tx.update(reviewRounds).set({ params: input.params, version: round.version + 1 }).where(eq(reviewRounds.id, id)).returning();
    await recordAudit(tx, audit, { action: 'review.round_params', entityType: 'review_round', entityId: id, before: round.params, after: input.params });
    return roundView(tx, row!);
  });
}
