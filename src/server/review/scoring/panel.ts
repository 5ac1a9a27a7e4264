// The panel stage (会评). Until the ministry opens it experts see only their own scores; then
// every panel member sees the aggregation of their application. The panel's conclusion —
// consensus opinion, vote, judgements per condition clause — is written into recognition as the
// review result, scored with the trimmed mean.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZAggregate, ZPanelInput } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { users } from '../../accounts/tables.js';
import { reviewPanels, reviewRounds } from '../tables.js';
import { requireStatus, requireVersion, roundOf, roundView } from '../rounds/round-store.js';
import { writeExpertResult } from '../results/write-result.js';
import { concludeAssessmentPanel } from './assessment-panel.js';
import { aggregate, AGGREGATION_RULE } from './aggregate.js';
import { assignmentInScope, liveAssignments } from './assignments.js';

export async function aggregateOf(db: Db, roundId: string, applicationId: string): Promise<z.infer<typeof ZAggregate>> {
  const { live } = await liveAssignments(db, roundId, [applicationId]);
  const submitted = live.filter((a) => a.status === 'submitted' && a.totalScore !== null);
  const names = new Map(live.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, live.map((a) => a.expertUserId)))).map((u) => [u.id, u.name]) : []);
  const agg = aggregate(submitted.map((a) => ({
    assignmentId: a.id, expertId: a.expertUserId, name: names.get(a.expertUserId) ?? '', total: a.totalScore!, recommendation: a.submission!.recommendation,
  })));
  return {
    applicationId, n: agg.n, mean: agg.mean, trimmedMean: agg.trimmedMean, spread: agg.spread, trimmed: agg.trimmed,
    recommendations: { recommend: agg.reviews.filter((r) => r.recommendation === 'recommend').length, notRecommend: agg.reviews.filter((r) => r.recommendation === 'not_recommend').length },
    reviews: agg.reviews, pending: live.length - submitted.length, rule: AGGREGATION_RULE,
  };
}

/** The ministry's view of one application's scores (any stage). */
export async function roundAggregate(db: Db, actor: Actor, roundId: string, applicationId: string) {
  const round = await roundOf(db, actor, roundId, 'read');
  if (!round.proposal?.applicationIds.includes(applicationId)) throw new AppError('not_found');
  return aggregateOf(db, roundId, applicationId);
}

/** A panel member's view: only once the round is at the panel stage. */
export async function panelForExpert(db: Db, actor: Actor, assignmentId: string) {
  const a = await assignmentInScope(db, actor, assignmentId, 'read');
  const [round] = await db.select({ status: reviewRounds.status }).from(reviewRounds).where(eq(reviewRounds.id, a.roundId));
  if (round!.status !== 'panel' || a.status === 'declined') throw new AppError('review_state', { data: { round: round!.status } });
  return aggregateOf(db, a.roundId, a.applicationId);
}

export async function openPanelStage(db: Db, actor: Actor, audit: AuditActor, id: string, version: number) {
  return db.transaction(async (tx) => {
    const round = await roundOf(tx, actor, id, 'decide', { lock: true });
    requireStatus(round, 'applied');
    requireVersion(round, version);
    const [row] = await tx.update(reviewRounds).set({ status: 'panel', version: round.version + 1 }).where(eq(reviewRounds.id, id)).returning();
    await recordAudit(tx, audit, { action: 'review.panel_open', entityType: 'review_round', entityId: id });
    return roundView(tx, row!);
  });
}

export async function concludePanel(db: Db, actor: Actor, audit: AuditActor, roundId: string, applicationId: string, input: z.infer<typeof ZPanelInput>) {
  return db.transaction(async (tx) => {
    const round = await roundOf(tx, actor, roundId, 'decide', { lock: true });
    requireStatus(round, 'panel');
    if (!round.proposal?.applicationIds.includes(applicationId)) throw new AppError('not_found');
    const [done] = await tx.select({ id: reviewPanels.id }).from(reviewPanels).where(and(eq(reviewPanels.roundId, roundId), eq(reviewPanels.applicationId, applicationId)));
    if (done) throw new AppError('duplicate', { data: { panelId: done.id } });
    const agg = await aggregateOf(tx, roundId, applicationId);
    if (agg.n === 0) throw new AppError('review_state', { message: { zh: '尚无专家提交评分', en: 'No expert has submitted a score yet' } });
    const unknown = input.judgements.filter((j) => !round.form.criteria.some((c) => c.clause === j.clause));
    if (unknown.length) throw new AppError('validation_failed', { fields: unknown.map((j) => ({ field: 'judgements', rule: 'unknown_criterion', message: `${j.clause} is not a criterion of this form` })) });
    // Recognition: a review result row in the application. Assessment: the indicators' scores in the base's year.
    const assessed = round.kind === 'assessment' ? await concludeAssessmentPanel(tx, audit, round, applicationId, actor.userId) : null;
    const written = assessed ? null : await writeExpertResult(tx, {
      applicationId, kind: 'review', score: agg.trimmedMean, result: null,
      opinion: input.opinion, judgements: input.judgements, panel: agg.reviews.map((r) => r.name),
      recordedBy: actor.userId, recordedByOrgId: actor.orgId,
    });
    const resultId = written?.row.id ?? null;
    const [panel] = await tx.insert(reviewPanels).values({
      roundId, applicationId, opinion: input.opinion, recommendation: input.recommendation, votes: input.votes, judgements: input.judgements,
      aggregate: { n: agg.n, mean: agg.mean, trimmedMean: agg.trimmedMean, spread: agg.spread, trimmed: agg.trimmed }, resultId, concludedBy: actor.userId,
    }).returning();
    await recordAudit(tx, audit, {
      action: 'review.panel_conclude', entityType: assessed ? 'base' : 'recognition_application', entityId: assessed?.baseId ?? applicationId,
      scopeOrgId: assessed ? assessed.scopeOrgId : written!.scopeOrgId,
      after: { roundId, subjectId: applicationId, resultId, score: agg.trimmedMean, indicatorScores: assessed?.scores, recommendation: input.recommendation, votes: input.votes, clauses: round.form.criteria.map((c) => c.clause) },
    });
    return { id: panel!.id, roundId, applicationId, opinion: panel!.opinion, recommendation: input.recommendation, votes: input.votes, score: agg.trimmedMean, resultId, concludedAt: panel!.concludedAt.toISOString() };
  });
}
