// One application moving through its type's procedure. Pure: the state and the action go in, a
// new state and the event to record (with its clauses, for the audit row) come out — or a
// refusal with a code, the clause that refuses, and why. The server stores both in one transaction.
//
// Status: draft → (submit) in_progress → … → recognized (last recognition-phase step completed);
// return sends it back to the filing step as 'returned'; reject ends it; withdraw either pulls
// one's own submission back to edit it (before the deadline, while nobody has acted on it — the
// practice of provincial systems) or abandons the application ('withdrawn', by the applicant).
import type { Actor, ApplicationParty } from '../actors.js';
import { beijingDateOf, compareDates } from '../dates.js';
import type { StepInstance } from '../programme/schema.js';
import { refuse, type Refusal } from '../refusals.js';
import { addWorkingDays } from '../working-days.js';
import { inScope, recommendingKinds, type Relation } from './scope.js';
import { stepKinds } from './step-kinds.js';

export type ApplicationStatus = 'draft' | 'in_progress' | 'returned' | 'rejected' | 'recognized' | 'withdrawn';

export type Action =
  | { type: 'submit'; note?: string }
  | { type: 'approve'; opinion: string }
  | { type: 'return'; reason: string }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw'; mode: 'to_edit' | 'abandon'; reason?: string };
export type ActionType = Action['type'];

export type ProcedureEvent = {
  at: string;
  action: ActionType;
  stepId: string;
  fromStepIndex: number;
  toStepIndex: number;
  actorOrgId: string;
  actorOrgKind: Actor['orgKind'];
  clauses: string[];
  text?: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** The step is done (for a joint step, only the last of its parties completes it). */
  completesStep: boolean;
};

export type ProcedureState = { stepIndex: number; status: ApplicationStatus; history: ProcedureEvent[] };

export type ProcedureContext = {
  procedure: readonly StepInstance[];
  /** The type's procedure rule (a5.p2 …), cited for deadline refusals. */
  procedureClause: string;
  party: ApplicationParty;
  /** The call's deadline, an instant (read in Beijing time). */
  deadline: Date;
};

export type TransitionResult = { ok: true; state: ProcedureState; event: ProcedureEvent } | Refusal;

export const initialState = (): ProcedureState => ({ stepIndex: 0, status: 'draft', history: [] });

const terminal: readonly ApplicationStatus[] = ['rejected', 'withdrawn'];
const modeOf = (s: StepInstance) => stepKinds[s.kind].mode;
const relationOf = (s: StepInstance): Relation =>
  s.kind === 'recommend' ? ((s.params as { relation?: Relation } | undefined)?.relation ?? 'affiliation_or_territory') : 'affiliation_or_territory';
const firstClause = (s: StepInstance) => s.clauses[0] ?? '';
const blank = (t: string | undefined) => !t || t.trim() === '';

/** The event that made the current step current (the previous step completing, a return, a withdrawal). */
function enteredAt(state: ProcedureState): ProcedureEvent | undefined {
  return state.history.findLast((e) => e.toStepIndex === state.stepIndex && (e.fromStepIndex !== e.toStepIndex || e.action === 'return'));
}

/** Approvals given so far on the current step (joint steps collect one per org kind). */
function partialApprovals(state: ProcedureState): ProcedureEvent[] {
  const entered = enteredAt(state);
  const since = entered ? state.history.indexOf(entered) + 1 : 0;
  return state.history.slice(since).filter((e) => e.action === 'approve' && e.fromStepIndex === state.stepIndex && !e.completesStep);
}

/**
 * Legal reading (regulation README, "Late filing after a return"): the deadline (a5.p2 … a8.p2
 * calls) bars filing late, but an application returned for revision (退回修改) after the deadline
 * was filed in time; the body that returned it asked for the revision, so refiling it, and the
 * steps up to where it was returned, are not late. A return before the deadline waives nothing.
 */
export function returnedAfterDeadline(history: readonly Pick<ProcedureEvent, 'action' | 'at'>[], deadline: Date): ProcedureEvent['at'] | null {
  return history.find((e) => e.action === 'return' && new Date(e.at) > deadline)?.at ?? null;
}

const deadlineWaived = (ctx: ProcedureContext, state: ProcedureState) => returnedAfterDeadline(state.history, ctx.deadline) !== null;

function checkActor(ctx: ProcedureContext, state: ProcedureState, actor: Actor): Refusal | null {
  const step = ctx.procedure[state.stepIndex];
  if (!step) return refuse('invalid_state', ctx.procedureClause);
  if (!step.actor.orgKinds.includes(actor.orgKind)) {
    const recommendStep = ctx.procedure.find((s) => s.kind === 'recommend');
    if (recommendStep && recommendingKinds.includes(actor.orgKind) && !recommendStep.actor.orgKinds.includes(actor.orgKind)) {
      return refuse('wrong_recommender', firstClause(recommendStep), undefined, { allowed: recommendStep.actor.orgKinds });
    }
    const later = ctx.procedure.findIndex((s, i) => i > state.stepIndex && s.actor.orgKinds.includes(actor.orgKind));
    if (later >= 0) {
      if (step.kind === 'zoneSupportOpinion') return refuse('missing_support_opinion', firstClause(step));
      return refuse('out_of_turn', firstClause(step), undefined, { currentStep: step.id });
    }
    return refuse('wrong_actor', firstClause(step), undefined, { currentStep: step.id, expected: step.actor.orgKinds });
  }
  if (!inScope(actor, ctx.party, relationOf(step))) return refuse('out_of_scope', firstClause(step), undefined, { currentStep: step.id });
  if (!actor.roles.includes(step.actor.role)) return refuse('missing_role', firstClause(step), undefined, { role: step.actor.role });
  return null;
}

function event(state: ProcedureState, step: StepInstance, action: Action, actor: Actor, now: Date, to: ApplicationStatus, toStepIndex: number, completesStep: boolean, text?: string): ProcedureEvent {
  const e: ProcedureEvent = {
    at: now.toISOString(),
    action: action.type,
    stepId: step.id,
    fromStepIndex: state.stepIndex,
    toStepIndex,
    actorOrgId: actor.orgId,
    actorOrgKind: actor.orgKind,
    clauses: step.clauses,
    from: state.status,
    to,
    completesStep,
  };
  if (text !== undefined) e.text = text;
  return e;
}

const done = (state: ProcedureState, e: ProcedureEvent): TransitionResult => ({
  ok: true,
  event: e,
  state: { stepIndex: e.toStepIndex, status: e.to, history: [...state.history, e] },
});

function withdraw(ctx: ProcedureContext, state: ProcedureState, action: Extract<Action, { type: 'withdraw' }>, actor: Actor, now: Date): TransitionResult {
  const submitIndex = ctx.procedure.findIndex((s) => modeOf(s) === 'submit');
  const submitStep = ctx.procedure[submitIndex];
  if (!submitStep) return refuse('invalid_state', ctx.procedureClause);
  if (action.mode === 'abandon') {
    if (state.status === 'recognized') return refuse('invalid_state', ctx.procedureClause);
    const isApplicant = actor.orgId === ctx.party.applicantOrgId || (submitStep.actor.orgKinds.includes(actor.orgKind) && inScope(actor, ctx.party));
    if (!isApplicant) return refuse('not_own_submission', firstClause(submitStep));
    return done(state, event(state, submitStep, action, actor, now, 'withdrawn', state.stepIndex, false, action.reason));
  }
  if (state.status !== 'in_progress') return refuse('invalid_state', ctx.procedureClause);
  const last = state.history.at(-1);
  if (!last || !last.completesStep || last.toStepIndex !== state.stepIndex || last.actorOrgId !== actor.orgId || !['submit', 'approve'].includes(last.action)) {
    return refuse('not_own_submission', ctx.procedure[state.stepIndex] ? firstClause(ctx.procedure[state.stepIndex]!) : ctx.procedureClause);
  }
  if (now > ctx.deadline && !deadlineWaived(ctx, state)) return refuse('deadline_passed', ctx.procedureClause, undefined, { deadline: ctx.deadline.toISOString() });
  const back = ctx.procedure[last.fromStepIndex];
  if (!back) return refuse('invalid_state', ctx.procedureClause);
  const to: ApplicationStatus = last.fromStepIndex <= submitIndex ? 'draft' : 'in_progress';
  return done(state, event(state, back, action, actor, now, to, last.fromStepIndex, false, action.reason));
}

/** Try an action. Never throws for a user mistake: every "no" is a Refusal value. */
export function apply(ctx: ProcedureContext, state: ProcedureState, action: Action, actor: Actor, now: Date): TransitionResult {
  if (terminal.includes(state.status)) return refuse('invalid_state', ctx.procedureClause, undefined, { status: state.status });
  if (action.type === 'withdraw') return withdraw(ctx, state, action, actor, now);
  const step = ctx.procedure[state.stepIndex];
  if (!step) return refuse('invalid_state', ctx.procedureClause, { zh: '程序已全部完成', en: 'The procedure is complete' });
  const kind = stepKinds[step.kind];
  const actorProblem = checkActor(ctx, state, actor);
  if (actorProblem) return actorProblem;

  const allowed =
    (action.type === 'submit' && kind.mode === 'submit' && (state.status === 'draft' || state.status === 'returned')) ||
    (action.type === 'approve' && kind.mode !== 'submit') ||
    (action.type === 'return' && kind.canReturn && state.status === 'in_progress') ||
    (action.type === 'reject' && kind.canReject && state.status === 'in_progress');
  if (!allowed) return refuse('invalid_state', firstClause(step), undefined, { action: action.type, step: step.id, status: state.status });

  if (step.deadlineBound && now > ctx.deadline && !deadlineWaived(ctx, state)) {
    return refuse('deadline_passed', ctx.procedureClause, undefined, { deadline: ctx.deadline.toISOString() });
  }

  switch (action.type) {
    case 'submit':
      return done(state, event(state, step, action, actor, now, 'in_progress', state.stepIndex + 1, true, action.note));
    case 'return': {
      if (blank(action.reason)) return refuse('reason_required', firstClause(step));
      const submitIndex = ctx.procedure.findIndex((s) => modeOf(s) === 'submit');
      return done(state, event(state, step, action, actor, now, 'returned', submitIndex, true, action.reason));
    }
    case 'reject':
      if (blank(action.reason)) return refuse('reason_required', firstClause(step));
      return done(state, event(state, step, action, actor, now, 'rejected', state.stepIndex, true, action.reason));
    case 'approve': {
      if (blank(action.opinion)) return refuse('opinion_required', firstClause(step));
      const partial = partialApprovals(state);
      if (partial.some((e) => e.actorOrgKind === actor.orgKind)) return refuse('invalid_state', firstClause(step), { zh: '本单位已签署', en: 'Your organization has already signed' });
      if (step.kind === 'publicNotice') {
        const running = noticeStillRunning(state, step, now);
        if (running) return running;
      }
      const signedKinds = new Set([...partial.map((e) => e.actorOrgKind), actor.orgKind]);
      const complete = !step.actor.joint || step.actor.orgKinds.every((k) => signedKinds.has(k));
      if (!complete) return done(state, event(state, step, action, actor, now, state.status, state.stepIndex, false, action.opinion));
      const lastRecognitionStep = ctx.procedure.findLastIndex((s) => s.phase === 'recognition');
      const to: ApplicationStatus = state.stepIndex === lastRecognitionStep ? 'recognized' : state.status;
      return done(state, event(state, step, action, actor, now, to, state.stepIndex + 1, true, action.opinion));
    }
  }
}

/** 公示: the notice runs N working days from the day after it opened; it may be closed the day after. */
function noticeStillRunning(state: ProcedureState, step: StepInstance, now: Date): Refusal | null {
  const opened = enteredAt(state);
  if (!opened) return null;
  const days = (step.params as { workingDays: number }).workingDays;
  const end = addWorkingDays(beijingDateOf(new Date(opened.at)), days, firstClause(step));
  if (!end.ok) return refuse('calendar_year_missing', firstClause(step), undefined, { year: end.year });
  if (compareDates(beijingDateOf(now), end.date) <= 0) return refuse('notice_period_running', firstClause(step), undefined, { endsOn: end.date });
  return null;
}

const probes: Action[] = [
  { type: 'submit', note: 'probe' },
  { type: 'approve', opinion: 'probe' },
  { type: 'return', reason: 'probe' },
  { type: 'reject', reason: 'probe' },
  { type: 'withdraw', mode: 'to_edit' },
  { type: 'withdraw', mode: 'abandon' },
];

/** What this actor may do now: the actions `apply` would accept (texts aside). */
export function availableActions(ctx: ProcedureContext, state: ProcedureState, actor: Actor, now: Date): Action[] {
  return probes.filter((a) => apply(ctx, state, a, actor, now).ok);
}

/** Bind a context once: `m.apply(state, action, actor, now)`, `m.availableActions(state, actor, now)`. */
export function procedureMachine(ctx: ProcedureContext) {
  return {
    ctx,
    initial: initialState,
    currentStep: (state: ProcedureState): StepInstance | undefined => ctx.procedure[state.stepIndex],
    apply: (state: ProcedureState, action: Action, actor: Actor, now: Date) => apply(ctx, state, action, actor, now),
    availableActions: (state: ProcedureState, actor: Actor, now: Date) => availableActions(ctx, state, actor, now),
  };
}
