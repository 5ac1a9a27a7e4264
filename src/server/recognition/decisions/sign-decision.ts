// Signing a decision: the issuing step (a5.p2.i4, a6.p2.i3, a7.p2.i3, a8.p2.i3) is approved for
// every application of the decision by the signing body, through the regulation's machine. A
// jointly issued document (a7.p2.i3: 国际合作司 and 火炬中心) waits for the second body; when the
// step is complete everywhere, the bases and documents are created.
import { eq } from 'drizzle-orm';
import type { Actor as DomainActor, Programme } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { loadApplication, procedureFor, type ApplicationRow } from '../load.js';
import { decisions } from '../tables.js';
import { transition, type TransitionDeps } from '../transition.js';
import { finalizeDecision } from './finalize-decision.js';

export type DecisionRow = typeof decisions.$inferSelect;
export type DecisionDeps = TransitionDeps & { publicBaseUrl: string };

export async function signDecision(tx: Db, deps: DecisionDeps, decision: DecisionRow, programme: Programme, actor: Actor, d: DomainActor, opinion: string, now: Date) {
  const touched: ApplicationRow[] = [];
  for (const id of decision.applicationIds) {
    const app = await loadApplication(tx, actor, id, 'read', { lock: true });
    const { machine } = await procedureFor(tx, app, actor);
    const { row } = await transition(tx, deps, app, machine, d, actor, { type: 'approve', opinion }, now);
    touched.push(row);
  }
  const complete = touched.every((a) => a.status === 'recognized');
  const signatures = [...decision.signatures, { orgKind: d.orgKind, orgId: actor.orgId, userId: actor.userId, at: now.toISOString() }];
  const [row] = await tx.update(decisions).set({ signatures, status: complete ? 'issued' : 'awaiting_cosign', version: decision.version + 1 })
    .where(eq(decisions.id, decision.id)).returning();
  if (!row) throw new AppError('not_found');
  let baseIds: string[] = [];
  if (complete) baseIds = await finalizeDecision(tx, deps.keys, deps.publicBaseUrl, row, programme, actor.userId);
  await recordAudit(tx, deps.audit, {
    action: complete ? 'recognition.decision.issue' : 'recognition.decision.sign', entityType: 'recognition_decision', entityId: decision.id,
    before: { status: decision.status }, after: { status: complete ? 'issued' : 'awaiting_cosign', signedBy: d.orgKind, documentNumber: decision.documentNumber, baseIds },
  });
  return { touched, baseIds };
}
