// Child process: the real app (buildApp), logger off, PostgreSQL pool of 20.
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { serveAsChild } from './api-child.js';

serveAsChild(async () => {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');
  const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 20);
  // One address plays every client: the per-address read limit is raised out of reach (not switched
  // off, so its cost stays in the measurement); GUOHE_RATE_READ_PER_MINUTE in the environment wins.
  const config = loadConfig({ GUOHE_RATE_READ_PER_MINUTE: '100000000', ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1' });
  const database = await openDatabase({ databaseUrl, poolSize });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
});
