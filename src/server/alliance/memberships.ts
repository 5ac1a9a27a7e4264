// Joining and leaving the alliance (a18.s1), decided by the secretariat (a18.s2). Each change and
// its audit row commit together; the domain (regulation/alliance.ts) says what is allowed.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { joinVerdict, membershipStep, type MembershipActor, type MembershipStatus } from '../../regulation/alliance.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { refused } from '../bases/refusal.js';
import { today } from '../bases/clock.js';
import { bases } from '../bases/tables.js';
import { baseScope } from '../bases/scope.js';
import { allianceBase, openMembership, requireSecretariat, seesAll } from './scope.js';
import { allianceMemberships } from './tables.js';
import type { Membership } from '../../contracts/alliance.js';

const unmetToError = (v: { clause: string; because: { zh: string; en: string }; data?: Record<string, unknown> }) =>
  new AppError('rule_refused', { clause: v.clause, message: v.because, data: { code: 'not_eligible', ...(v.data ?? {}) } });

export async function applyToJoin(db: Db, actor: Actor, who: AuditActor, input: { baseId: string; statement: string }) {
  return db.transaction(async (tx) => {
    const base = await allianceBase(tx, actor, input.baseId, 'create');
    const open = await openMembership(tx, base.id);
    const v = joinVerdict(base.status, (open?.status as MembershipStatus | undefined) ?? null);
    if (!v.met) throw unmetToError(v);
    const [row] = await tx.insert(allianceMemberships).values({ baseId: base.id, status: 'applied', statement: input.statement, appliedBy: actor.userId }).returning();
    await recordAudit(tx, who, { action: 'alliance.membership.apply', entityType: 'alliance_membership', entityId: row!.id, scopeOrgId: base.recommenderId, after: { baseId: base.id, status: 'applied', clause: 'a18.s1' } });
    return row!.id;
  });
}

/** The secretariat accepts or declines an application (a18.s2). */
export async function decideApplication(db: Db, actor: Actor, who: AuditActor, id: string, input: { version: number; note: string }, accept: boolean) {
  requireSecretariat(actor);
  return db.transaction(async (tx) => {
    const [m] = await tx.select({ m: allianceMemberships, baseStatus: bases.status, recommenderId: bases.recommenderId })
      .from(allianceMemberships).innerJoin(bases, eq(bases.id, allianceMemberships.baseId)).where(eq(allianceMemberships.id, id)).for('update');
    if (!m) throw new AppError('not_found');
    if (m.m.version !== input.version) throw new AppError('conflict', { data: { version: m.m.version } });
    const step = membershipStep(m.m.status, accept ? 'accept' : 'decline', 'secretariat', { baseStatus: m.baseStatus, note: input.note });
    if (!step.ok) throw refused(step);
    await tx.update(allianceMemberships).set({
      status: step.to, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.note || null,
      joinedOn: accept ? today() : null, version: m.m.version + 1,
    }).where(eq(allianceMemberships.id, id));
    await recordAudit(tx, who, { action: accept ? 'alliance.membership.accept' : 'alliance.membership.decline', entityType: 'alliance_membership', entityId: id, scopeOrgId: m.recommenderId, before: { status: m.m.status }, after: { status: step.to, note: input.note, clause: step.clause } });
  });
}

/** A base leaves (or withdraws its application); the secretariat may record a leaving too. */
export async function leaveAlliance(db: Db, actor: Actor, who: AuditActor, id: string, input: { version: number; reason: string }) {
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(allianceMemberships).where(eq(allianceMemberships.id, id)).for('update');
    if (!m) throw new AppError('not_found');
    const base = await allianceBase(tx, actor, m.baseId, 'update');
    if (m.version !== input.version) throw new AppError('conflict', { data: { version: m.version } });
    const by: MembershipActor = seesAll(actor) ? 'secretariat' : 'base';
    const step = membershipStep(m.status, 'leave', by);
    if (!step.ok) throw refused(step);
    await tx.update(allianceMemberships).set({ status: step.to, leftOn: today(), leftReason: input.reason || null, version: m.version + 1 }).where(eq(allianceMemberships.id, id));
    await recordAudit(tx, who, { action: 'alliance.membership.leave', entityType: 'alliance_membership', entityId: id, scopeOrgId: base.recommenderId, before: { status: m.status }, after: { status: step.to, reason: input.reason, clause: step.clause } });
  });
}

/**
 * a18.s1 with a13.s4: a revoked base leaves the alliance on the day of revocation. Called inside
 * the revocation's own transaction (bases/consequences/revoke.ts), so both commit together.
 */
export async function endMembershipOnRevocation(tx: Db, who: AuditActor, baseId: string, on: string): Promise<void> {
  const open = await openMembership(tx, baseId);
  if (!open) return;
  const step = membershipStep(open.status, 'remove_revoked', 'system');
  if (!step.ok) return;
  await tx.update(allianceMemberships).set({ status: step.to, leftOn: on, leftReason: '国合基地资格已被取消（第十三条）', version: open.version + 1 }).where(eq(allianceMemberships.id, open.id));
  await recordAudit(tx, who, { action: 'alliance.membership.remove_revoked', entityType: 'alliance_membership', entityId: open.id, before: { status: open.status }, after: { status: step.to, clauses: ['a18.s1', 'a13.s4'] } });
}

const membershipCols = {
  id: allianceMemberships.id, baseId: allianceMemberships.baseId, baseCode: bases.code, baseNameZh: bases.nameZh, baseNameEn: bases.nameEn, baseStatus: bases.status,
  status: allianceMemberships.status, statement: allianceMemberships.statement, appliedAt: allianceMemberships.appliedAt, decidedAt: allianceMemberships.decidedAt,
  decisionNote: allianceMemberships.decisionNote, joinedOn: allianceMemberships.joinedOn, leftOn: allianceMemberships.leftOn, leftReason: allianceMemberships.leftReason, version: allianceMemberships.version,
};
type MembershipRow = {
  id: string; baseId: string; baseCode: string; baseNameZh: string; baseNameEn: string; baseStatus: string; status: string; statement: string;
  appliedAt: Date; decidedAt: Date | null; decisionNote: string | null; joinedOn: string | null; leftOn: string | null; leftReason: string | null; version: number;
};
export const membershipOut = (r: MembershipRow): Membership => ({
  ...r, status: r.status as Membership['status'], appliedAt: r.appliedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null,
});

/** Memberships in the actor's alliance scope (the secretariat: all; a base: its own), newest first. */
export async function listMemberships(db: Db, actor: Actor, status?: string) {
  const where = and(baseScope(actor, 'read', 'alliance'), status ? eq(allianceMemberships.status, status) : undefined);
  const rows = await db.select(membershipCols).from(allianceMemberships).innerJoin(bases, eq(bases.id, allianceMemberships.baseId))
    .where(where).orderBy(desc(allianceMemberships.appliedAt)).limit(500);
  return rows.map(membershipOut);
}

export async function membershipById(db: Db, actor: Actor, id: string) {
  const [row] = await db.select(membershipCols).from(allianceMemberships).innerJoin(bases, eq(bases.id, allianceMemberships.baseId))
    .where(and(eq(allianceMemberships.id, id), baseScope(actor, 'read', 'alliance')));
  if (!row) throw new AppError('not_found');
  return membershipOut(row);
}

/** Latest membership row per base, for the given bases. */
export async function latestMemberships(db: Db, baseIds: string[]) {
  if (!baseIds.length) return new Map<string, Membership>();
  const rows = await db.selectDistinctOn([allianceMemberships.baseId], membershipCols).from(allianceMemberships)
    .innerJoin(bases, eq(bases.id, allianceMemberships.baseId)).where(inArray(allianceMemberships.baseId, baseIds))
    .orderBy(allianceMemberships.baseId, desc(allianceMemberships.appliedAt));
  return new Map(rows.map((r) => [r.baseId as string, membershipOut(r)]));
}
