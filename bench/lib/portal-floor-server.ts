// Child process: the floor for bench:portal. Bare Fastify + pg.Pool (20): for each benchmarked
// path it runs the directory SQL the app issues (same text, same parameters) and answers the very
// bytes the app answered — no rendering, no cache, nothing else.
import fs from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { serveAsChild } from './api-child.js';

export interface PortalFloorRoute { path: string; sql: string; params: unknown[]; contentType: string; bodyBase64: string }

serveAsChild(async () => {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const specFile = process.env.BENCH_PORTAL_FLOOR_SPEC;
  if (!databaseUrl || !specFile) throw new Error('BENCH_DATABASE_URL and BENCH_PORTAL_FLOOR_SPEC must be set');
  const routes = JSON.parse(fs.readFileSync(specFile, 'utf8')) as PortalFloorRoute[];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.BENCH_POOL_SIZE ?? 20), connectionTimeoutMillis: 5_000 });
  pool.on('error', () => undefined);
  const app = Fastify({ logger: false });
  for (const r of routes) {
    const body = Buffer.from(r.bodyBase64, 'base64');
    const query = { text: r.sql, values: r.params, rowMode: 'array' as const };
    app.get(r.path, async (_req, reply) => {
      await pool.query(query);
      return reply.type(r.contentType).send(body);
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return { port: address.port, close: async () => { await app.close(); await pool.end(); } };
});
