// a20.s1: a base's links to its recommending department's and local cooperation programmes and to
// its industry–academia–research (产学研) partners, recorded by the host or the recommending
// department (the policy's alliance.update scope: own_org / recommended; the secretariat: all).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { alignmentVerdict } from '../../regulation/alliance.js';
import type { ZLinkInput } from '../../contracts/alliance.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { organizations } from '../organizations/tables.js';
import { allianceBase } from './scope.js';
import { allianceLinks } from './tables.js';

export async function linksOf(db: Db, baseIds: string[]) {
  if (!baseIds.length) return [];
  const rows = await db.select({ l: allianceLinks, byOrgNameZh: organizations.nameZh }).from(allianceLinks)
    .innerJoin(organizations, eq(organizations.id, allianceLinks.byOrgId))
    .where(inArray(allianceLinks.baseId, baseIds)).orderBy(asc(allianceLinks.kind), asc(allianceLinks.createdAt));
  return rows.map(({ l, byOrgNameZh }) => ({
    id: l.id, baseId: l.baseId, kind: l.kind as z.infer<typeof ZLinkInput>['kind'], name: l.name, partnerKind: l.partnerKind, note: l.note, byOrgNameZh, createdAt: l.createdAt.toISOString(),
  }));
}

export async function alignmentOf(db: Db, actor: Actor, baseId: string) {
  const base = await allianceBase(db, actor, baseId, 'read');
  const links = await linksOf(db, [base.id]);
  const v = alignmentVerdict(links);
  return { baseId: base.id, links, verdict: { met: v.met === true, clause: v.clause, because: v.because } };
}

export async function addLink(db: Db, actor: Actor, who: AuditActor, input: z.infer<typeof ZLinkInput>) {
  return db.transaction(async (tx) => {
    const base = await allianceBase(tx, actor, input.baseId, 'update');
    const [row] = await tx.insert(allianceLinks).values({ ...input, baseId: base.id, byOrgId: actor.orgId, createdBy: actor.userId }).returning({ id: allianceLinks.id });
    await recordAudit(tx, who, { action: 'alliance.link.add', entityType: 'alliance_link', entityId: row!.id, scopeOrgId: base.recommenderId, after: { ...input, clause: 'a20.s1' } });
    return row!.id;
  });
}

export async function removeLink(db: Db, actor: Actor, who: AuditActor, id: string) {
  await db.transaction(async (tx) => {
    const [link] = await tx.select().from(allianceLinks).where(eq(allianceLinks.id, id)).for('update');
    if (!link) throw new AppError('not_found');
    const base = await allianceBase(tx, actor, link.baseId, 'update');
    await tx.delete(allianceLinks).where(and(eq(allianceLinks.id, id)));
    await recordAudit(tx, who, { action: 'alliance.link.remove', entityType: 'alliance_link', entityId: id, scopeOrgId: base.recommenderId, before: link, after: { clause: 'a20.s1' } });
  });
}
