// `npm run keys:rotate-sm2 -- [--out <file>] [--operator <username>]`: rotate the SM2 signing key.
// The new public key is registered and the rotation audited (crypto.sm2_key.rotate) in one
// transaction; documents and anchors signed with the old key keep verifying (signing-keys.ts).
// Development keys (<dataDir>/keys) are replaced in place; with keys from the environment the new
// private key is written to --out (mode 0600) for the operator to install as GUOHE_SM2_PRIVATE_KEY
// on every instance, then restart them.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { loadSmKeys } from './sm.js';
import { rotateSm2Key } from './signing-keys.js';
import { users } from '../../accounts/tables.js';

const argv = process.argv.slice(2);
const arg = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const config = loadConfig();
const keys = loadSmKeys({ dataDir: config.dataDir });
const out = arg('out') ?? (keys.source.sm2 === 'dev-file' ? path.join(config.dataDir, 'keys', 'sm2-private.pem') : undefined);
if (!out) {
  console.error('keys come from GUOHE_SM2_PRIVATE_KEY: name a file for the new private key with --out <file>');
  process.exit(2);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'), poolSize: 2 });
try {
  const operator = arg('operator');
  const [user] = operator ? await database.db.select({ id: users.id, orgId: users.orgId }).from(users).where(eq(users.username, operator)) : [];
  if (operator && !user) throw new Error(`no user ${operator}`);
  const rotation = await rotateSm2Key(database.db, keys.sm2, { userId: user?.id ?? null, orgId: user?.orgId ?? null, ip: null });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, rotation.next.privateKeyPem, { mode: 0o600 });
  console.log(`SM2 key rotated: ${rotation.previousFingerprint} → ${rotation.nextFingerprint}; new private key in ${out}`);
  if (keys.source.sm2 === 'env') console.log('install it as GUOHE_SM2_PRIVATE_KEY on every instance and restart them; the old key keeps verifying');
} finally {
  await database.close();
}
