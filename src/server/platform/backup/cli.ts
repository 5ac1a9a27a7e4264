/**
 * `npm run backup [-- --out <file or directory>] [--force]`
 * `npm run restore -- <file> [--force]`
 *
 * The database is the configured one: DATABASE_URL (PostgreSQL), otherwise PGlite under
 * GUOHE_DATA_DIR (default ./data). Backups go to `<dataDir>/backups/` by default. Restore refuses a
 * non-empty target unless --force, then opens the result, and checks the SM3 audit chain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { verifyAuditChain } from '../audit/audit.js';
import { sm3Hex } from '../crypto/sm.js';
import { backupFileName, backupKindOf, backupPglite, backupPostgres, BackupError, restorePglite, restorePostgres } from './backup.js';

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const force = rest.includes('--force');
  const positional = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--out');
  const outIdx = rest.indexOf('--out');
  const config = loadConfig(env);
  const pgliteDir = path.join(config.dataDir, 'pglite');
  const kind = config.databaseUrl ? 'postgres' : 'pglite';
  try {
    if (command === 'backup') {
      const out = outIdx >= 0 ? rest[outIdx + 1] : undefined;
      let file = out ? path.resolve(out) : path.join(config.dataDir, 'backups', backupFileName(kind));
      if (out && (out.endsWith('/') || (fs.existsSync(file) && fs.statSync(file).isDirectory()))) file = path.join(file, backupFileName(kind));
      if (config.databaseUrl) await backupPostgres(config.databaseUrl, file);
      else await backupPglite(pgliteDir, file, { force });
      const size = fs.statSync(file).size;
      console.log(`backup: ${file} (${kind}, ${(size / 1048576).toFixed(1)} MB, SM3 ${sm3Hex(fs.readFileSync(file))})`);
      return 0;
    }
    if (command === 'restore') {
      const file = positional[0];
      if (!file) {
        console.error('usage: npm run restore -- <backup file> [--force]');
        return 2;
      }
      const fileKind = backupKindOf(file);
      if (fileKind !== kind) {
        throw new BackupError(`${file} is a ${fileKind} backup but the configured database is ${kind} (${kind === 'postgres' ? 'DATABASE_URL is set' : 'DATABASE_URL is not set'})`);
      }
      if (config.databaseUrl) await restorePostgres(config.databaseUrl, file, { force });
      else await restorePglite(pgliteDir, file, { force });
      const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir, poolSize: 2 });
      try {
        const chain = await verifyAuditChain(database.db);
        const where = config.databaseUrl ? redact(config.databaseUrl) : pgliteDir;
        if (!chain.ok) {
          console.error(`restore: ${file} → ${where}; AUDIT CHAIN BROKEN at record ${chain.firstBrokenId} (${chain.reason})`);
          return 1;
        }
        console.log(`restore: ${file} → ${where}; audit chain ok (${chain.checked} records). Start the server to apply any newer migrations.`);
      } finally {
        await database.close();
      }
      return 0;
    }
    console.error('usage: backup [--out <file|dir>] [--force] | restore <file> [--force]');
    return 2;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(`${command}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
