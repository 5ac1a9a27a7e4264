// Items for the signed-in: a base's own submissions (scope: base.read), or the editors' queue.
import { and, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { bases } from '../../bases/tables.js';
import { baseScope } from '../../bases/scope.js';
import { portalItems } from '../tables.js';
import { isEditor } from './editors.js';
import { itemColumns, itemJoin, itemView } from './views.js';

export async function listItems(db: Db, actor: Actor, q: { status?: string | undefined; baseId?: string | undefined; kind?: string | undefined }) {
  const conds: (SQL | undefined)[] = [
    q.status ? eq(portalItems.status, q.status) : undefined,
    q.baseId ? eq(portalItems.baseId, q.baseId) : undefined,
    q.kind ? eq(portalItems.kind, q.kind) : undefined,
  ];
  // Editors see every item; everyone else only items of bases in their read scope.
  if (!isEditor(actor)) conds.push(isNotNull(portalItems.baseId), baseScope(actor, 'read'));
  const rows = await db.select(itemColumns).from(portalItems).leftJoin(bases, itemJoin).where(and(...conds)).orderBy(desc(portalItems.submittedAt)).limit(500);
  return rows.map(itemView);
}
