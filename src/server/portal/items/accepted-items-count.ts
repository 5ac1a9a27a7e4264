// The assessment indicator fed by the public column: how many items a base had accepted (published)
// in a calendar year (Beijing), news, cooperation offers and needs and results alike. Practice: what
// a base submits to the column and what is accepted counts in its assessment. The year is the year
// of acceptance, so a year's count is final once the year has ended.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { portalItems } from '../tables.js';
import { baseItemKinds } from '../contracts.js';

export async function acceptedItemsCount(db: Db, baseId: string, year: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(portalItems).where(and(
    eq(portalItems.baseId, baseId), eq(portalItems.status, 'accepted'), eq(portalItems.acceptedYear, year), inArray(portalItems.kind, [...baseItemKinds]),
  ));
  return row?.n ?? 0;
}
