import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { scopeFor } from '../platform/authz/policy.js';
import { scopeWhere } from '../platform/authz/scope-sql.js';
import { registrations } from '../accounts/tables.js';

export interface Todo {
  /** i18n key of the label in the web app (`todo.<kind>`). */
  kind: string;
  count: number;
  link: string;
  clause?: string;
}

export type TodoProvider = (db: Db, actor: Actor) => Promise<Todo[]>;

/** Capabilities add providers; the workbench asks each what waits for this actor. */
export const todoProviders: TodoProvider[] = [
  async (db, actor) => {
    if (!scopeFor(actor.roles, 'registration', 'decide')) return [];
    const [row] = await db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.status, 'pending'), scopeWhere(actor, 'registration', 'decide', { recommenderId: registrations.reviewerOrgId })));
    return row && row.n > 0 ? [{ kind: 'registration_review', count: row.n, link: '/registrations' }] : [];
  },
];

export function registerTodoProvider(p: TodoProvider) {
  todoProviders.push(p);
}
