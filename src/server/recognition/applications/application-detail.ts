// One application with its step bar (each step: clauses, acting bodies, done/current/pending and
// the event that completed it), its full signed history, files, review results, and what the
// viewer may do now — as the regulation's machine says, never re-worded here.
import { asc, eq } from 'drizzle-orm';
import { stepKinds, type Action, type ProcedureState } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { users } from '../../accounts/tables.js';
import { bases } from '../../bases/tables.js';
import { loadApplication, procedureFor, type ApplicationRow } from '../load.js';
import { applicationEvents, attachments, reviewResults } from '../tables.js';
import { clauseRef, orgsById, summaries } from './views.js';
import type { BaseTypeDef } from '../../../regulation/index.js';
import { inArray } from 'drizzle-orm';

const actionName = (a: Action) => (a.type === 'withdraw' ? `withdraw:${a.mode}` : a.type);

export function stepBar(type: BaseTypeDef, state: ProcedureState, eventIds: string[]) {
  return type.procedure.map((s, i) => {
    // The latest completion of this step that still stands (a return sends the application back).
    const k = state.history.findLastIndex((e) => e.fromStepIndex === i && e.completesStep && (e.action === 'approve' || e.action === 'submit'));
    const done = i < state.stepIndex;
    return {
      index: i, id: s.id, kind: s.kind, name: stepKinds[s.kind].name, clauses: s.clauses.map(clauseRef),
      actorKinds: s.actor.orgKinds, role: s.actor.role, joint: s.actor.joint, phase: s.phase, deadlineBound: s.deadlineBound,
      // A rejected or withdrawn application stays where it stopped: that step is shown as current.
      state: done ? ('done' as const) : i === state.stepIndex ? ('current' as const) : ('pending' as const),
      completedBy: done && k >= 0 ? (eventIds[k] ?? null) : null,
    };
  });
}

export async function eventsOf(db: Db, app: ApplicationRow, type: BaseTypeDef) {
  const rows = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id)).orderBy(asc(applicationEvents.seq));
  const orgs = await orgsById(db, rows.map((r) => r.actorOrgId));
  const userIds = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => !!x))];
  const names = new Map((userIds.length ? await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, userIds)) : []).map((u) => [u.id, u.displayName]));
  return rows.map((r) => {
    const step = type.procedure.find((s) => s.id === r.stepId);
    return {
      id: r.id, seq: r.seq, at: r.at.toISOString(), action: r.action, stepId: r.stepId,
      stepName: step ? stepKinds[step.kind].name : { zh: r.stepId, en: r.stepId },
      fromStatus: r.fromStatus, toStatus: r.toStatus, completesStep: r.completesStep,
      actor: { userId: r.actorUserId, displayName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null, org: orgs.get(r.actorOrgId)! },
      clauses: r.clauses.map(clauseRef), text: r.text, attachmentIds: r.attachmentIds, digest: r.digest, signature: r.signature,
    };
  });
}

export async function applicationDetail(db: Db, actor: Actor, id: string, now = new Date()) {
  const app = await loadApplication(db, actor, id, 'read');
  const { type, call, machine, viewer } = await procedureFor(db, app, actor);
  const [summary] = await summaries(db, [app]);
  const events = await eventsOf(db, app, type);
  // history[k] was written as event seq k + 1
  const eventIds = app.state.history.map((_, k) => events.find((e) => e.seq === k + 1)?.id ?? '');
  const files = await db.select({ id: attachments.id, filename: attachments.filename, declaredName: attachments.declaredName, mime: attachments.mime, size: attachments.size, sm3: attachments.sm3, createdAt: attachments.createdAt })
    .from(attachments).where(eq(attachments.applicationId, app.id)).orderBy(asc(attachments.createdAt));
  const results = await db.select().from(reviewResults).where(eq(reviewResults.applicationId, app.id)).orderBy(asc(reviewResults.recordedAt));
  const [base] = await db.select({ id: bases.id }).from(bases).where(eq(bases.applicationId, app.id));
  return {
    ...summary!,
    foreignPartners: app.foreignPartners,
    sections: app.sections,
    steps: stepBar(type, app.state, eventIds),
    events,
    attachments: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    reviewResults: results.map((r) => ({
      id: r.id, kind: r.kind as 'review' | 'assessment', score: r.score, result: (r.result ?? null) as 'pass' | 'fail' | null, opinion: r.opinion,
      judgements: r.judgements, panel: r.panel, source: r.source, recordedBy: r.recordedBy, recordedAt: r.recordedAt.toISOString(),
    })),
    availableActions: viewer ? machine.availableActions(app.state, viewer, now).map(actionName) : [],
    deadline: call.deadline.toISOString(),
    baseId: base?.id ?? null,
  };
}
