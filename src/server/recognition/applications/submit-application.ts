// Filing (a5.p2.i2, a6.p2.i1, a7.p2.i1, a8.p2.i1): the regulation's eligibility check first —
// call window with the deadline named, a13.s5 ban with the date the unit may apply again, a4.s1
// one base per type, the machine-checkable conditions — then the procedure's submit transition.
import { refuse } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { requireDomainActor } from '../guards.js';
import { loadApplication, procedureFor } from '../load.js';
import { refusalError } from '../refusal.js';
import { checkVersion, transition, type TransitionDeps } from '../transition.js';
import { eligibilityOf } from './eligibility.js';

export async function submitApplication(db: Db, deps: TransitionDeps, actor: Actor, id: string, input: { version: number; note?: string | undefined }, now = new Date()) {
  const d = requireDomainActor(actor);
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, actor, id, 'update', { lock: true });
    checkVersion(app, input.version);
    const { programme, type, call, machine } = await procedureFor(tx, app, actor);
    if (call.status !== 'open') throw refusalError(refuse('call_not_open', type.procedureClause, { zh: '本批次申报未开放或已关闭', en: 'This call is not open' }, { status: call.status }));
    const { result } = await eligibilityOf(tx, app, call, programme, now);
    if (result.blocking) {
      throw refusalError(result.blocking, { ...(result.mayApplyFrom ? { mayApplyFrom: result.mayApplyFrom } : {}), verdicts: result.verdicts });
    }
    const { row } = await transition(tx, deps, app, machine, d, actor, input.note ? { type: 'submit', note: input.note } : { type: 'submit' }, now);
    return { row, type };
  });
}
