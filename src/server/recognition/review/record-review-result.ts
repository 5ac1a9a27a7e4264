// Expert review (评审) and assessment (考核) results, recorded by the body organizing the review
// (a5.p2.i3, a6.p2.i2, a7.p2.i2, a8.p2.i2) until the expert module writes the same rows. Allowed
// from the review step until the comprehensive evaluation is done; the step itself is then
// approved with a signed opinion like any other.
import type { z } from 'zod';
import { inScope, refuse } from '../../../regulation/index.js';
import type { ZReviewResultInput } from '../../../contracts/recognition.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { requireNationalBody } from '../guards.js';
import { loadApplication, procedureFor } from '../load.js';
import { refusalError } from '../refusal.js';
import { reviewResults } from '../tables.js';

export async function recordReviewResult(db: Db, actor: Actor, audit: AuditActor, applicationId: string, input: z.infer<typeof ZReviewResultInput>) {
  const d = requireNationalBody(actor);
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, actor, applicationId, 'read', { lock: true });
    const { type, machine } = await procedureFor(tx, app, actor);
    const review = type.procedure.findIndex((s) => s.kind === 'expertReview');
    const evaluate = type.procedure.findIndex((s) => s.kind === 'comprehensiveEvaluation');
    const step = type.procedure[review];
    if (!step) throw refusalError(refuse('invalid_state', type.procedureClause));
    const clause = step.clauses[0]!;
    if (!step.actor.orgKinds.includes(d.orgKind)) throw refusalError(refuse('wrong_actor', clause, undefined, { expected: step.actor.orgKinds }));
    if (!inScope(d, machine.ctx.party)) throw refusalError(refuse('out_of_scope', clause));
    if (app.status !== 'in_progress' || app.stepIndex < review || app.stepIndex > evaluate) {
      throw refusalError(refuse(app.stepIndex < review ? 'out_of_turn' : 'invalid_state', clause, undefined, { currentStep: app.stepId }));
    }
    const [row] = await tx.insert(reviewResults).values({
      applicationId: app.id, kind: input.kind, score: input.kind === 'review' ? input.score : null, result: input.kind === 'assessment' ? input.result : null,
      opinion: input.opinion, judgements: input.judgements, panel: input.panel, source: 'manual', recordedBy: actor.userId, recordedByOrgId: actor.orgId,
    }).returning();
    await recordAudit(tx, audit, { action: 'recognition.review_result.record', entityType: 'recognition_application', entityId: app.id, scopeOrgId: app.recommenderId, after: { resultId: row!.id, kind: input.kind, score: row!.score, result: row!.result, clauses: step.clauses } });
    return {
      id: row!.id, kind: row!.kind as 'review' | 'assessment', score: row!.score, result: (row!.result ?? null) as 'pass' | 'fail' | null, opinion: row!.opinion,
      judgements: row!.judgements, panel: row!.panel, source: row!.source, recordedBy: row!.recordedBy, recordedAt: row!.recordedAt.toISOString(),
    };
  });
}
