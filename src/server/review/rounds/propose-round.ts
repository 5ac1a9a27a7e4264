// encode → feasibility (with advice) → seeded random draw → min-cost flow → proposal, stored with
// its seed and the rule configuration it used. Nothing is written to assignments here.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { findType } from '../../../regulation/index.js';
import { programmeOf } from '../../recognition/programmes.js';
import { calls } from '../../recognition/tables.js';
import { solveInstance } from '../assignment/index.js';
import { reviewRounds } from '../tables.js';
import { reviewStepOf } from './create-round.js';
import { applicationsAtReview, currentInstance, requireStatus, roundOf, roundView, toStored, type RoundRow } from './round-store.js';
import { ASSESSMENT_CLAUSE } from './create-assessment-round.js';
import { summariesToAssess } from '../../bases/assessment/review-adapter.js';

/** The round's subjects now: applications at the expert-review step, or summaries ready for assessment. */
async function subjectsOf(db: Db, actor: Actor, round: RoundRow): Promise<{ appIds: string[]; clauses: string[] }> {
  if (round.kind === 'assessment') return { appIds: await summariesToAssess(db, round.year, round.typeId), clauses: [ASSESSMENT_CLAUSE] };
  const [call] = await db.select().from(calls).where(eq(calls.id, round.callId!));
  const type = findType(await programmeOf(db, call!.programmeKey), round.typeId)!;
  const step = reviewStepOf(type, actor);
  return { appIds: await applicationsAtReview(db, round.callId!, round.typeId, step.id), clauses: step.clauses };
}

export async function proposeRound(db: Db, actor: Actor, audit: AuditActor, id: string, body: { seed?: string | undefined }) {
  const round = await roundOf(db, actor, id, 'decide');
  requireStatus(round, 'draft', 'proposed');
  const { appIds, clauses } = await subjectsOf(db, actor, round);
  // The seed is stored with the proposal: the same seed over the same data replays the same draw.
  const seed = body.seed ?? round.params.seed ?? randomBytes(8).toString('hex');
  const { inst, config } = await currentInstance(db, round, appIds, seed);
  const { proposal } = solveInstance(inst);
  const stored = toStored(proposal, appIds, config, inst.conflicts.countByRule());
  return db.transaction(async (tx) => {
    const [row] = await tx.update(reviewRounds).set({ proposal: stored, status: 'proposed', version: round.version + 1 }).where(eq(reviewRounds.id, id)).returning();
    await recordAudit(tx, audit, { action: 'review.round_propose', entityType: 'review_round', entityId: id, after: {
      seed, applications: appIds.length, pairs: stored.pairs.length, objective: stored.objective.value, feasible: stored.feasibility.ok, clauses,
    } });
    return roundView(tx, row!);
  });
}
