// Capture the exact SQL the app issues for the benchmarked request, by wrapping pg.Pool#query while
// the app's own functions (resolveSession, listOrganizations) run once against the bench database.
import pg from 'pg';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { resolveSession } from '../../src/server/accounts/sessions.js';
import { listOrganizations } from '../../src/server/organizations/queries.js';
import { ZOrganizationQuery } from '../../src/contracts/organizations.js';
import { loadConfig } from '../../src/server/platform/config.js';
import type { Actor } from '../../src/server/platform/authz/actor.js';

export interface CapturedQuery {
  text: string;
  values: unknown[];
  /** 'array' when drizzle maps columns by position (selects with joins/aliases). */
  rowMode: 'array' | undefined;
}

/** Everything the floor server needs to answer the same request with the same SQL. */
export interface FloorSpec {
  items: CapturedQuery;
  count: CapturedQuery;
  /** Keys of one item, in the app's column order (array rows are mapped onto these). */
  keys: string[];
  page: number;
  pageSize: number;
  /** Optional: the app's session-lookup SQL, run first when the floor should pay for it too. */
  session?: CapturedQuery;
}

export interface Capture {
  actor: Actor;
  floor: FloorSpec;
  session: CapturedQuery;
  /** The app's result of the list call (for a shape/content check against both servers). */
  expected: unknown;
}

type QueryFn = (this: pg.Pool, config: unknown, values?: unknown, cb?: unknown) => unknown;

async function recording<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const proto = pg.Pool.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const queries: CapturedQuery[] = [];
  proto.query = function (this: pg.Pool, config: unknown, values?: unknown, cb?: unknown) {
    const c = typeof config === 'string' ? { text: config } : (config as { text: string; values?: unknown[]; rowMode?: string });
    const vals = Array.isArray(values) ? values : (c.values ?? []);
    queries.push({ text: c.text, values: [...vals], rowMode: c.rowMode === 'array' ? 'array' : undefined });
    return original.call(this, config, values, cb);
  };
  try {
    return { result: await fn(), queries };
  } finally {
    proto.query = original;
  }
}

function assertPlainParams(q: CapturedQuery): void {
  for (const v of q.values) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new Error(`captured parameter of type ${typeof v} cannot be handed to the floor verbatim: ${q.text}`);
    }
  }
}

export async function captureSql(databaseUrl: string, token: string, query: Record<string, string>): Promise<Capture> {
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl });
  const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const database = await openDatabase({ databaseUrl, poolSize: 2 });
  try {
    const s = await recording(() => resolveSession(database.db, token, policy));
    const actor = s.result;
    if (!actor) throw new Error('the bench session did not resolve to an actor');
    if (s.queries.length !== 1) throw new Error(`expected 1 session query, saw ${s.queries.length}`);
    const q = ZOrganizationQuery.parse(query);
    const l = await recording(() => listOrganizations(database.db, actor, q));
    if (l.queries.length !== 2) throw new Error(`expected 2 list queries (items, count), saw ${l.queries.length}: ${l.queries.map((x) => x.text).join(' ;; ')}`);
    const [items, count] = l.queries as [CapturedQuery, CapturedQuery];
    for (const x of [items, count, s.queries[0]!]) assertPlainParams(x);
    const first = l.result.items[0];
    if (!first) throw new Error('the benchmarked list is empty: nothing to measure');
    const expected = JSON.parse(JSON.stringify(l.result)) as unknown;
    return {
      actor,
      session: s.queries[0]!,
      floor: { items, count, keys: Object.keys(first), page: l.result.page, pageSize: l.result.pageSize },
      expected,
    };
  } finally {
    await database.close();
  }
}
