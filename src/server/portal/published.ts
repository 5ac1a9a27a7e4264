// What the column publishes besides the directory: notices and the bases' accepted items. The
// public projection names its columns: never who submitted or reviewed, never a returned item.
import { and, count, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { bases } from '../bases/tables.js';
import { portalItems } from './tables.js';
import type { ItemKind } from './contracts.js';
import { PUBLIC_STATUSES } from './directory.js';

export const publicItemColumns = {
  id: portalItems.id,
  kind: portalItems.kind,
  titleZh: portalItems.titleZh,
  titleEn: portalItems.titleEn,
  bodyZh: portalItems.bodyZh,
  bodyEn: portalItems.bodyEn,
  publishedAt: portalItems.publishedAt,
  baseCode: bases.code,
  baseNameZh: bases.nameZh,
  baseNameEn: bases.nameEn,
};
export type PublicItem = { id: string; kind: string; titleZh: string; titleEn: string; bodyZh: string; bodyEn: string; publishedAt: Date | null; baseCode: string | null; baseNameZh: string | null; baseNameEn: string | null };

const published = (): SQL => eq(portalItems.status, 'accepted');
const baseStillPublic = (): SQL => inArray(bases.status, [...PUBLIC_STATUSES]);

function visible(kinds: readonly string[]): SQL {
  return and(published(), inArray(portalItems.kind, [...kinds]))!;
}

export async function listPublished(db: Db, kinds: readonly ItemKind[], page: number, pageSize: number): Promise<{ items: PublicItem[]; total: number }> {
  const where = and(visible(kinds), publicBaseOrNone())!;
  const [items, [total]] = await Promise.all([
    db.select(publicItemColumns).from(portalItems).leftJoin(bases, eq(bases.id, portalItems.baseId)).where(where)
      .orderBy(desc(portalItems.publishedAt), desc(portalItems.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(portalItems).leftJoin(bases, eq(bases.id, portalItems.baseId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function publishedItem(db: Db, id: string): Promise<PublicItem | undefined> {
  const [row] = await db.select(publicItemColumns).from(portalItems).leftJoin(bases, eq(bases.id, portalItems.baseId))
    .where(and(eq(portalItems.id, id), published(), publicBaseOrNone()));
  return row;
}

export async function publishedOfBase(db: Db, baseId: string, limit = 20): Promise<PublicItem[]> {
  return db.select(publicItemColumns).from(portalItems).innerJoin(bases, eq(bases.id, portalItems.baseId))
    .where(and(eq(portalItems.baseId, baseId), published(), baseStillPublic())).orderBy(desc(portalItems.publishedAt)).limit(limit);
}

/** Notices have no base; a base's item shows while its base is public. */
function publicBaseOrNone(): SQL {
  return or(isNull(portalItems.baseId), inArray(bases.status, [...PUBLIC_STATUSES]))!;
}
