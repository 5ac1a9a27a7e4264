// Objections received during 公示 (by letter, telephone or the portal), recorded by the ministry,
// and their resolution. An upheld objection against one application takes it out of the decision
// and rejects it at the issuing step through the machine, with the resolution as the reason.
import { and, eq } from 'drizzle-orm';
import { refuse } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { requireNationalBody } from '../guards.js';
import { loadApplication, procedureFor } from '../load.js';
import { programmeOf } from '../programmes.js';
import { refusalError } from '../refusal.js';
import { decisions, objections, publicNotices } from '../tables.js';
import { transition, type TransitionDeps } from '../transition.js';
import { lockDecision } from './issue-decision.js';

async function openNotice(tx: Db, decisionId: string) {
  const decision = await lockDecision(tx, decisionId);
  const [notice] = await tx.select().from(publicNotices).where(eq(publicNotices.decisionId, decisionId));
  const programme = await programmeOf(tx, decision.programmeKey);
  const clause = programme.types.find((t) => t.id === decision.typeId)!.procedureClause;
  if (!notice || notice.status !== 'open' || decision.status !== 'notice') throw refusalError(refuse('invalid_state', clause, { zh: '该决定没有正在进行的公示', en: 'This decision has no open public notice' }));
  return { decision, notice };
}

export async function recordObjection(db: Db, deps: TransitionDeps, actor: Actor, decisionId: string, input: { text: string; contact: string; applicationId?: string | undefined }) {
  requireNationalBody(actor);
  return db.transaction(async (tx) => {
    const { decision, notice } = await openNotice(tx, decisionId);
    if (input.applicationId && !decision.applicationIds.includes(input.applicationId)) {
      throw new AppError('validation_failed', { fields: [{ field: 'applicationId', rule: 'invalid', message: 'not an application of this decision' }] });
    }
    const [row] = await tx.insert(objections).values({ noticeId: notice.id, applicationId: input.applicationId ?? null, text: input.text, contact: input.contact, recordedBy: actor.userId }).returning();
    await recordAudit(tx, deps.audit, { action: 'recognition.objection.record', entityType: 'recognition_decision', entityId: decisionId, after: { objectionId: row!.id, applicationId: input.applicationId ?? null } });
    return row!;
  });
}

export async function resolveObjection(db: Db, deps: TransitionDeps, actor: Actor, decisionId: string, objectionId: string, input: { upheld: boolean; resolution: string }, now = new Date()) {
  const d = requireNationalBody(actor);
  return db.transaction(async (tx) => {
    const { decision, notice } = await openNotice(tx, decisionId);
    const [o] = await tx.select().from(objections).where(and(eq(objections.id, objectionId), eq(objections.noticeId, notice.id)));
    if (!o) throw new AppError('not_found');
    if (o.status !== 'open') throw new AppError('conflict', { data: { status: o.status } });
    const [row] = await tx.update(objections).set({ status: input.upheld ? 'upheld' : 'dismissed', resolution: input.resolution, resolvedBy: actor.userId, resolvedAt: now })
      .where(eq(objections.id, o.id)).returning();
    let rejected = null;
    if (input.upheld && o.applicationId) {
      const app = await loadApplication(tx, actor, o.applicationId, 'read', { lock: true });
      const { machine } = await procedureFor(tx, app, actor);
      rejected = (await transition(tx, deps, app, machine, d, actor, { type: 'reject', reason: input.resolution }, now)).row;
      const remaining = decision.applicationIds.filter((id) => id !== o.applicationId);
      await tx.update(decisions).set({ applicationIds: remaining, status: remaining.length ? decision.status : 'withdrawn', version: decision.version + 1 }).where(eq(decisions.id, decision.id));
      if (!remaining.length) await tx.update(publicNotices).set({ status: 'closed' }).where(eq(publicNotices.id, notice.id));
    }
    await recordAudit(tx, deps.audit, { action: 'recognition.objection.resolve', entityType: 'recognition_decision', entityId: decisionId, after: { objectionId, upheld: input.upheld, rejectedApplicationId: rejected?.id ?? null } });
    return { objection: row!, rejected };
  });
}
