// The eligibility check of the regulation (checkApplicationAllowed) fed from the database: the
// call, the applicant's facts, bases held (a4.s1) and revocations (a13.s5).
import { checkApplicationAllowed, type Quota } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import { factsOf, heldBasesOf } from '../facts.js';
import type { ApplicationRow, CallRow } from '../load.js';
import type { Programme } from '../../../regulation/index.js';

export async function eligibilityOf(db: Db, app: ApplicationRow, call: CallRow, programme: Programme, now: Date) {
  const facts = await factsOf(db, app);
  const { held, revocations } = await heldBasesOf(db, app.applicantOrgId);
  const result = checkApplicationAllowed({
    programme, typeId: app.typeId, facts, now, revocations, heldBases: held, history: app.state.history,
    call: { opensAt: call.opensAt, deadline: call.deadline, typeIds: call.typeIds, quota: (call.quota ?? null) as Quota | null },
  });
  return { facts, result };
}
