// Rendered public pages, cached in process for a short time and served with a weak ETag.
//
// Why: the public column is read by many anonymous readers and changes rarely. A page is rendered
// once per TTL per distinct query (concurrent misses share one render), so a burst of readers costs
// one database round trip per page per TTL. Writes made through this instance (acceptances,
// notices) clear the cache at once; other instances and changes made by other capabilities (a new
// base recognized) show within the TTL. Conditional requests (If-None-Match) answer 304 without a
// body whether the page came from the cache or not.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Rendered {
  status: number;
  type: string;
  body: Buffer;
  etag: string;
  cacheControl: string;
}

/** Weak ETag from the content hash: equal bytes, equal tag, on every instance. */
export function weakEtag(body: Buffer | string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

export function rendered(body: string | Buffer, type: string, opts: { status?: number; maxAge?: number } = {}): Rendered {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  const maxAge = opts.maxAge ?? 60;
  return { status: opts.status ?? 200, type, body: buf, etag: weakEtag(buf), cacheControl: maxAge > 0 ? `public, max-age=${maxAge}` : 'no-store' };
}

/** If-None-Match matches (weak comparison, RFC 9110 §13.1.2): any listed tag equal without W/, or *. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const mine = bare(etag);
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === mine);
}

export function sendRendered(req: FastifyRequest, reply: FastifyReply, r: Rendered) {
  reply.header('etag', r.etag).header('cache-control', r.cacheControl).header('vary', 'accept-encoding');
  if (r.status === 200 && notModified(req.headers['if-none-match'], r.etag)) return reply.status(304).send();
  return reply.status(r.status).type(r.type).send(r.body);
}

/** Default TTL: GUOHE_PORTAL_CACHE_MS, else 5 s; 0 turns the cache off. */
export function cacheTtlFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.GUOHE_PORTAL_CACHE_MS);
  return env.GUOHE_PORTAL_CACHE_MS !== undefined && env.GUOHE_PORTAL_CACHE_MS !== '' && Number.isFinite(n) && n >= 0 ? n : 5_000;
}

/** A TTL cache of promises: concurrent misses share one computation; failures are not kept. */
export class PageCache<T = Rendered> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  constructor(readonly ttlMs: number, readonly maxEntries = 2_000, private readonly clock: () => number = Date.now) {}

  get(key: string, render: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return render();
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = render();
    const entry = { at: now, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    // A failed render is not kept: the next reader tries again.
    value.catch(() => { if (this.entries.get(key) === entry) this.entries.delete(key); });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
