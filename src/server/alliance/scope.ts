// Who sees what of the alliance. The policy's `alliance` cells scope a base's standing through the
// base's own columns (as for every base record); member-only data (directory, groups, resources,
// announcements, events) additionally needs a current membership of one of the actor's bases —
// the secretariat and the ministry (scope 'all') see everything. A non-member gets the same 404 as
// a missing record (a18.s1: the alliance is an organization of its members).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { scopeFor, type Action } from '../platform/authz/policy.js';
import { AppError } from '../platform/http/errors.js';
import { baseInScope, baseScope, type BaseRow } from '../bases/scope.js';
import { bases } from '../bases/tables.js';
import { allianceMemberships } from './tables.js';

/** The alliance-wide view (secretariat, ministry): every member's data. */
export const seesAll = (actor: Actor): boolean => scopeFor(actor.roles, 'alliance', 'read') === 'all';

/** The secretariat's acts (a18.s2): admissions, groups, events, attendance, announcements. */
export function requireSecretariat(actor: Actor): void {
  if (scopeFor(actor.roles, 'alliance', 'decide') === null) throw new AppError('forbidden');
}

/** The actor's bases (in the alliance scope for `action`) that are current members. */
export async function memberBasesOf(db: Db, actor: Actor, action: Action = 'read'): Promise<string[]> {
  const rows = await db.select({ id: bases.id }).from(bases)
    .innerJoin(allianceMemberships, and(eq(allianceMemberships.baseId, bases.id), eq(allianceMemberships.status, 'member')))
    .where(baseScope(actor, action, 'alliance'));
  return rows.map((r) => r.id);
}

/** Member-only data: the secretariat and the ministry, or an actor one of whose bases is a member; else 404. */
export async function requireMemberView(db: Db, actor: Actor): Promise<void> {
  scopeFor(actor.roles, 'alliance', 'read') ?? (() => { throw new AppError('forbidden'); })();
  if (seesAll(actor)) return;
  const [row] = await db.select({ one: sql<number>`1` }).from(bases)
    .innerJoin(allianceMemberships, and(eq(allianceMemberships.baseId, bases.id), eq(allianceMemberships.status, 'member')))
    .where(baseScope(actor, 'read', 'alliance')).limit(1);
  if (!row) throw new AppError('not_found');
}

/** A base the actor may act for in the alliance (`create`: apply, register, post; `update`: leave, links). */
export const allianceBase = (db: Db, actor: Actor, baseId: string, action: Action): Promise<BaseRow> => baseInScope(db, actor, baseId, action, 'alliance');

/** The base's current (open) membership row, locked for the transaction's update. */
export async function openMembership(tx: Db, baseId: string) {
  const [row] = await tx.select().from(allianceMemberships)
    .where(and(eq(allianceMemberships.baseId, baseId), sql`${allianceMemberships.status} in ('applied', 'member')`)).for('update');
  return row ?? null;
}
