// `npm run migrate`: apply pending migrations to DATABASE_URL, or to the embedded database.
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: path.join(config.dataDir, 'pglite'),
  poolSize: 2,
});
await database.migrate();
console.log(`migrations applied (${database.kind})`);
await database.close();
