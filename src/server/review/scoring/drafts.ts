// Scoring: drafts are saved server-side at any time (offline-safe: what was typed is never lost),
// then submitted once, complete. Only after the declaration is signed, only while the round is
// open for scoring, only by the assigned expert.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZDraft, ZSubmission } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { reviewAssignments, reviewRounds } from '../tables.js';
import { missingCriteria, totalOf } from '../rounds/form.js';
import { assignmentDetail, assignmentInScope, type AssignmentRow } from './assignments.js';

async function scorable(tx: Db, a: AssignmentRow) {
  if (a.status === 'pending') throw new AppError('declaration_required');
  if (a.status !== 'accepted') throw new AppError('review_state', { data: { status: a.status } });
  const [round] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, a.roundId));
  if (round!.status !== 'applied') throw new AppError('review_state', { data: { round: round!.status } });
  return round!;
}

function unknownCriteria(form: { criteria: { clause: string }[] }, scores: Record<string, number>) {
  const bad = Object.keys(scores).filter((k) => !form.criteria.some((c) => c.clause === k));
  if (bad.length) throw new AppError('validation_failed', { fields: bad.map((k) => ({ field: `scores.${k}`, rule: 'unknown_criterion', message: `${k} is not a criterion of this form` })) });
}

export async function saveDraft(db: Db, actor: Actor, id: string, draft: z.infer<typeof ZDraft>) {
  await db.transaction(async (tx) => {
    const a = await assignmentInScope(tx, actor, id, 'update', { lock: true });
    const round = await scorable(tx, a);
    unknownCriteria(round.form, draft.scores);
    // Drafts are not audited: they are the expert's working notes until submitted.
    await tx.update(reviewAssignments).set({ draft, draftSavedAt: new Date(), version: a.version + 1 }).where(eq(reviewAssignments.id, id));
  });
  return assignmentDetail(db, actor, id);
}

export async function submitReview(db: Db, actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof ZSubmission>) {
  await db.transaction(async (tx) => {
    const a = await assignmentInScope(tx, actor, id, 'update', { lock: true });
    const round = await scorable(tx, a);
    unknownCriteria(round.form, input.scores);
    const missing = missingCriteria(round.form, input.scores);
    if (missing.length) throw new AppError('validation_failed', { fields: missing.map((c) => ({ field: `scores.${c}`, rule: 'required', message: `score the criterion ${c}` })) });
    const total = totalOf(round.form, input.scores);
    await tx.update(reviewAssignments).set({ submission: input, totalScore: total, status: 'submitted', submittedAt: new Date(), draft: { ...input }, version: a.version + 1 }).where(eq(reviewAssignments.id, id));
    await recordAudit(tx, audit, { action: 'review.submit', entityType: 'review_assignment', entityId: id, after: { applicationId: a.applicationId, total, recommendation: input.recommendation } });
  });
  return assignmentDetail(db, actor, id);
}
