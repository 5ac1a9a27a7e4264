// A recognition decision for a set of applications at the issuing step: 文号, date and the opinion
// the signing body gives. Either it is signed at once, or it is first published for public
// comment (公示) for N working days (addWorkingDays, China's calendar) and signed when the notice
// has ended and every objection is resolved (take-effect).
import { and, eq, inArray } from 'drizzle-orm';
import { addWorkingDays, beijingDateOf, refuse } from '../../../regulation/index.js';
import type { DecisionInput } from '../../../contracts/recognition.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { requireNationalBody } from '../guards.js';
import { loadApplication, procedureFor } from '../load.js';
import { programmeOf } from '../programmes.js';
import { refusalError } from '../refusal.js';
import { decisions, publicNotices } from '../tables.js';
import { issuingBodiesOf } from './documents.js';
import { signDecision, type DecisionDeps } from './sign-decision.js';

const normalNumber = (s: string) => s.replace(/\s/g, '').replace(/[[［(（【](\d{4})[\]］)）】]/, '〔$1〕');

export async function issueDecision(db: Db, deps: DecisionDeps, actor: Actor, input: DecisionInput, now = new Date()) {
  const d = requireNationalBody(actor);
  const ids = [...new Set(input.applicationIds)];
  return db.transaction(async (tx) => {
    const apps = [];
    for (const id of ids) apps.push(await loadApplication(tx, actor, id, 'read', { lock: true }));
    const first = apps[0]!;
    if (apps.some((a) => a.typeId !== first.typeId || a.programmeKey !== first.programmeKey)) {
      throw new AppError('validation_failed', { fields: [{ field: 'applicationIds', rule: 'same_type', message: 'one decision covers one type under one programme version' }] });
    }
    const programme = await programmeOf(tx, first.programmeKey);
    for (const app of apps) {
      const { type, machine } = await procedureFor(tx, app, actor);
      const step = type.procedure[app.stepIndex];
      if (step?.kind !== 'issueDocument') throw refusalError(refuse(app.stepIndex < type.procedure.findIndex((s) => s.kind === 'issueDocument') ? 'out_of_turn' : 'invalid_state', step?.clauses[0] ?? type.procedureClause, undefined, { applicationId: app.id, currentStep: app.stepId }));
      // Ask the machine now, so that a wrong body or a missing leader's role is refused before anything is written.
      const dry = machine.apply(app.state, { type: 'approve', opinion: input.opinion }, d, now);
      if (!dry.ok) throw refusalError(dry, { applicationId: app.id });
    }
    const pending = await tx.select({ id: decisions.id, applicationIds: decisions.applicationIds }).from(decisions).where(inArray(decisions.status, ['notice', 'awaiting_cosign']));
    const clash = pending.find((p) => p.applicationIds.some((a) => ids.includes(a)));
    if (clash) throw new AppError('duplicate', { data: { decisionId: clash.id } });
    const documentNumber = normalNumber(input.documentNumber);
    const [sameNumber] = await tx.select({ id: decisions.id }).from(decisions).where(eq(decisions.documentNumber, documentNumber));
    if (sameNumber) throw new AppError('duplicate', { data: { decisionId: sameNumber.id, field: 'documentNumber' } });

    const [row] = await tx.insert(decisions).values({
      programmeKey: first.programmeKey, typeId: first.typeId, documentNumber, issuedOn: input.issuedOn, issuingBodies: issuingBodiesOf(first.typeId),
      applicationIds: ids, opinion: input.opinion, status: input.publicNotice ? 'notice' : 'awaiting_cosign', createdBy: actor.userId,
    }).returning();
    await recordAudit(tx, deps.audit, { action: 'recognition.decision.create', entityType: 'recognition_decision', entityId: row!.id, after: { documentNumber, issuedOn: input.issuedOn, applicationIds: ids, publicNotice: input.publicNotice ?? null } });
    if (input.publicNotice) {
      const type = programme.types.find((t) => t.id === first.typeId)!;
      const startsOn = beijingDateOf(now);
      const end = addWorkingDays(startsOn, input.publicNotice.workingDays, type.procedureClause);
      if (!end.ok) throw refusalError(refuse('calendar_year_missing', type.procedureClause, undefined, { year: end.year }));
      await tx.insert(publicNotices).values({ decisionId: row!.id, startsOn, endsOn: end.date, workingDays: input.publicNotice.workingDays });
      await recordAudit(tx, deps.audit, { action: 'recognition.notice.publish', entityType: 'recognition_decision', entityId: row!.id, after: { startsOn, endsOn: end.date, workingDays: input.publicNotice.workingDays } });
      return { decisionId: row!.id, touched: [], baseIds: [] };
    }
    const signed = await signDecision(tx, deps, row!, programme, actor, d, input.opinion, now);
    return { decisionId: row!.id, ...signed };
  });
}

/** Load a decision for signing: national bodies only, locked. */
export async function lockDecision(tx: Db, id: string) {
  const [row] = await tx.select().from(decisions).where(and(eq(decisions.id, id))).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}
