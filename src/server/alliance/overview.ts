// What the alliance page opens with: the actor's standing (secretariat, ministry, member base,
// non-member, recommending department), its bases in scope with their membership and whether
// each may apply (a18.s1), and the alliance's counts for those who may see member data.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { joinVerdict, type MembershipStatus } from '../../regulation/alliance.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { scopeFor } from '../platform/authz/policy.js';
import { AppError } from '../platform/http/errors.js';
import { baseScope } from '../bases/scope.js';
import { bases } from '../bases/tables.js';
import { latestMemberships } from './memberships.js';
import { seesAll } from './scope.js';
import { allianceEvents, allianceGroups, allianceMemberships, allianceResources } from './tables.js';

const n = sql<number>`count(*)::int`;

export async function overview(db: Db, actor: Actor) {
  const scope = scopeFor(actor.roles, 'alliance', 'read');
  if (!scope) throw new AppError('forbidden');
  const all = scope === 'all';
  // The secretariat and the ministry see the whole alliance through the member lists, not as "my bases".
  const mine = all ? [] : await db.select({ baseId: bases.id, code: bases.code, nameZh: bases.nameZh, nameEn: bases.nameEn, status: bases.status })
    .from(bases).where(and(baseScope(actor, 'read', 'alliance'), ne(bases.status, 'revoked'))).orderBy(asc(bases.code)).limit(200);
  const latest = await latestMemberships(db, mine.map((b) => b.baseId));
  const rows = mine.map((b) => {
    const m = latest.get(b.baseId) ?? null;
    const open = m && (m.status === 'applied' || m.status === 'member') ? (m.status as MembershipStatus) : null;
    const v = joinVerdict(b.status, open);
    return { ...b, membership: m, join: { met: v.met === true, because: v.because, clause: v.clause } };
  });
  const member = rows.some((r) => r.membership?.status === 'member');
  const role = all ? (scopeFor(actor.roles, 'alliance', 'decide') ? 'secretariat' : 'ministry') : scope === 'recommended' ? 'recommender' : member ? 'member' : 'non_member';
  const counts = all || member ? await countsOf(db) : null;
  return { role, canDecide: scopeFor(actor.roles, 'alliance', 'decide') !== null, bases: rows, counts } as const;
}

async function countsOf(db: Db) {
  const one = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  return {
    members: await one(db.select({ n }).from(allianceMemberships).where(eq(allianceMemberships.status, 'member'))),
    pending: await one(db.select({ n }).from(allianceMemberships).where(eq(allianceMemberships.status, 'applied'))),
    groups: await one(db.select({ n }).from(allianceGroups)),
    resources: await one(db.select({ n }).from(allianceResources)),
    events: await one(db.select({ n }).from(allianceEvents)),
  };
}
