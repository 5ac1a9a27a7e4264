// A procedure action on an application (approve with a signed opinion, return with reasons,
// reject, withdraw), validated by the regulation's machine. Three server rules sit around it:
//  - at the recommending step, checkRecommendationAllowed (a6.p2.i1 gate, a7.p2.i1 support
//    opinion, call quota); a body that is not a recommending department gets wrong_recommender;
//  - expert review and assessment are approved only once their results are recorded;
//  - the issuing step and the post-recognition steps have their own use cases (decisions, base
//    records), because they create documents and records the machine does not know of.
import { and, eq } from 'drizzle-orm';
import { checkRecommendationAllowed, refuse, type Action, type ProcedureState, type Quota } from '../../../regulation/index.js';
import type { ProcedureActionInput } from '../../../contracts/recognition.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { requireDomainActor } from '../guards.js';
import { factsOf } from '../facts.js';
import { loadApplication, procedureFor, type ApplicationRow } from '../load.js';
import { refusalError, ruleError } from '../refusal.js';
import { applications, reviewResults } from '../tables.js';
import { checkAttachments, checkVersion, transition, type TransitionDeps } from '../transition.js';

const OWN_USE_CASE: Record<string, string> = { issueDocument: 'decision', foreignAcknowledgement: 'base_record', foreignPlaque: 'base_record' };

function toAction(input: ProcedureActionInput): Action {
  switch (input.action) {
    case 'approve': return { type: 'approve', opinion: input.opinion };
    case 'return': return { type: 'return', reason: input.reason };
    case 'reject': return { type: 'reject', reason: input.reason };
    case 'withdraw': return input.reason ? { type: 'withdraw', mode: input.mode, reason: input.reason } : { type: 'withdraw', mode: input.mode };
  }
}

/** Applications this recommender has forwarded in the call and that are still forwarded. */
async function alreadyRecommended(tx: Db, app: ApplicationRow, orgId: string, perType: boolean, recommendIndex: number): Promise<number> {
  const rows = await tx.select({ id: applications.id, state: applications.state, typeId: applications.typeId })
    .from(applications).where(and(eq(applications.callId, app.callId), eq(applications.recommenderId, orgId)));
  return rows.filter((r) => r.id !== app.id && (!perType || r.typeId === app.typeId)
    && r.state.stepIndex > recommendIndex
    && (r.state as ProcedureState).history.some((e) => e.action === 'approve' && e.fromStepIndex === recommendIndex && e.actorOrgId === orgId && e.completesStep)).length;
}

export async function actOnApplication(db: Db, deps: TransitionDeps, actor: Actor, id: string, input: ProcedureActionInput, now = new Date()) {
  const d = requireDomainActor(actor);
  const action = toAction(input);
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, actor, id, 'read', { lock: true });
    checkVersion(app, input.version);
    const { programme, type, call, machine } = await procedureFor(tx, app, actor);
    const step = type.procedure[app.stepIndex];
    if (step && action.type === 'approve') {
      const own = OWN_USE_CASE[step.kind];
      if (own) throw ruleError(`use_${own}`, step.clauses[0]!, own === 'decision'
        ? { zh: '发文认定须通过认定决定办理', en: 'Issue the document through a recognition decision' }
        : { zh: '请在基地记录中登记日期和证明材料', en: 'Record this on the base with its date and evidence' });

      if (step.kind === 'recommend') {
        const dry = machine.apply(app.state, action, d, now);
        const wrongBody = !dry.ok && dry.code === 'wrong_actor';
        if (dry.ok || wrongBody) {
          const quota = (call.quota ?? null) as Quota | null;
          const check = checkRecommendationAllowed({
            programme, typeId: app.typeId, facts: await factsOf(tx, app), now, recommender: d,
            call: { opensAt: call.opensAt, deadline: call.deadline, typeIds: call.typeIds, quota },
            supportOpinionGiven: app.state.history.some((e) => e.action === 'approve' && e.completesStep && type.procedure[e.fromStepIndex]?.kind === 'zoneSupportOpinion'),
            alreadyRecommended: await alreadyRecommended(tx, app, actor.orgId, quota?.scope === 'per_type', app.stepIndex),
            history: app.state.history,
          });
          if (check.blocking) throw refusalError(check.blocking, { verdicts: check.verdicts });
        }
      }
      const needs = step.kind === 'expertReview' ? 'review' : step.kind === 'assessment' ? 'assessment' : null;
      if (needs && machine.apply(app.state, action, d, now).ok) {
        const [r] = await tx.select({ id: reviewResults.id }).from(reviewResults).where(and(eq(reviewResults.applicationId, app.id), eq(reviewResults.kind, needs))).limit(1);
        if (!r) throw ruleError('review_result_missing', step.clauses[0]!, needs === 'review'
          ? { zh: '请先登记专家评审结果', en: 'Record the expert review result first' }
          : { zh: '请先登记考核结果', en: 'Record the assessment result first' });
      }
    }
    if (!step && action.type !== 'withdraw') throw refusalError(refuse('invalid_state', type.procedureClause));
    const attachmentIds = 'attachmentIds' in input ? input.attachmentIds : [];
    await checkAttachments(tx, app.id, attachmentIds);
    const { row } = await transition(tx, deps, app, machine, d, actor, action, now, attachmentIds);
    return { row, type };
  });
}
