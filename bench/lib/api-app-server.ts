// Child process: the real app (buildApp), logger off; PostgreSQL pool of BENCH_POOL_SIZE, else the
// app's own default (GUOHE_DB_POOL_SIZE).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { serveAsChild } from './api-child.js';

const pct = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return (s[Math.max(0, Math.ceil(q * s.length) - 1)] ?? 0).toFixed(0); };

serveAsChild(async () => {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');
  // One address plays every client: the per-address read limit is raised out of reach (not switched
  // off, so its cost stays in the measurement); GUOHE_RATE_READ_PER_MINUTE in the environment wins.
  const config = loadConfig({ GUOHE_RATE_READ_PER_MINUTE: '100000000', ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1' });
  const database = await openDatabase({ databaseUrl, poolSize: process.env.BENCH_POOL_SIZE ? Number(process.env.BENCH_POOL_SIZE) : config.dbPoolSize });
  const app = await buildApp({ config, database, logger: false });
  // BENCH_LOOP_DELAY=1: how long requests waited for this instance's event loop, and how long they
  // spent in it (Fastify's elapsed time), printed at close.
  const lag = process.env.BENCH_LOOP_DELAY ? monitorEventLoopDelay({ resolution: 10 }) : null;
  const served: number[] = [];
  if (lag) app.addHook('onResponse', async (_req, reply) => { served.push(reply.elapsedTime); });
  await app.listen({ port: 0, host: '127.0.0.1' });
  lag?.enable();
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    close: async () => {
      if (lag) console.log(`app ${process.pid}: event-loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, max ${(lag.max / 1e6).toFixed(0)} ms; time in the server p50 ${pct(served, 0.5)} ms, p99 ${pct(served, 0.99)} ms over ${served.length} requests`);
      await app.close();
      await database.close();
    },
  };
});
