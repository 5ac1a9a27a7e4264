import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { programmeOf } from '../programmes.js';
import { calls } from '../tables.js';
import { callView } from './call-view.js';

const isMinistry = (actor: Actor) => actor.roles.includes('ministry_officer');

/** Calls are public notices once opened; drafts are the ministry's own. */
export async function listCalls(db: Db, actor: Actor, q: { year?: number | undefined; status?: string | undefined }) {
  const where: SQL[] = [];
  if (q.year) where.push(eq(calls.year, q.year));
  if (q.status) where.push(eq(calls.status, q.status));
  const rows = await db.select().from(calls).where(and(...where)).orderBy(desc(calls.year), desc(calls.opensAt));
  const visible = rows.filter((c) => c.status !== 'draft' || isMinistry(actor));
  return Promise.all(visible.map(async (c) => callView(c, await programmeOf(db, c.programmeKey))));
}

export async function getCall(db: Db, actor: Actor, id: string) {
  const [c] = await db.select().from(calls).where(eq(calls.id, id));
  if (!c || (c.status === 'draft' && !isMinistry(actor))) throw new AppError('not_found');
  return callView(c, await programmeOf(db, c.programmeKey));
}
