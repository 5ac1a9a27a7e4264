// What waits for whom in the a14.s1 chain: the base (drafts and returned reports of an open
// year), the recommending unit (reports to review), the ministry (signed reports to receive).
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import type { Todo } from '../../workbench/todos.js';
import { baseScope } from '../scope.js';
import { bases } from '../tables.js';
import { annualReports } from './tables.js';

async function countIn(db: Db, actor: Actor, action: 'update' | 'decide', statuses: string[]) {
  const [row] = await db.select({ n: count() }).from(annualReports).innerJoin(bases, eq(bases.id, annualReports.baseId))
    .where(and(inArray(annualReports.status, statuses), baseScope(actor, action, 'annual_report')));
  return row?.n ?? 0;
}

export async function reportTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const out: Todo[] = [];
  const decide = scopeFor(actor.roles, 'annual_report', 'decide');
  if (scopeFor(actor.roles, 'annual_report', 'update')) {
    const n = await countIn(db, actor, 'update', ['draft', 'returned']);
    if (n) out.push({ kind: 'annual_report_to_file', count: n, link: '/bases', clause: 'a14.s1' });
  }
  if (decide === 'recommended') {
    const n = await countIn(db, actor, 'decide', ['submitted']);
    if (n) out.push({ kind: 'annual_report_to_sign', count: n, link: '/reports', clause: 'a14.s1' });
  }
  if (decide === 'all') {
    const n = await countIn(db, actor, 'decide', ['signed_by_recommender']);
    if (n) out.push({ kind: 'annual_report_to_receive', count: n, link: '/reports', clause: 'a14.s1' });
  }
  return out;
}
