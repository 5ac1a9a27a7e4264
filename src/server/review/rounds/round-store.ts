// Loading and storing rounds: the proposal as JSON (the engine's typed arrays as plain arrays),
// the instance rebuilt from current data (so every check sees today's conflicts and statuses),
// and the round's outward view.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZRound } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor, type Action } from '../../platform/authz/policy.js';
import { AppError } from '../../platform/http/errors.js';
import { users } from '../../accounts/tables.js';
import { applications } from '../../recognition/tables.js';
import { encode, type ConflictConfig, type Instance, type Proposal } from '../assignment/index.js';
import { conflictConfigFor } from '../conflicts/rules-config.js';
import { reviewRounds } from '../tables.js';
import type { StoredProposal } from '../types.js';
import { roundInput } from './instance-input.js';

export type RoundRow = typeof reviewRounds.$inferSelect;
export type Round = z.infer<typeof ZRound>;

/** Rounds are the organizing body's: a role with a narrower review scope (experts) does not see them. */
export async function roundOf(db: Db, actor: Actor, id: string, action: Action, opts: { lock?: boolean } = {}): Promise<RoundRow> {
  const scope = scopeFor(actor.roles, 'review', action);
  if (!scope) throw new AppError('forbidden');
  if (scope !== 'all') throw new AppError('not_found');
  const q = db.select().from(reviewRounds).where(eq(reviewRounds.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

export function requireStatus(round: RoundRow, ...allowed: string[]) {
  if (!allowed.includes(round.status)) throw new AppError('review_state', { data: { status: round.status, allowed } });
}

export function requireVersion(round: RoundRow, version: number) {
  if (round.version !== version) throw new AppError('conflict', { data: { version: round.version } });
}

export function toStored(p: Proposal, applicationIds: string[], conflictConfig: ConflictConfig, conflicts: Record<string, number>): StoredProposal {
  return {
    seed: p.seed, applicationIds, conflictConfig, pairs: [...p.pairs], fixed: [...p.fixed], forbidden: [...p.forbidden], unfilled: [...p.unfilled],
    objective: { ...p.objective },
    potentials: { source: p.potentials.source, unfilled: p.potentials.unfilled, experts: [...p.potentials.experts], groups: [...p.potentials.groups], applications: [...p.potentials.applications] },
    feasibility: p.feasibility, conflicts, computedAt: new Date().toISOString(),
  };
}

/**
 * Back to the engine's Proposal for `inst`. Potentials only feed the "needed elsewhere" wording of
 * explanations; when the pool changed since the proposal they no longer line up and are zeroed.
 */
export function fromStored(s: StoredProposal, inst: Instance, params: Proposal['params']): Proposal {
  const fits = s.potentials.experts.length === inst.experts.length && s.potentials.applications.length === inst.apps.length;
  const arr = (xs: number[], n: number) => (fits ? Float64Array.from(xs) : new Float64Array(n));
  return {
    seed: s.seed, params, pairs: s.pairs, fixed: s.fixed, forbidden: s.forbidden, unfilled: s.unfilled, objective: s.objective,
    potentials: {
      source: fits ? s.potentials.source : 0, unfilled: fits ? s.potentials.unfilled : 0,
      experts: arr(s.potentials.experts, inst.experts.length), groups: arr(s.potentials.groups, inst.apps.length * inst.provinces.length),
      applications: arr(s.potentials.applications, inst.apps.length),
    },
    feasibility: s.feasibility, stats: { candidates: 0, pricingRounds: 0, addedColumns: 0, phases: 0, augmentations: 0, ms: 0 },
  };
}

/** The instance of a round as of now: current pool, relations, declarations and rule configuration. */
export async function currentInstance(db: Db, round: RoundRow, applicationIds: string[], seed: string) {
  const config = await conflictConfigFor(db, round.year);
  const { input, names } = await roundInput(db, applicationIds, round.params, seed, config, round.kind);
  return { inst: encode(input), names, config };
}

export async function roundView(db: Db, row: RoundRow): Promise<Round> {
  const p = row.proposal;
  const ids = p ? [...new Set(p.pairs.map((x) => x.expertId))] : [];
  const names = new Map(ids.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]) : []);
  return {
    id: row.id, kind: row.kind, callId: row.callId, typeId: row.typeId, year: row.year, title: row.title, status: row.status as Round['status'],
    params: row.params, form: row.form, pendingReplacements: row.pendingReplacements, appliedAt: row.appliedAt?.toISOString() ?? null, version: row.version,
    proposal: p ? {
      seed: p.seed, applicationIds: p.applicationIds,
      pairs: p.pairs.map((x) => ({ applicationId: x.applicationId, expertId: x.expertId, expertName: names.get(x.expertId) ?? '', score: x.score, source: x.source })),
      unfilled: p.unfilled, objective: { score: p.objective.score, value: p.objective.value },
      feasibility: { ok: p.feasibility.ok, slotsNeeded: p.feasibility.slotsNeeded, slotsOffered: p.feasibility.slotsOffered, issues: p.feasibility.issues.map((i) => ({ ...i })) },
      conflicts: p.conflicts, computedAt: p.computedAt,
    } : null,
  };
}

/** Applications of the call and type now at the expert review step. */
export async function applicationsAtReview(db: Db, callId: string, typeId: string, stepId: string): Promise<string[]> {
  const rows = await db.select({ id: applications.id }).from(applications)
    .where(and(eq(applications.callId, callId), eq(applications.typeId, typeId), eq(applications.status, 'in_progress'), eq(applications.stepId, stepId)))
    .orderBy(applications.createdAt, applications.id);
  return rows.map((r) => r.id);
}
