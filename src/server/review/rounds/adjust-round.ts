// The ministry's hand adjustments and the apply step. Both re-check every constraint on the whole
// set (HotCRP's practice: one validation path for automatic and manual assignments) against the
// data as of now; a violation refuses the change and names it. Only apply writes assignments.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZAdjustInput } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { adjust, checkAssignment, type Violation } from '../assignment/index.js';
import { reviewAssignments, reviewRounds } from '../tables.js';
import { currentInstance, requireStatus, requireVersion, roundOf, roundView } from './round-store.js';

export const violationError = (violations: readonly Violation[]) =>
  new AppError('assignment_violation', { data: { violations: violations.map((v) => ({ ...v })) } });

export async function adjustRound(db: Db, actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof ZAdjustInput>) {
  const round = await roundOf(db, actor, id, 'decide');
  requireStatus(round, 'proposed');
  requireVersion(round, input.version);
  const stored = round.proposal!;
  const { inst } = await currentInstance(db, round, stored.applicationIds, stored.seed);
  const result = adjust(inst, stored.pairs, input.ops, stored.forbidden);
  if (!result.ok) throw violationError(result.violations.filter((v) => v.severity === 'error'));
  return db.transaction(async (tx) => {
    const locked = await roundOf(tx, actor, id, 'decide', { lock: true });
    requireVersion(locked, input.version);
    const next = { ...stored, pairs: [...result.pairs], objective: { ...stored.objective, score: result.pairs.reduce((s, p) => s + p.score, 0) } };
    const [row] = await tx.update(reviewRounds).set({ proposal: next, version: locked.version + 1 }).where(eq(reviewRounds.id, id)).returning();
    await recordAudit(tx, audit, { action: 'review.round_adjust', entityType: 'review_round', entityId: id, after: { ops: input.ops, warnings: result.violations.length } });
    return { round: await roundView(tx, row!), warnings: result.violations.map((v) => ({ ...v })) };
  });
}

export async function applyRound(db: Db, actor: Actor, audit: AuditActor, id: string, version: number) {
  const round = await roundOf(db, actor, id, 'decide');
  requireStatus(round, 'proposed');
  requireVersion(round, version);
  const stored = round.proposal!;
  const { inst } = await currentInstance(db, round, stored.applicationIds, stored.seed);
  const errors = checkAssignment(inst, stored.pairs, stored.forbidden).filter((v) => v.severity === 'error');
  if (errors.length) throw violationError(errors);
  return db.transaction(async (tx) => {
    const locked = await roundOf(tx, actor, id, 'decide', { lock: true });
    requireStatus(locked, 'proposed');
    requireVersion(locked, version);
    if (stored.pairs.length) {
      await tx.insert(reviewAssignments).values(stored.pairs.map((p) => ({
        roundId: id, applicationId: p.applicationId, expertUserId: p.expertId, source: p.source, matchScore: p.score,
      })));
    }
    const [row] = await tx.update(reviewRounds).set({ status: 'applied', appliedAt: new Date(), appliedBy: actor.userId, version: locked.version + 1 }).where(eq(reviewRounds.id, id)).returning();
    await recordAudit(tx, audit, { action: 'review.round_apply', entityType: 'review_round', entityId: id, after: { pairs: stored.pairs.length, seed: stored.seed } });
    return roundView(tx, row!);
  });
}
