/**
 * Idempotent submissions (issue 8): a state-changing request (POST/PUT/PATCH/DELETE) that carries an
 * `Idempotency-Key` header (a client-generated UUID, reused on every retry of the same submission)
 * runs once; a retry gets the stored response (header `Idempotent-Replayed: true`) instead of
 * executing again.
 *
 * How:
 *  - preHandler (after the session hook): claim (scope, key) with an INSERT … ON CONFLICT DO NOTHING
 *    as `pending`. scope = the signed-in user's id, or `public` without a session (registration:
 *    the key alone, a random UUID, identifies the submission).
 *    Already `done` → replay the stored status and body. Same key, different method/URL/body →
 *    400 (validation_failed, field Idempotency-Key). Still `pending` in another request → 409 with
 *    Retry-After. A `pending` key whose owner died (another boot of this PGlite process, or on
 *    PostgreSQL a lease older than GUOHE_IDEMPOTENCY_LEASE_SECONDS, default 30) is taken over.
 *  - onSend: a 2xx response is stored (`done`); any other status releases the key, because the
 *    route's transaction rolled back and a retry may run again.
 *  - withIdempotency(req, tx, fn): for exactness, a route stores its result in the SAME transaction
 *    as its change. Without it, a crash between the route's commit and onSend leaves the key
 *    `pending`; after takeover the retry re-executes (harmless where the change is naturally unique:
 *    a username, a USCC, a draft key — the retry then answers 409 duplicate or rewrites the same
 *    draft). Routes that create rows with fresh ids should use withIdempotency.
 * Keys are purged after 7 days (daily job `idempotency-purge`).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Api, AppContext } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { canonicalJson } from '../canonical-json.js';
import { sm3Hex } from '../crypto/sm.js';
import { idempotencyKeys } from './tables.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[A-Za-z0-9_-]{16,128}$/;
/** This process: a pending key owned by another boot of a single-process PGlite server is dead. */
const BOOT_ID = `${process.pid}-${randomBytes(6).toString('hex')}`;

interface IdempotencyState {
  scope: string;
  key: string;
  /** Set by withIdempotency once the result is stored inside the route's transaction. */
  committed: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: IdempotencyState | undefined;
  }
}

function requestHash(req: FastifyRequest): string {
  let body: string;
  try {
    body = canonicalJson(req.body ?? null);
  } catch {
    body = String(req.headers['content-length'] ?? '');
  }
  return sm3Hex(`${req.method} ${req.url}\n${body}`);
}

const inProgress = () =>
  new AppError('conflict', {
    message: { zh: '同一提交正在处理中，请稍后重试', en: 'The same submission is still being processed; retry shortly' },
  });

export interface IdempotencyOptions {
  /** Seconds after which another instance may take over a pending key (PostgreSQL). */
  leaseSeconds?: number;
}

/** Registers the hooks on the root instance; add to capabilities after the routes it covers. */
export function idempotencyHooks(app: Api, ctx: AppContext, options: IdempotencyOptions = {}) {
  const db = ctx.database.db;
  const leaseSeconds = options.leaseSeconds ?? Number(process.env.GUOHE_IDEMPOTENCY_LEASE_SECONDS ?? 30);
  const singleProcess = ctx.database.kind === 'pglite';

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!MUTATING.has(req.method) || !req.url.startsWith('/api/')) return;
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] ?? '' : raw;
    if (!KEY_FORMAT.test(key)) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'Idempotency-Key', rule: 'format', message: '幂等键须为 16–128 位字母、数字、- 或 _（建议使用 UUID） / Idempotency-Key must be 16–128 of A–Z a–z 0–9 - _ (a UUID)' }],
      });
    }
    const scope = req.actor?.userId ?? 'public';
    const hash = requestHash(req);
    const route = req.routeOptions.url ?? req.url;
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ scope, key, method: req.method, route, requestHash: hash, state: 'pending', owner: BOOT_ID })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) {
      req.idempotency = { scope, key, committed: false };
      return;
    }
    const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!row) throw inProgress(); // purged between the two statements: let the client retry
    if (row.requestHash !== hash) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'Idempotency-Key', rule: 'reused', message: '该幂等键已用于另一个请求 / This Idempotency-Key was used for a different request' }],
      });
    }
    if (row.state === 'done') {
      reply.header(REPLAYED_HEADER, 'true').code(row.status ?? 200);
      if (row.contentType) reply.type(row.contentType);
      return reply.send(row.body ?? '');
    }
    const stale = (singleProcess && row.owner !== BOOT_ID) || Date.now() - row.updatedAt.getTime() > leaseSeconds * 1000;
    if (stale) {
      const taken = await db
        .update(idempotencyKeys)
        .set({ owner: BOOT_ID, updatedAt: new Date() })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), eq(idempotencyKeys.state, 'pending'), eq(idempotencyKeys.owner, row.owner)))
        .returning({ key: idempotencyKeys.key });
      if (taken.length > 0) {
        req.idempotency = { scope, key, committed: false };
        return;
      }
    }
    reply.header('retry-after', '1');
    throw inProgress();
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const st = req.idempotency;
    if (!st) return payload;
    req.idempotency = undefined;
    const where = and(eq(idempotencyKeys.scope, st.scope), eq(idempotencyKeys.key, st.key), eq(idempotencyKeys.owner, BOOT_ID));
    const ok = reply.statusCode >= 200 && reply.statusCode < 300;
    try {
      if (ok && (typeof payload === 'string' || Buffer.isBuffer(payload) || payload == null)) {
        const body = payload == null ? '' : typeof payload === 'string' ? payload : payload.toString('utf8');
        const type = reply.getHeader('content-type');
        await db
          .update(idempotencyKeys)
          .set({ state: 'done', status: reply.statusCode, contentType: type == null ? null : String(type), body, updatedAt: new Date() })
          .where(where);
      } else if (!st.committed) {
        await db.delete(idempotencyKeys).where(and(where, eq(idempotencyKeys.state, 'pending')));
      }
    } catch (err) {
      // The response still goes out; the key stays pending and is taken over after its lease.
      req.log.warn({ err }, 'could not store the idempotent response');
    }
    return payload;
  });
}

/**
 * Run a route's change and store its result under the request's Idempotency-Key in the SAME
 * transaction: the change and the stored response commit together or not at all.
 *
 *   return db.transaction((tx) => withIdempotency(req, tx, async (tx) => create(tx, …), { status: 201 }));
 *
 * Without an Idempotency-Key (or outside an HTTP request) it just runs fn.
 */
export async function withIdempotency<T>(req: FastifyRequest, tx: Db, fn: (tx: Db) => Promise<T>, options: { status?: number } = {}): Promise<T> {
  const result = await fn(tx);
  const st = req.idempotency;
  if (st) {
    await tx
      .update(idempotencyKeys)
      .set({ state: 'done', status: options.status ?? 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(result ?? null), updatedAt: new Date() })
      .where(and(eq(idempotencyKeys.scope, st.scope), eq(idempotencyKeys.key, st.key), eq(idempotencyKeys.owner, BOOT_ID)));
    st.committed = true;
  }
  return result;
}

/** Deletes keys older than `days` (retries come within minutes, not weeks). */
export async function purgeIdempotencyKeys(db: Db, days: number): Promise<number> {
  const res = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(days => ${days})`)).returning({ key: idempotencyKeys.key });
  return res.length;
}
