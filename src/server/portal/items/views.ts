import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { bases } from '../../bases/tables.js';
import { portalItems } from '../tables.js';
import type { ItemView } from '../contracts.js';

export const itemColumns = {
  item: portalItems,
  baseCode: bases.code,
  baseNameZh: bases.nameZh,
};
export const itemJoin = eq(bases.id, portalItems.baseId);

type Row = { item: typeof portalItems.$inferSelect; baseCode: string | null; baseNameZh: string | null };

/** What a submitting base or an editor sees (never the submitter's or reviewer's user ids). */
export function itemView({ item: i, baseCode, baseNameZh }: Row): ItemView {
  return {
    id: i.id, kind: i.kind as ItemView['kind'], baseId: i.baseId, baseCode, baseNameZh,
    titleZh: i.titleZh, titleEn: i.titleEn, bodyZh: i.bodyZh, bodyEn: i.bodyEn, status: i.status as ItemView['status'],
    submittedAt: i.submittedAt.toISOString(), reviewedAt: i.reviewedAt?.toISOString() ?? null, reviewNote: i.reviewNote,
    publishedAt: i.publishedAt?.toISOString() ?? null, version: i.version,
  };
}

export async function itemById(db: Db, id: string): Promise<ItemView> {
  const [row] = await db.select(itemColumns).from(portalItems).leftJoin(bases, itemJoin).where(eq(portalItems.id, id));
  if (!row) throw new AppError('not_found');
  return itemView(row);
}
