// a6.p2.i4, after recognition: the center and its foreign partner seek the partner government's
// acknowledgement, confirmed through the bilateral mechanism (recorded by 国际合作司), then a
// plaque at the foreign partner (recorded by the center). Each is an approval of the procedure's
// post-recognition step, with its date and evidence, and an event on the base's own timeline.
import { and, eq } from 'drizzle-orm';
import { refuse } from '../../../regulation/index.js';
import type { z } from 'zod';
import type { ZPostRecognitionInput } from '../../../contracts/recognition.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeWhere } from '../../platform/authz/scope-sql.js';
import { AppError } from '../../platform/http/errors.js';
import { bases, baseEvents } from '../../bases/tables.js';
import { requireDomainActor } from '../guards.js';
import { loadApplication, procedureFor } from '../load.js';
import { refusalError } from '../refusal.js';
import { checkAttachments, transition, type TransitionDeps } from '../transition.js';
import { baseScopeCols } from '../decisions/decision-view.js';

const KIND = { foreign_acknowledgement: 'foreignAcknowledgement', foreign_plaque: 'foreignPlaque' } as const;
export type PostRecognitionRecord = keyof typeof KIND;

export async function recordPostRecognition(db: Db, deps: TransitionDeps, actor: Actor, baseId: string, record: PostRecognitionRecord, input: z.infer<typeof ZPostRecognitionInput>, now = new Date()) {
  const d = requireDomainActor(actor);
  return db.transaction(async (tx) => {
    const [base] = await tx.select().from(bases).where(and(eq(bases.id, baseId), scopeWhere(actor, 'base', 'read', baseScopeCols)));
    if (!base) throw new AppError('not_found');
    if (!base.applicationId) throw new AppError('not_found');
    const app = await loadApplication(tx, actor, base.applicationId, 'read', { lock: true });
    const { type, machine } = await procedureFor(tx, app, actor);
    const target = type.procedure.findIndex((s) => s.kind === KIND[record]);
    if (target < 0) throw refusalError(refuse('invalid_state', type.procedureClause, { zh: '该类型没有此认定后环节', en: 'This type has no such post-recognition step' }));
    if (app.stepIndex !== target) {
      throw refusalError(refuse(app.stepIndex < target ? 'out_of_turn' : 'invalid_state', type.procedure[target]!.clauses[0]!, undefined, { currentStep: app.stepId }));
    }
    await checkAttachments(tx, app.id, input.attachmentIds);
    const opinion = `${input.on}：${input.evidence}`;
    const { row } = await transition(tx, deps, app, machine, d, actor, { type: 'approve', opinion }, now, input.attachmentIds);
    const [event] = await tx.insert(baseEvents).values({
      baseId: base.id, kind: record, on: input.on, clauses: type.procedure[target]!.clauses, note: input.evidence,
      data: { attachmentIds: input.attachmentIds, ...(input.partner ? { partner: input.partner } : {}), ...(input.country ? { country: input.country } : {}), applicationEventSeq: row.state.history.length },
      actorUserId: actor.userId,
    }).returning();
    return { row, type, eventId: event!.id };
  });
}
