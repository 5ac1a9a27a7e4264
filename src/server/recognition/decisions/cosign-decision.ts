// The second signature of a jointly issued document (a7.p2.i3: 国际合作司 with 火炬中心), and the
// signature that makes a decision take effect once its 公示 has ended without open objections.
import { and, eq } from 'drizzle-orm';
import { beijingDateOf, compareDates, refuse } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requireNationalBody } from '../guards.js';
import { programmeOf } from '../programmes.js';
import { refusalError, ruleError } from '../refusal.js';
import { objections, publicNotices } from '../tables.js';
import { lockDecision } from './issue-decision.js';
import { signDecision, type DecisionDeps } from './sign-decision.js';

export async function cosignDecision(db: Db, deps: DecisionDeps, actor: Actor, id: string, opinion: string, now = new Date()) {
  const d = requireNationalBody(actor);
  return db.transaction(async (tx) => {
    const decision = await lockDecision(tx, id);
    const programme = await programmeOf(tx, decision.programmeKey);
    const clause = programme.types.find((t) => t.id === decision.typeId)!.procedureClause;
    if (decision.status !== 'awaiting_cosign') throw refusalError(refuse('invalid_state', clause, undefined, { status: decision.status }));
    return { decisionId: id, ...(await signDecision(tx, deps, decision, programme, actor, d, opinion, now)) };
  });
}

export async function takeEffect(db: Db, deps: DecisionDeps, actor: Actor, id: string, opinion: string, now = new Date()) {
  const d = requireNationalBody(actor);
  return db.transaction(async (tx) => {
    const decision = await lockDecision(tx, id);
    const programme = await programmeOf(tx, decision.programmeKey);
    const clause = programme.types.find((t) => t.id === decision.typeId)!.procedureClause;
    if (decision.status !== 'notice') throw refusalError(refuse('invalid_state', clause, undefined, { status: decision.status }));
    const [notice] = await tx.select().from(publicNotices).where(eq(publicNotices.decisionId, id));
    // The notice runs through its last working day; the decision may take effect the day after.
    if (notice && compareDates(beijingDateOf(now), notice.endsOn) <= 0) throw refusalError(refuse('notice_period_running', clause, undefined, { endsOn: notice.endsOn }));
    if (notice) {
      const open = await tx.select({ id: objections.id }).from(objections).where(and(eq(objections.noticeId, notice.id), eq(objections.status, 'open')));
      if (open.length) throw ruleError('objections_open', clause, { zh: `公示期异议${open.length}件尚未处理`, en: `${open.length} objection(s) from the public notice are not resolved` }, { objectionIds: open.map((o) => o.id) });
      await tx.update(publicNotices).set({ status: 'closed' }).where(eq(publicNotices.id, notice.id));
      await recordAudit(tx, deps.audit, { action: 'recognition.notice.close', entityType: 'recognition_decision', entityId: id, after: { endsOn: notice.endsOn } });
    }
    return { decisionId: id, ...(await signDecision(tx, deps, decision, programme, actor, d, opinion, now)) };
  });
}
