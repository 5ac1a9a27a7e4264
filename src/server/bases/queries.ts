// What other capabilities ask of the bases (recognition's a13.s5 ban and a4.s1 one-per-type rule).
// Plain reads by organization id, unscoped: the caller has already judged its actor's scope.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { mayApplyAgainOn, national2011, type IsoDate } from '../../regulation/index.js';
import type { Db } from '../platform/db/client.js';
import { bases } from './tables.js';

/** a13.s5: the revocations of bases hosted by an organization, oldest first. */
export async function revocationsOf(db: Db, orgId: string): Promise<{ revokedOn: IsoDate }[]> {
  const rows = await db.select({ revokedOn: bases.statusChangedOn }).from(bases)
    .where(and(eq(bases.hostOrgId, orgId), eq(bases.status, 'revoked'), isNotNull(bases.statusChangedOn))).orderBy(asc(bases.statusChangedOn));
  return rows.map((r) => ({ revokedOn: r.revokedOn! }));
}

/** a4.s1: the bases an organization hosts, by type and status. */
export async function heldBasesOf(db: Db, orgId: string): Promise<{ typeId: string; status: 'active' | 'notified' | 'revoked' }[]> {
  const rows = await db.select({ typeId: bases.typeId, status: bases.status }).from(bases).where(eq(bases.hostOrgId, orgId));
  return rows.map((r) => ({ typeId: r.typeId, status: r.status as 'active' | 'notified' | 'revoked' }));
}

/** a13.s5 for display: each revocation with the first day the unit may apply again. */
export async function banOf(db: Db, orgId: string) {
  const revocations = (await revocationsOf(db, orgId)).map((r) => ({ revokedOn: r.revokedOn, mayApplyAgainOn: mayApplyAgainOn(national2011, r.revokedOn) }));
  const last = revocations.map((r) => r.mayApplyAgainOn).sort().at(-1) ?? null;
  return { orgId, clause: 'a13.s5' as const, revocations, mayApplyFrom: last };
}
