// `npm run audit:verify`: walk the audit chain of DATABASE_URL or the embedded database (SM3), then
// check every daily anchor's SM2 signature against the chain head it signs. Exit code 1 names the
// first broken record or the first bad anchor.
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { loadSmKeys } from '../crypto/sm.js';
import { auditVerifyReport } from './verify-report.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'), poolSize: 2 });
// The current key is trusted beside the registered ones; a verifier without keys (an archive, an
// assessor) passes GUOHE_SM2_TRUSTED_FINGERPRINTS instead.
let currentKey: string | undefined;
try {
  currentKey = loadSmKeys({ dataDir: config.dataDir }).sm2.publicKeyPem;
} catch {
  currentKey = undefined;
}
const { lines, exitCode } = await auditVerifyReport(database.db, currentKey);
await database.close();
for (const line of lines) (exitCode === 0 ? console.log : console.error)(line);
process.exitCode = exitCode;
