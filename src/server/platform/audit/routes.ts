import { z } from 'zod';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { ZPageQuery, zPage } from '../../../contracts/common.js';
import type { Api, AppContext } from '../http/context.js';
import { requireActor } from '../http/context.js';
import { scopeWhere } from '../authz/scope-sql.js';
import { auditLog } from './tables.js';
import { verifyAuditIntegrity } from '../jobs/anchor.js';

const ZAuditRow = z.object({
  id: z.number(), at: z.string(), actorUserId: z.string().nullable(), actorOrgId: z.string().nullable(),
  action: z.string(), entityType: z.string(), entityId: z.string().nullable(),
  before: z.unknown(), after: z.unknown(), ip: z.string().nullable(),
  /** Null for the moment between commit and sealing (a fraction of a second). */
  seq: z.number().nullable(), hash: z.string().nullable(),
});

export function auditRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['audit'];
  const scopeCols = { recommenderId: auditLog.scopeOrgId, orgId: auditLog.actorOrgId, userId: auditLog.actorUserId };

  app.get('/api/audit', {
    schema: {
      tags, summary: 'Search the audit log',
      querystring: ZPageQuery.extend({
        action: z.string().max(60).optional(), entityType: z.string().max(40).optional(), entityId: z.string().max(64).optional(),
        actorUserId: z.uuid().optional(), from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional(),
      }),
      response: { 200: zPage(ZAuditRow) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const q = req.query;
    const conds: SQL[] = [scopeWhere(actor, 'audit_log', 'read', scopeCols)];
    if (q.action) conds.push(eq(auditLog.action, q.action));
    if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
    if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
    if (q.actorUserId) conds.push(eq(auditLog.actorUserId, q.actorUserId));
    if (q.from) conds.push(gte(auditLog.at, new Date(q.from)));
    if (q.to) conds.push(lte(auditLog.at, new Date(q.to)));
    const where = and(...conds);
    const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    const [total] = await db.select({ n: count() }).from(auditLog).where(where);
    return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/audit/verify', {
    schema: {
      tags, summary: 'Walk the SM3 hash chain and check each daily anchor\'s SM2 signature; name the first broken record or bad anchor',
      response: { 200: z.object({
        ok: z.boolean(), checked: z.number(), firstBrokenId: z.number().nullable(), reason: z.string().nullable(),
        anchors: z.object({ ok: z.boolean(), checked: z.number(), firstBadAnchorId: z.number().nullable(), reason: z.string().nullable() }),
      }) },
    },
  }, async (req) => {
    scopeWhere(requireActor(req), 'audit_log', 'read', scopeCols);
    return verifyAuditIntegrity(db, ctx.keys?.sm2.publicKeyPem);
  });
}
