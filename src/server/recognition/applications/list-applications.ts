import { and, count, desc, eq, ilike, like, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZApplicationQuery } from '../../../contracts/recognition.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { applicationScope } from '../scope.js';
import { applications } from '../tables.js';
import { summaries } from './views.js';

type Query = z.infer<typeof ZApplicationQuery>;

function filters(q: Query): SQL[] {
  const out: SQL[] = [];
  if (q.callId) out.push(eq(applications.callId, q.callId));
  if (q.typeId) out.push(eq(applications.typeId, q.typeId));
  if (q.status) out.push(eq(applications.status, q.status));
  if (q.stepId) out.push(eq(applications.stepId, q.stepId));
  if (q.province) out.push(like(applications.regionCode, `${q.province.slice(0, 2)}%`));
  if (q.q) out.push(ilike(applications.title, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  return out;
}

export async function listApplications(db: Db, actor: Actor, q: Query, limit?: number) {
  const where = and(applicationScope(actor, 'read'), ...filters(q));
  const pageSize = limit ?? q.pageSize;
  const rows = await db.select().from(applications).where(where).orderBy(desc(applications.updatedAt))
    .limit(pageSize).offset(limit ? 0 : (q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(applications).where(where);
  return { items: await summaries(db, rows), total: total?.n ?? 0, page: q.page, pageSize };
}
