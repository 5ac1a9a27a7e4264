// One step of the procedure: ask the regulation's machine, and if it agrees, write the new state,
// the signed event and the audit row in the caller's transaction (practice 9). The machine's
// refusal becomes a 422 with its code and clause.
import { and, eq, inArray } from 'drizzle-orm';
import type { Action, Actor as DomainActor, ProcedureEvent, procedureMachine } from '../../regulation/index.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import type { SmKeys } from '../platform/crypto/sm.js';
import { sm2Sign, sm3Hex } from '../platform/crypto/sm.js';
import { canonicalJson } from '../platform/canonical-json.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import type { ApplicationRow } from './load.js';
import { refusalError } from './refusal.js';
import { applicationEvents, applications, attachments } from './tables.js';

export type Machine = ReturnType<typeof procedureMachine>;

export type TransitionDeps = { keys: SmKeys; audit: AuditActor };

/** Sign an event: the system key attests who signed which text at which step (意见签署). */
export function signEvent(keys: SmKeys, body: Record<string, unknown>) {
  const canonical = canonicalJson(body);
  return { digest: sm3Hex(canonical), signature: sm2Sign(canonical, keys.sm2.privateKeyPem) };
}

export async function transition(
  tx: Db,
  deps: TransitionDeps,
  app: ApplicationRow,
  machine: Machine,
  domainActor: DomainActor,
  actor: Actor,
  action: Action,
  now: Date,
  attachmentIds: string[] = [],
): Promise<{ row: ApplicationRow; event: ProcedureEvent }> {
  const result = machine.apply(app.state, action, domainActor, now);
  if (!result.ok) throw refusalError(result);
  const { state, event } = result;
  const seq = state.history.length;
  const body = { applicationId: app.id, seq, userId: actor.userId, ...event, attachmentIds };
  const { digest, signature } = signEvent(deps.keys, body);
  await tx.insert(applicationEvents).values({
    applicationId: app.id, seq, at: new Date(event.at), action: event.action, stepId: event.stepId,
    fromStepIndex: event.fromStepIndex, toStepIndex: event.toStepIndex, fromStatus: event.from, toStatus: event.to,
    completesStep: event.completesStep, actorUserId: actor.userId, actorOrgId: actor.orgId, actorOrgKind: event.actorOrgKind,
    clauses: event.clauses, text: event.text ?? null, attachmentIds, digest, signature,
  });
  const stepId = machine.currentStep(state)?.id ?? event.stepId;
  const [row] = await tx.update(applications).set({
    state, status: state.status, stepIndex: state.stepIndex, stepId, version: app.version + 1, updatedAt: now,
    ...(action.type === 'submit' ? { submittedAt: now } : {}),
  }).where(eq(applications.id, app.id)).returning();
  if (!row) throw new AppError('not_found');
  await recordAudit(tx, deps.audit, {
    action: `recognition.application.${action.type}`,
    entityType: 'recognition_application',
    entityId: app.id,
    scopeOrgId: app.recommenderId,
    before: { status: app.status, stepId: app.stepId, version: app.version },
    after: { status: row.status, stepId: row.stepId, version: row.version, clauses: event.clauses, text: event.text ?? null, digest },
  });
  return { row, event };
}

/** 409 with the current version, for optimistic concurrency. */
export function checkVersion(app: { version: number }, expected: number | undefined) {
  if (expected !== undefined && expected !== app.version) throw new AppError('conflict', { data: { currentVersion: app.version } });
}

/** Attachments cited by an event must be files of this application. */
export async function checkAttachments(tx: Db, applicationId: string, ids: string[]) {
  if (ids.length === 0) return;
  const found = await tx.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.applicationId, applicationId), inArray(attachments.id, ids)));
  if (found.length !== new Set(ids).size) throw new AppError('validation_failed', { fields: [{ field: 'attachmentIds', rule: 'invalid', message: 'an attachment does not belong to this application' }] });
}
