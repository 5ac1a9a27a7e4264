import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { notifications, users } from '../accounts/tables.js';

/**
 * Tell every active user of some organizations. Called after the state change has committed
 * (practice 9): a failed notification never undoes a decision.
 */
export async function notifyOrgs(db: Db, orgIds: readonly (string | null)[], kind: string, params: Record<string, unknown>, link: string): Promise<number> {
  const ids = orgIds.filter((x): x is string => !!x);
  if (!ids.length) return 0;
  const rows = await db.select({ id: users.id }).from(users).where(and(inArray(users.orgId, ids), eq(users.status, 'active')));
  if (rows.length) await db.insert(notifications).values(rows.map((u) => ({ userId: u.id, kind, params, link })));
  return rows.length;
}
