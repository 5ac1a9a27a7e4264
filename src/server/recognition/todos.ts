// What waits for each actor in recognition: applications at a step this actor may act on now
// (asked of the machine, so the to-do list and the buttons agree), and decisions awaiting a
// second signature (a7.p2.i3).
import { and, inArray, notInArray } from 'drizzle-orm';
import { findType } from '../../regulation/index.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { scopeFor } from '../platform/authz/policy.js';
import type { Todo } from '../workbench/todos.js';
import { domainActorOf } from './actor-map.js';
import { procedureFor } from './load.js';
import { programmeOf } from './programmes.js';
import { applicationScope } from './scope.js';
import { applications, decisions } from './tables.js';

export async function recognitionTodos(db: Db, actor: Actor, now = new Date()): Promise<Todo[]> {
  const d = domainActorOf(actor);
  if (!d || !scopeFor(actor.roles, 'application', 'read')) return [];
  const rows = await db.select().from(applications).where(and(applicationScope(actor, 'read'), notInArray(applications.status, ['rejected', 'withdrawn'])));
  const byStep = new Map<string, { count: number; clause: string }>();
  for (const app of rows) {
    const programme = await programmeOf(db, app.programmeKey);
    const step = findType(programme, app.typeId)?.procedure[app.stepIndex];
    if (!step || !step.actor.orgKinds.includes(d.orgKind)) {
      // The filer's own drafts and returned applications wait for it too.
      if (!((app.status === 'draft' || app.status === 'returned') && app.filedByOrgId === actor.orgId)) continue;
    }
    const { machine, viewer } = await procedureFor(db, app, actor);
    const acts = viewer ? machine.availableActions(app.state, viewer, now).filter((a) => a.type !== 'withdraw') : [];
    if (!acts.length) continue;
    const kind = step ? step.kind : 'done';
    const cur = byStep.get(kind) ?? { count: 0, clause: step?.clauses[0] ?? '' };
    cur.count++;
    byStep.set(kind, cur);
  }
  const todos: Todo[] = [...byStep.entries()].map(([kind, v]) => ({
    kind: `recognition_${kind}`, count: v.count, link: `/recognition/applications?todo=${kind}`, clause: v.clause,
  }));
  if (['ministry', 'ministry_intl_dept', 'torch_center'].includes(d.orgKind)) {
    const waiting = await db.select({ id: decisions.id, signatures: decisions.signatures }).from(decisions).where(inArray(decisions.status, ['awaiting_cosign', 'notice']));
    const mine = waiting.filter((w) => !w.signatures.some((s) => s.orgKind === d.orgKind));
    if (mine.length) todos.push({ kind: 'recognition_decision_sign', count: mine.length, link: '/recognition/decisions' });
  }
  return todos;
}
