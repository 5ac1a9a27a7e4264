// 回避与保密承诺: before scoring, the expert signs the declaration or declines. A decline frees the
// slot; a decline for a conflict is also recorded as a declared conflict, so that no later
// proposal puts the pair back. The replacement is computed at once (replaceDeclined: the same
// flow over the vacated seats, every other pair kept) and waits for the ministry to apply it.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZDeclarationInput } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { insertDeclared } from '../conflicts/relations.js';
import { reviewAssignments, reviewRounds } from '../tables.js';
import { assignmentDetail, assignmentInScope } from './assignments.js';
import { computeReplacement } from './replacements.js';

export async function answerDeclaration(db: Db, actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof ZDeclarationInput>) {
  await db.transaction(async (tx) => {
    const a = await assignmentInScope(tx, actor, id, 'update', { lock: true });
    const [round] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, a.roundId)).for('update');
    if (round!.status !== 'applied') throw new AppError('review_state', { data: { round: round!.status } });
    const now = new Date();
    if (input.decision === 'sign') {
      if (a.status !== 'pending') throw new AppError('review_state', { data: { status: a.status } });
      await tx.update(reviewAssignments).set({ status: 'accepted', declaredAt: now, version: a.version + 1 }).where(eq(reviewAssignments.id, id));
      await recordAudit(tx, audit, { action: 'review.declaration_sign', entityType: 'review_assignment', entityId: id, after: { applicationId: a.applicationId, text: round!.form.declaration.zh } });
      return;
    }
    // A submitted review stands: declining afterwards would silently drop a score.
    if (a.status === 'submitted' || a.status === 'declined') throw new AppError('review_state', { data: { status: a.status } });
    await tx.update(reviewAssignments).set({ status: 'declined', declinedAt: now, declineReason: input.reason, version: a.version + 1 }).where(eq(reviewAssignments.id, id));
    if (input.conflict) await insertDeclared(tx, a.expertUserId, a.applicationId, input.reason, actor.userId, { subjectChecked: true });
    const replacement = await computeReplacement(tx, round!, { applicationId: a.applicationId, expertId: a.expertUserId });
    await tx.update(reviewRounds).set({ pendingReplacements: [...round!.pendingReplacements, replacement], version: round!.version + 1 }).where(eq(reviewRounds.id, round!.id));
    await recordAudit(tx, audit, { action: 'review.declaration_decline', entityType: 'review_assignment', entityId: id, after: { applicationId: a.applicationId, reason: input.reason, conflict: input.conflict, replacement } });
  });
  return assignmentDetail(db, actor, id);
}
