// The in-app message center (issue 3: "notifications go to the in-app message center"): each
// user's own messages, newest first, in the language of the page that asks; mark one or all read.
// Marking read changes state, so it is audit-logged in the same transaction like every change.
import { z } from 'zod';
import type { Api, AppContext } from '../platform/http/context.js';
import { auditActor, requestLang, requireActor } from '../platform/http/context.js';
import { recordAudit } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { ZId } from '../../contracts/common.js';
import { ZNotificationPage, ZNotificationQuery } from '../../contracts/notifications.js';
import { listNotifications, markAllRead, markRead } from './queries.js';

const tags = ['notifications'];

export function notificationRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;

  app.get('/api/notifications', {
    schema: { tags, summary: 'My messages, newest first', querystring: ZNotificationQuery, response: { 200: ZNotificationPage } },
  }, async (req) => {
    const actor = requireActor(req);
    const q = req.query;
    return listNotifications(db, actor.userId, { page: q.page, pageSize: q.pageSize, unreadOnly: q.unread === 'true', lang: requestLang(req) });
  });

  app.post('/api/notifications/:id/read', {
    schema: { tags, summary: 'Mark one of my messages read', params: ZId, response: { 200: z.object({ ok: z.literal(true), changed: z.boolean() }) } },
  }, async (req) => {
    const actor = requireActor(req);
    const changed = await db.transaction(async (tx) => {
      const r = await markRead(tx, actor.userId, req.params.id);
      if (!r.found) throw new AppError('not_found');
      if (r.changed) await recordAudit(tx, auditActor(req), { action: 'notification.read', entityType: 'notification', entityId: req.params.id, scopeOrgId: actor.orgId });
      return r.changed;
    });
    return { ok: true as const, changed };
  });

  app.post('/api/notifications/read-all', {
    schema: { tags, summary: 'Mark all my messages read', response: { 200: z.object({ ok: z.literal(true), marked: z.number().int() }) } },
  }, async (req) => {
    const actor = requireActor(req);
    const marked = await db.transaction(async (tx) => {
      const n = await markAllRead(tx, actor.userId);
      if (n > 0) await recordAudit(tx, auditActor(req), { action: 'notification.read_all', entityType: 'user', entityId: actor.userId, scopeOrgId: actor.orgId, after: { marked: n } });
      return n;
    });
    return { ok: true as const, marked };
  });
}
