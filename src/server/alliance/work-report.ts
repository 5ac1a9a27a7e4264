// The secretariat's annual work report (a18.s2 统筹协调联盟日常工作), computed from the records:
// memberships joined and left, events with registration and attendance (a17.s1), resources shared,
// working groups, announcements, and each member's a20.s1 alignment reading. Nothing is typed.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { alignmentVerdict } from '../../regulation/alliance.js';
import type { WorkReport } from '../../contracts/alliance.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { beijingInstant } from '../../regulation/dates.js';
import { bases } from '../bases/tables.js';
import { linksOf } from './alignment.js';
import { seesAll } from './scope.js';
import { AppError } from '../platform/http/errors.js';
import { allianceAnnouncements, allianceEvents, allianceGroupMembers, allianceGroups, allianceMemberships, allianceRegistrations, allianceResources } from './tables.js';

const n = sql<number>`count(*)::int`;

export async function workReport(db: Db, actor: Actor, year: number): Promise<WorkReport> {
  // The secretariat's report, read by the secretariat and the ministry; to anyone else it does not exist.
  if (!seesAll(actor)) throw new AppError('not_found');
  const first = `${year}-01-01`, last = `${year}-12-31`;
  const from = beijingInstant(first), to = beijingInstant(`${year + 1}-01-01`);
  const m = allianceMemberships;
  const countWhere = async (where: ReturnType<typeof and>) => (await db.select({ n }).from(m).where(where))[0]?.n ?? 0;
  const membership = {
    joined: await countWhere(and(gte(m.joinedOn, first), lte(m.joinedOn, last))),
    left: await countWhere(and(eq(m.status, 'left'), gte(m.leftOn, first), lte(m.leftOn, last))),
    removed: await countWhere(and(eq(m.status, 'removed'), gte(m.leftOn, first), lte(m.leftOn, last))),
    declined: await countWhere(and(eq(m.status, 'declined'), gte(m.decidedAt, from), sql`${m.decidedAt} < ${to}`)),
    pending: await countWhere(eq(m.status, 'applied')),
    membersAtEnd: await countWhere(and(lte(m.joinedOn, last), sql`(${m.leftOn} is null or ${m.leftOn} > ${last})`)),
  };

  const r = allianceRegistrations;
  const events = await db.select({
    id: allianceEvents.id, kind: allianceEvents.kind, titleZh: allianceEvents.titleZh, startsOn: allianceEvents.startsOn,
    registeredBases: sql<number>`count(${r.id})::int`,
    attendedBases: sql<number>`count(${r.id}) filter (where ${r.attended})::int`,
    attendees: sql<number>`coalesce(sum(${r.attendees}) filter (where ${r.attended}), 0)::int`,
  }).from(allianceEvents).leftJoin(r, eq(r.eventId, allianceEvents.id))
    .where(and(gte(allianceEvents.startsOn, first), lte(allianceEvents.startsOn, last)))
    .groupBy(allianceEvents.id).orderBy(asc(allianceEvents.startsOn));
  const [basesAttending] = await db.select({ n: sql<number>`count(distinct ${r.baseId})::int` }).from(r).innerJoin(allianceEvents, eq(allianceEvents.id, r.eventId))
    .where(and(eq(r.attended, true), gte(allianceEvents.startsOn, first), lte(allianceEvents.startsOn, last)));
  const held = events.filter((e) => e.attendedBases > 0);
  const attendance = {
    events: held.length,
    trainings: held.filter((e) => e.kind === 'training').length,
    attendees: held.reduce((s, e) => s + e.attendees, 0),
    trainees: held.filter((e) => e.kind === 'training').reduce((s, e) => s + e.attendees, 0),
    basesAttending: basesAttending?.n ?? 0,
  };

  const byKindRows = await db.select({ kind: allianceResources.kind, n }).from(allianceResources)
    .where(and(gte(allianceResources.postedAt, from), sql`${allianceResources.postedAt} < ${to}`)).groupBy(allianceResources.kind);
  const byKind = Object.fromEntries(byKindRows.map((k) => [k.kind, k.n]));
  const groups = await db.select({ id: allianceGroups.id, nameZh: allianceGroups.nameZh, kind: allianceGroups.kind, members: sql<number>`count(${allianceGroupMembers.baseId})::int` })
    .from(allianceGroups).leftJoin(allianceGroupMembers, eq(allianceGroupMembers.groupId, allianceGroups.id)).groupBy(allianceGroups.id).orderBy(asc(allianceGroups.nameZh));
  const [ann] = await db.select({ n }).from(allianceAnnouncements).where(and(gte(allianceAnnouncements.publishedAt, from), sql`${allianceAnnouncements.publishedAt} < ${to}`));

  const members = await db.select({ baseId: bases.id, code: bases.code, nameZh: bases.nameZh }).from(m).innerJoin(bases, eq(bases.id, m.baseId))
    .where(eq(m.status, 'member')).orderBy(asc(bases.code));
  const links = await linksOf(db, members.map((x) => x.baseId));
  const alignment = members.map((b) => {
    const v = alignmentVerdict(links.filter((l) => l.baseId === b.baseId));
    const d = v.data as { programmes: number; partners: number };
    return { ...b, programmes: d.programmes, partners: d.partners, met: v.met === true, because: v.because };
  });

  return {
    year, membership,
    events: events.map((e) => ({ ...e, kind: e.kind as 'meeting' | 'training' | 'delegation' })),
    attendance,
    resources: { posted: byKindRows.reduce((s, k) => s + k.n, 0), byKind },
    groups, announcements: ann?.n ?? 0, alignment,
  };
}
