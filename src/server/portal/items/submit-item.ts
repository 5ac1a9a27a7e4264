// A base submits news, a cooperation offer or need, or a result to the public column (a19.s1).
// Who may submit for a base is the policy's `base.update` scope (an institution user: its own
// bases), so a base outside scope is the same 404 as a missing one.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { baseInScope } from '../../bases/scope.js';
import { portalItems } from '../tables.js';
import type { ZItemResubmit, ZItemSubmit } from '../contracts.js';

export async function submitItem(db: Db, audit: AuditActor, actor: Actor, input: z.infer<typeof ZItemSubmit>) {
  return db.transaction(async (tx) => {
    const base = await baseInScope(tx, actor, input.baseId, 'update');
    const [row] = await tx.insert(portalItems).values({
      kind: input.kind, baseId: base.id, titleZh: input.titleZh, titleEn: input.titleEn, bodyZh: input.bodyZh, bodyEn: input.bodyEn,
      status: 'submitted', submittedBy: actor.userId,
    }).returning();
    await recordAudit(tx, audit, { action: 'portal.item.submit', entityType: 'portal_item', entityId: row!.id, scopeOrgId: base.hostOrgId, after: { kind: row!.kind, baseId: base.id, titleZh: row!.titleZh } });
    return row!;
  });
}

/** A returned item, edited and submitted again (or a submitted one corrected before review). */
export async function resubmitItem(db: Db, audit: AuditActor, actor: Actor, id: string, input: z.infer<typeof ZItemResubmit>) {
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(portalItems).where(eq(portalItems.id, id)).for('update');
    if (!item || !item.baseId) throw new AppError('not_found');
    const base = await baseInScope(tx, actor, item.baseId, 'update');
    if (item.version !== input.version) throw new AppError('conflict', { data: { version: item.version } });
    if (item.status === 'accepted') throw new AppError('conflict', { message: { zh: '已发布的信息不能修改', en: 'A published item cannot be edited' }, data: { status: item.status } });
    const [row] = await tx.update(portalItems).set({
      kind: input.kind, titleZh: input.titleZh, titleEn: input.titleEn, bodyZh: input.bodyZh, bodyEn: input.bodyEn,
      status: 'submitted', submittedAt: new Date(), version: item.version + 1,
    }).where(and(eq(portalItems.id, id), eq(portalItems.version, item.version))).returning();
    await recordAudit(tx, audit, { action: 'portal.item.resubmit', entityType: 'portal_item', entityId: id, scopeOrgId: base.hostOrgId, before: { status: item.status }, after: { status: 'submitted' } });
    return row!;
  });
}
