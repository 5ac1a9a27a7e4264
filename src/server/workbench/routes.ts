import { z } from 'zod';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Api, AppContext } from '../platform/http/context.js';
import { requireActor } from '../platform/http/context.js';
import { auditLog } from '../platform/audit/tables.js';
import { organizations } from '../organizations/tables.js';
import { scopeFor } from '../platform/authz/policy.js';
import { scopeWhere } from '../platform/authz/scope-sql.js';
import { orgScopeCols } from '../organizations/queries.js';
import { notifications } from '../accounts/tables.js';
import { todoProviders } from './todos.js';

const ZWorkbench = z.object({
  todos: z.array(z.object({ kind: z.string(), count: z.number(), link: z.string(), clause: z.string().optional() })),
  recent: z.array(z.object({ id: z.number(), at: z.string(), action: z.string(), entityType: z.string(), entityId: z.string().nullable() })),
  orgCounts: z.array(z.object({ kind: z.string(), n: z.number() })),
  unreadNotifications: z.number(),
});

export function workbenchRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/workbench', { schema: { tags: ['workbench'], summary: 'My to-do list, recent items and counts', response: { 200: ZWorkbench } } }, async (req) => {
    const actor = requireActor(req);
    const todos = (await Promise.all(todoProviders.map((p) => p(db, actor)))).flat();
    const recent = await db
      .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, actor.userId), sql`${auditLog.action} not like 'session.%'`))
      .orderBy(desc(auditLog.id))
      .limit(8);
    const orgCounts = scopeFor(actor.roles, 'organization', 'read')
      ? await db.select({ kind: organizations.kind, n: count() }).from(organizations)
          .where(scopeWhere(actor, 'organization', 'read', orgScopeCols)).groupBy(organizations.kind)
      : [];
    const [unread] = await db.select({ n: count() }).from(notifications)
      .where(and(eq(notifications.userId, actor.userId), sql`${notifications.readAt} is null`));
    return { todos, recent: recent.map((r) => ({ ...r, at: r.at.toISOString() })), orgCounts, unreadNotifications: unread?.n ?? 0 };
  });
}
