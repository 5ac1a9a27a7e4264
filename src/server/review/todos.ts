// What waits for an expert on the workbench: declarations to sign, reviews to score.
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import type { Todo } from '../workbench/todos.js';
import { reviewAssignments, reviewRounds } from './tables.js';

export async function reviewTodos(db: Db, actor: Actor): Promise<Todo[]> {
  if (!actor.roles.includes('expert')) return [];
  const rows = await db.select({ status: reviewAssignments.status, n: count() }).from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(and(eq(reviewAssignments.expertUserId, actor.userId), eq(reviewRounds.status, 'applied')))
    .groupBy(reviewAssignments.status);
  const n = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  const out: Todo[] = [];
  if (n('pending') > 0) out.push({ kind: 'review_declaration', count: n('pending'), link: '/reviews' });
  if (n('accepted') > 0) out.push({ kind: 'review_score', count: n('accepted'), link: '/reviews' });
  return out;
}
