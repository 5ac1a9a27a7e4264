// Replacements after declines: the engine's replaceDeclined over the round as it stands (live
// assignments and replacements already proposed are kept fixed, every declined pair forbidden),
// then the ministry applies them, re-checked like any assignment.
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { checkAssignment, replaceDeclined, type AssignedPair, type Pair } from '../assignment/index.js';
import { reviewAssignments, reviewRounds } from '../tables.js';
import type { PendingReplacement } from '../types.js';
import { currentInstance, fromStored, requireStatus, requireVersion, roundOf, roundView, type RoundRow } from '../rounds/round-store.js';
import { violationError } from '../rounds/adjust-round.js';
import { liveAssignments } from './assignments.js';

const engineSource = (s: string): AssignedPair['source'] => (s === 'random' || s === 'manual' ? s : 'optimized');

async function roundPairs(tx: Db, round: RoundRow) {
  const { live, declined } = await liveAssignments(tx, round.id);
  const pending = round.pendingReplacements.filter((r) => r.replacementExpertId);
  const kept: AssignedPair[] = [
    ...live.map((a) => ({ applicationId: a.applicationId, expertId: a.expertUserId, score: a.matchScore, source: engineSource(a.source) })),
    ...pending.map((r) => ({ applicationId: r.applicationId, expertId: r.replacementExpertId!, score: r.score ?? 0, source: 'optimized' as const })),
  ];
  const forbidden: Pair[] = declined.map((a) => ({ applicationId: a.applicationId, expertId: a.expertUserId }));
  return { kept, forbidden, pending };
}

/** Inside the decline's transaction, after the assignment is marked declined. */
export async function computeReplacement(tx: Db, round: RoundRow, declined: Pair): Promise<PendingReplacement> {
  const stored = round.proposal!;
  const { inst } = await currentInstance(tx, round, stored.applicationIds, stored.seed);
  const { kept, forbidden } = await roundPairs(tx, round);
  const others = forbidden.filter((f) => !(f.applicationId === declined.applicationId && f.expertId === declined.expertId));
  const base = { ...fromStored(stored, inst, inst.params), pairs: [...kept, { ...declined, score: 0, source: 'optimized' as const }], forbidden: others };
  const { replacements } = replaceDeclined(inst, base, [declined]);
  const r = replacements[0]!;
  return { applicationId: r.applicationId, declinedExpertId: r.declinedExpertId, replacementExpertId: r.replacementExpertId, score: r.score };
}

export async function applyReplacements(db: Db, actor: Actor, audit: AuditActor, id: string, version: number) {
  return db.transaction(async (tx) => {
    const round = await roundOf(tx, actor, id, 'decide', { lock: true });
    requireStatus(round, 'applied');
    requireVersion(round, version);
    const stored = round.proposal!;
    const { inst } = await currentInstance(tx, round, stored.applicationIds, stored.seed);
    const { kept, forbidden, pending } = await roundPairs(tx, round);
    const errors = checkAssignment(inst, kept, forbidden).filter((v) => v.severity === 'error');
    if (errors.length) throw violationError(errors);
    if (pending.length) {
      await tx.insert(reviewAssignments).values(pending.map((r) => ({
        roundId: id, applicationId: r.applicationId, expertUserId: r.replacementExpertId!, source: 'replacement', matchScore: r.score ?? 0,
      })));
    }
    const [row] = await tx.update(reviewRounds).set({ pendingReplacements: [], version: round.version + 1 }).where(eq(reviewRounds.id, id)).returning();
    await recordAudit(tx, audit, { action: 'review.replacements_apply', entityType: 'review_round', entityId: id, after: { replacements: round.pendingReplacements } });
    return roundView(tx, row!);
  });
}
