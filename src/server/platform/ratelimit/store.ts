// A @fastify/rate-limit store on PostgreSQL: the limit holds across every instance behind the
// proxy because the counter is one row, incremented atomically (INSERT … ON CONFLICT) against the
// database clock. Used for the few routes an attacker would hammer (sign-in, registration, the
// public objection form, certificate verification); reads use the plugin's in-memory store.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;
/** Route options as merged by @fastify/rate-limit; `shared` marks a limit counted in the database. */
interface StoreOptions { shared?: boolean }

/** Sweep expired counters every this many database increments (per instance). */
const SWEEP_EVERY = 500;
/** Bound on in-memory counters before expired ones are dropped. */
const MEMORY_SWEEP_SIZE = 10_000;

export async function hitBucket(db: Db, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const expired = sql`rate_limit_buckets.window_start + ${windowMs} * interval '1 millisecond' <= now()`;
  const result = await db.execute(sql`
    insert into rate_limit_buckets (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when ${expired} then 1 else rate_limit_buckets.hits + 1 end,
      window_start = case when ${expired} then now() else rate_limit_buckets.window_start end
    returning hits, greatest(0, extract(epoch from (window_start + ${windowMs} * interval '1 millisecond' - now())) * 1000)::float8 as ttl`);
  const row = (result as unknown as { rows: { hits: number; ttl: number }[] }).rows[0]!;
  return { current: Number(row.hits), ttl: Math.ceil(Number(row.ttl)) };
}

async function sweep(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where window_start < now() - interval '1 day'`);
}

/** Fixed-window counters of one instance (the plugin's default tier). */
class MemoryCounters {
  private readonly windows = new Map<string, { start: number; hits: number }>();
  hit(key: string, windowMs: number, now = Date.now()) {
    if (this.windows.size > MEMORY_SWEEP_SIZE) {
      for (const [k, w] of this.windows) if (w.start + windowMs <= now) this.windows.delete(k);
    }
    let w = this.windows.get(key);
    if (!w || w.start + windowMs <= now) this.windows.set(key, (w = { start: now, hits: 0 }));
    w.hits++;
    return { current: w.hits, ttl: w.start + windowMs - now };
  }
}

/**
 * The store class @fastify/rate-limit instantiates (`new Store(options)`; per route `child(options)`),
 * bound to a database: limits marked `shared` count in PostgreSQL, the others in this instance.
 */
export function hybridStore(db: Db) {
  let calls = 0;
  const memory = new MemoryCounters();
  return class HybridRateLimitStore {
    private readonly shared: boolean;
    constructor(options: StoreOptions = {}) {
      this.shared = options.shared === true;
    }
    incr(key: string, cb: Callback, timeWindow: number): void {
      if (!this.shared) return cb(null, memory.hit(key, timeWindow));
      if (++calls % SWEEP_EVERY === 0) void sweep(db).catch(() => undefined);
      hitBucket(db, key, timeWindow).then((r) => cb(null, r), (err: Error) => cb(err));
    }
    child(routeOptions: StoreOptions) {
      return new HybridRateLimitStore(routeOptions);
    }
  };
}
