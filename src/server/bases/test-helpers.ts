// Helpers for the bases integration tests: sign in once per user, call the API, and insert a
// base directly where a test needs a history the demo does not have.
import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { organizations } from '../organizations/tables.js';
import { signInAs, type TestApp } from '../testing/app.js';
import { assessmentResults } from './assessment/tables.js';
import { NATIONAL_KEY } from './programme.js';
import { bases } from './tables.js';

export function apiAs(app: TestApp) {
  const sessions = new Map<string, Awaited<ReturnType<typeof signInAs>>>();
  return async (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, lang = 'zh') => {
    if (!sessions.has(user)) sessions.set(user, await signInAs(app, user));
    const s = sessions.get(user)!;
    return app.inject({ method, url, headers: { ...s.headers, 'x-guohe-lang': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  };
}

export async function orgId(db: Db, key: string): Promise<string> {
  const [o] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, key));
  if (!o) throw new Error(`no org ${key}`);
  return o.id;
}

let n = 0;
/** A base of a demo host, with results for the given years (the rounds are the database's). */
export async function insertBase(db: Db, hostKey: string, recognizedOn: string, results: [number, string][] = [], typeId = 'demonstration_base') {
  const [host] = await db.select().from(organizations).where(eq(organizations.key, hostKey));
  n += 1;
  const [row] = await db.insert(bases).values({
    code: `GH-T-${hostKey}-${n}`, programmeKey: NATIONAL_KEY, typeId, nameZh: `测试基地${n}（${host!.nameZh}）`, hostOrgId: host!.id,
    recommenderId: host!.recommenderId, zoneId: host!.zoneId, regionCode: host!.regionCode, recognizedOn,
  }).returning();
  if (results.length) await db.insert(assessmentResults).values(results.map(([year, grade]) => ({ year, baseId: row!.id, grade, score: grade === 'fail' ? 50 : grade === 'not_eligible' ? null : 70 })));
  return row!;
}
