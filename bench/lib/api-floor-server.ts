// Child process: the floor. Bare Fastify + pg.Pool (20) running the SQL texts the app issued for
// the benchmarked request, verbatim and with the same parameters, answering the same JSON shape.
import Fastify from 'fastify';
import pg from 'pg';
import type { CapturedQuery, FloorSpec } from './api-capture.js';
import { serveAsChild } from './api-child.js';

// As drizzle's node-postgres driver does: dates and timestamps stay the strings PostgreSQL sent.
const RAW = new Set([pg.types.builtins.DATE, pg.types.builtins.TIMESTAMP, pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.INTERVAL]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    RAW.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

serveAsChild(async () => {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const specJson = process.env.BENCH_FLOOR_SPEC;
  if (!databaseUrl || !specJson) throw new Error('BENCH_DATABASE_URL and BENCH_FLOOR_SPEC must be set');
  const spec = JSON.parse(specJson) as FloorSpec;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.BENCH_POOL_SIZE ?? 20), connectionTimeoutMillis: 5_000 });
  pool.on('error', () => undefined);
  const config = (q: CapturedQuery) => ({ text: q.text, values: q.values, types, ...(q.rowMode ? { rowMode: q.rowMode } : {}) });
  const itemsQuery = config(spec.items);
  const countQuery = { ...config(spec.count), rowMode: 'array' as const };
  const sessionQuery = spec.session ? config(spec.session) : undefined;
  const { keys } = spec;

  const app = Fastify({ logger: false });
  app.get('/api/organizations', async () => {
    if (sessionQuery) await pool.query(sessionQuery);
    const items = await pool.query(itemsQuery);
    const count = await pool.query(countQuery);
    const rows = (items.rows as unknown[]).map((row) => {
      if (!Array.isArray(row)) return row;
      const o: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) o[keys[i]!] = row[i];
      return o;
    });
    const n = (count.rows[0] as unknown[] | undefined)?.[0];
    return { items: rows, total: Number(n ?? 0), page: spec.page, pageSize: spec.pageSize };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
});
