import { count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import type { Todo } from '../../workbench/todos.js';
import { noticeProposals } from './tables.js';

/** The ministry decides proposed notices (a13.s3). */
export async function noticeTodos(db: Db, actor: Actor): Promise<Todo[]> {
  if (scopeFor(actor.roles, 'base', 'decide') !== 'all') return [];
  const [row] = await db.select({ n: count() }).from(noticeProposals).where(eq(noticeProposals.status, 'proposed'));
  return row?.n ? [{ kind: 'notice_proposal', count: row.n, link: '/notice-proposals', clause: 'a13.s3' }] : [];
}
