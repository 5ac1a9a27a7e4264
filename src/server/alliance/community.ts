// What members share (a18.s1 相互学习、资源共享): the member directory, working groups by a15 field or
// region, the resource directory, and the secretariat's announcements (a18.s2). Reads are
// member-only (requireMemberView); a base acts only for a member base in its scope.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { memberActVerdict } from '../../regulation/alliance.js';
import type { ZAnnouncementInput, ZGroupInput, ZResourceInput } from '../../contracts/alliance.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { organizations } from '../organizations/tables.js';
import { bases } from '../bases/tables.js';
import type { BaseRow } from '../bases/scope.js';
import { allianceBase, openMembership, requireMemberView, requireSecretariat } from './scope.js';
import { allianceAnnouncements, allianceGroupMembers, allianceGroups, allianceMemberships, allianceResources } from './tables.js';

/** A base acting as a member: in the actor's scope for `create`, and a current member (a18.s1). */
export async function memberBase(tx: Db, actor: Actor, baseId: string): Promise<BaseRow> {
  const base = await allianceBase(tx, actor, baseId, 'create');
  const open = await openMembership(tx, base.id);
  const v = memberActVerdict(open?.status ?? null);
  if (!v.met) throw new AppError('rule_refused', { clause: v.clause, message: v.because, data: { code: 'not_eligible' } });
  return base;
}

export async function memberDirectory(db: Db, actor: Actor) {
  await requireMemberView(db, actor);
  return db.select({
    baseId: bases.id, code: bases.code, nameZh: bases.nameZh, nameEn: bases.nameEn, typeId: bases.typeId, regionCode: bases.regionCode,
    fields: bases.fields, hostNameZh: organizations.nameZh, joinedOn: allianceMemberships.joinedOn,
  }).from(allianceMemberships).innerJoin(bases, eq(bases.id, allianceMemberships.baseId)).innerJoin(organizations, eq(organizations.id, bases.hostOrgId))
    .where(eq(allianceMemberships.status, 'member')).orderBy(asc(bases.code));
}

export async function listGroups(db: Db, actor: Actor) {
  await requireMemberView(db, actor);
  const groups = await db.select().from(allianceGroups).orderBy(asc(allianceGroups.kind), asc(allianceGroups.nameZh));
  const members = groups.length ? await db.select({ groupId: allianceGroupMembers.groupId, baseId: bases.id, code: bases.code, nameZh: bases.nameZh })
    .from(allianceGroupMembers).innerJoin(bases, eq(bases.id, allianceGroupMembers.baseId))
    .innerJoin(allianceMemberships, and(eq(allianceMemberships.baseId, bases.id), eq(allianceMemberships.status, 'member')))
    .where(inArray(allianceGroupMembers.groupId, groups.map((g) => g.id))).orderBy(asc(bases.code)) : [];
  return groups.map((g) => ({
    id: g.id, kind: g.kind as 'field' | 'region', fieldId: g.fieldId, provinceCode: g.provinceCode, nameZh: g.nameZh, nameEn: g.nameEn, descriptionZh: g.descriptionZh,
    members: members.filter((m) => m.groupId === g.id).map(({ baseId, code, nameZh }) => ({ baseId, code, nameZh })),
  }));
}

export async function createGroup(db: Db, actor: Actor, who: AuditActor, input: z.infer<typeof ZGroupInput>) {
  requireSecretariat(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(allianceGroups).values({
      kind: input.kind, fieldId: input.kind === 'field' ? input.fieldId : null, provinceCode: input.kind === 'region' ? input.provinceCode : null,
      nameZh: input.nameZh, nameEn: input.nameEn, descriptionZh: input.descriptionZh, createdBy: actor.userId,
    }).returning({ id: allianceGroups.id });
    await recordAudit(tx, who, { action: 'alliance.group.create', entityType: 'alliance_group', entityId: row!.id, after: { ...input, clause: 'a18.s1' } });
    return row!.id;
  });
}

/** A member base joins a working group (or the secretariat adds it). */
export async function joinGroup(db: Db, actor: Actor, who: AuditActor, groupId: string, baseId: string) {
  await db.transaction(async (tx) => {
    const base = await memberBase(tx, actor, baseId);
    const [g] = await tx.select({ id: allianceGroups.id }).from(allianceGroups).where(eq(allianceGroups.id, groupId));
    if (!g) throw new AppError('not_found');
    const inserted = await tx.insert(allianceGroupMembers).values({ groupId, baseId: base.id }).onConflictDoNothing().returning({ groupId: allianceGroupMembers.groupId });
    if (!inserted.length) throw new AppError('duplicate');
    await recordAudit(tx, who, { action: 'alliance.group.join', entityType: 'alliance_group', entityId: groupId, scopeOrgId: base.recommenderId, after: { baseId: base.id } });
  });
}

export async function listResources(db: Db, actor: Actor, kind?: string) {
  await requireMemberView(db, actor);
  const rows = await db.select({ r: allianceResources, baseNameZh: bases.nameZh }).from(allianceResources).innerJoin(bases, eq(bases.id, allianceResources.baseId))
    .innerJoin(allianceMemberships, and(eq(allianceMemberships.baseId, bases.id), eq(allianceMemberships.status, 'member')))
    .where(kind ? eq(allianceResources.kind, kind) : undefined).orderBy(desc(allianceResources.postedAt)).limit(500);
  return rows.map(({ r, baseNameZh }) => ({
    id: r.id, baseId: r.baseId, baseNameZh, kind: r.kind as 'equipment' | 'partner' | 'service', titleZh: r.titleZh, titleEn: r.titleEn,
    descriptionZh: r.descriptionZh, contact: r.contact, postedAt: r.postedAt.toISOString(),
  }));
}

export async function postResource(db: Db, actor: Actor, who: AuditActor, input: z.infer<typeof ZResourceInput>) {
  return db.transaction(async (tx) => {
    const base = await memberBase(tx, actor, input.baseId);
    const [row] = await tx.insert(allianceResources).values({ ...input, baseId: base.id, postedBy: actor.userId }).returning({ id: allianceResources.id });
    await recordAudit(tx, who, { action: 'alliance.resource.post', entityType: 'alliance_resource', entityId: row!.id, scopeOrgId: base.recommenderId, after: { ...input, clause: 'a18.s1' } });
    return row!.id;
  });
}

export async function listAnnouncements(db: Db, actor: Actor) {
  await requireMemberView(db, actor);
  const rows = await db.select().from(allianceAnnouncements).orderBy(desc(allianceAnnouncements.publishedAt)).limit(100);
  return rows.map((a) => ({ id: a.id, titleZh: a.titleZh, titleEn: a.titleEn, bodyZh: a.bodyZh, bodyEn: a.bodyEn, publishedAt: a.publishedAt.toISOString() }));
}

export async function publishAnnouncement(db: Db, actor: Actor, who: AuditActor, input: z.infer<typeof ZAnnouncementInput>) {
  requireSecretariat(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(allianceAnnouncements).values({ ...input, publishedBy: actor.userId }).returning({ id: allianceAnnouncements.id });
    await recordAudit(tx, who, { action: 'alliance.announcement.publish', entityType: 'alliance_announcement', entityId: row!.id, after: { titleZh: input.titleZh, clause: 'a18.s2' } });
    return row!.id;
  });
}
