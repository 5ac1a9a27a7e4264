// `npm run audit:verify`: walk the audit chain of DATABASE_URL or the embedded database.
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { verifyAuditChain } from './audit.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'), poolSize: 2 });
const result = await verifyAuditChain(database.db);
await database.close();
if (result.ok) {
  console.log(`audit chain intact: ${result.checked} records verified (SM3)`);
} else {
  console.error(`audit chain BROKEN at record ${result.firstBrokenId} (${result.reason}); ${result.checked} records before it verified`);
  process.exitCode = 1;
}
