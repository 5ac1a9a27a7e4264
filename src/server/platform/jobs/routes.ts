import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ZPageQuery, zPage } from '../../../contracts/common.js';
import type { Api, AppContext } from '../http/context.js';
import { auditActor, requireActor } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { Actor } from '../authz/actor.js';
import { DEAD_SUFFIX } from './queue.js';

const ZJobRow = z.object({
  id: z.string(),
  name: z.string(),
  /** `failed`: retries exhausted (dead letter); `retry`: failed, waiting for its next attempt. */
  state: z.enum(['failed', 'retry']),
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  createdOn: z.string(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  startAfter: z.string().nullable(),
  /** The last error's message (job data is not shown: it may hold personal information). */
  error: z.string().nullable(),
});

/** The system administrator runs the platform (三员分立: accounts and configuration), nobody else. */
function requireSysAdmin(req: Parameters<typeof requireActor>[0]): Actor {
  const actor = requireActor(req);
  if (!actor.roles.includes('sys_admin')) throw new AppError('forbidden');
  return actor;
}

/** Both drivers answer `execute` with `{ rows }`. */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** Failed and dead jobs (the dead-letter view), with a retry. Reads pg-boss's tables directly. */
export function jobRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['platform'];

  app.get('/api/admin/jobs', {
    schema: {
      tags, summary: 'Failed jobs (dead letters) and jobs waiting to retry — system administrator',
      querystring: ZPageQuery.extend({ state: z.enum(['failed', 'retry', 'all']).default('all'), name: z.string().max(100).optional() }),
      response: { 200: zPage(ZJobRow) },
    },
  }, async (req) => {
    requireSysAdmin(req);
    const { page, pageSize, state, name } = req.query;
    const empty = { items: [], total: 0, page, pageSize };
    const [exists] = await rowsOf<{ ok: boolean }>(db, sql`select to_regclass('pgboss.job') is not null as ok`);
    if (!exists?.ok) return empty; // the job runner has never started on this database
    const states = state === 'all' ? ['failed', 'retry'] : [state];
    const where = sql`state::text in (${sql.join(states.map((st) => sql`${st}`), sql`, `)}) and name not like ${'%' + DEAD_SUFFIX} and name not like '\\_\\_pgboss%'${name ? sql` and name = ${name}` : sql``}`;
    const [{ total } = { total: 0 }] = await rowsOf<{ total: number }>(db, sql`select count(*)::int as total from pgboss.job where ${where}`);
    const rows = await rowsOf<Record<string, unknown>>(db, sql`
      select id::text, name, state::text, retry_count, retry_limit, created_on, started_on, completed_on, start_after,
             output->>'message' as error
      from pgboss.job where ${where}
      order by coalesce(completed_on, created_on) desc
      limit ${pageSize} offset ${(page - 1) * pageSize}`);
    return {
      items: rows.map((r) => ({
        id: String(r.id), name: String(r.name), state: r.state as 'failed' | 'retry',
        retryCount: Number(r.retry_count), retryLimit: Number(r.retry_limit),
        createdOn: iso(r.created_on)!, startedOn: iso(r.started_on), completedOn: iso(r.completed_on), startAfter: iso(r.start_after),
        error: (r.error as string | null) ?? null,
      })),
      total: Number(total), page, pageSize,
    };
  });

  app.post('/api/admin/jobs/:name/:id/retry', {
    schema: {
      tags, summary: 'Retry a failed (dead) job — system administrator',
      params: z.object({ name: z.string().min(1).max(100), id: z.uuid() }),
      response: { 200: z.object({ retried: z.boolean() }) },
    },
  }, async (req) => {
    requireSysAdmin(req);
    const { name, id } = req.params;
    return db.transaction(async (tx) => {
      const [exists] = await rowsOf<{ ok: boolean }>(tx, sql`select to_regclass('pgboss.job') is not null as ok`);
      if (!exists?.ok) throw new AppError('not_found');
      // pg-boss's own retry statement (plans.retryJobs): back to `retry`, one more attempt allowed.
      const res = await rowsOf<{ id: string }>(tx, sql`
        update pgboss.job set state = 'retry', retry_limit = retry_limit + 1, start_after = now()
        where name = ${name} and id = ${id}::uuid and state = 'failed' returning id`);
      if (res.length === 0) throw new AppError('not_found');
      await recordAudit(tx, auditActor(req), { action: 'job.retry', entityType: 'job', entityId: id, after: { name } });
      return { retried: true };
    });
  });
}
