// An editor (ministry or alliance secretariat) accepts an item — it is published — or returns it
// with a reason. The change and its audit record are written in one transaction.
import { and, eq } from 'drizzle-orm';
import { beijingDateOf } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { portalItems } from '../tables.js';
import { requireEditor } from './editors.js';

export type ReviewDecision = { accept: true; note?: string | undefined } | { accept: false; note: string };

export async function reviewItem(db: Db, audit: AuditActor, actor: Actor, id: string, version: number, decision: ReviewDecision, now = new Date()) {
  requireEditor(actor);
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(portalItems).where(eq(portalItems.id, id)).for('update');
    if (!item || !item.baseId) throw new AppError('not_found');
    if (item.version !== version) throw new AppError('conflict', { data: { version: item.version } });
    if (item.status !== 'submitted') throw new AppError('conflict', { message: { zh: '只能审核待审核的信息', en: 'Only a submitted item can be reviewed' }, data: { status: item.status } });
    const set = decision.accept
      ? { status: 'accepted', publishedAt: now, acceptedYear: Number(beijingDateOf(now).slice(0, 4)), reviewNote: decision.note ?? null }
      : { status: 'returned', publishedAt: null, acceptedYear: null, reviewNote: decision.note };
    const [row] = await tx.update(portalItems).set({ ...set, reviewedBy: actor.userId, reviewedAt: now, version: item.version + 1 })
      .where(and(eq(portalItems.id, id), eq(portalItems.version, version))).returning();
    await recordAudit(tx, audit, {
      action: decision.accept ? 'portal.item.accept' : 'portal.item.return', entityType: 'portal_item', entityId: id,
      before: { status: item.status }, after: { status: set.status, note: set.reviewNote },
    });
    return row!;
  });
}

/** A notice (通知通告) written by an editor is published at once. */
export async function publishNotice(db: Db, audit: AuditActor, actor: Actor, input: { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string }, now = new Date()) {
  requireEditor(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(portalItems).values({
      kind: 'notice', baseId: null, ...input, status: 'accepted', submittedBy: actor.userId, submittedAt: now,
      reviewedBy: actor.userId, reviewedAt: now, publishedAt: now, acceptedYear: Number(beijingDateOf(now).slice(0, 4)),
    }).returning();
    await recordAudit(tx, audit, { action: 'portal.notice.publish', entityType: 'portal_item', entityId: row!.id, after: { titleZh: row!.titleZh } });
    return row!;
  });
}
