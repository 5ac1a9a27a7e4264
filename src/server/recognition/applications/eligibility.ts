// The eligibility check of the regulation (checkApplicationAllowed) fed from the database: the
// call, the applicant's facts, bases held (a4.s1) and revocations (a13.s5).
import { checkApplicationAllowed, type ProcedureState, type Quota } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import { factsOf, heldBasesOf } from '../facts.js';
import type { ApplicationRow, CallRow } from '../load.js';
import type { Programme } from '../../../regulation/index.js';

/** A return after the deadline reopens filing for that application (regulation README, "Withdraw"). */
export const deadlineWaived = (state: ProcedureState, deadline: Date) =>
  state.history.some((e) => e.action === 'return' && new Date(e.at) > deadline);

export async function eligibilityOf(db: Db, app: ApplicationRow, call: CallRow, programme: Programme, now: Date) {
  const facts = await factsOf(db, app);
  const { held, revocations } = await heldBasesOf(db, app.applicantOrgId);
  const deadline = deadlineWaived(app.state, call.deadline) && now > call.deadline ? now : call.deadline;
  const result = checkApplicationAllowed({
    programme, typeId: app.typeId, facts, now, revocations, heldBases: held,
    call: { opensAt: call.opensAt, deadline, typeIds: call.typeIds, quota: (call.quota ?? null) as Quota | null },
  });
  return { facts, result };
}
