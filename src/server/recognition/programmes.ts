// Programme versions in the database (a23, a21). The national versions are written from code at
// start, idempotently (a row changes only when the code's digest changed); everything else reads
// them from the table, so a local programme inserted as data runs on the same path.
import { asc, eq } from 'drizzle-orm';
import { loadProgramme, nationalProgrammes, programmeKey, type Programme } from '../../regulation/index.js';
import type { Db } from '../platform/db/client.js';
import { canonicalJson } from '../platform/canonical-json.js';
import { sm3Hex } from '../platform/crypto/sm.js';
import { AppError } from '../platform/http/errors.js';
import { programmes } from './tables.js';

const cache = new Map<string, { digest: string; programme: Programme }>();

export async function syncNationalProgrammes(db: Db): Promise<void> {
  for (const p of nationalProgrammes) {
    const data = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
    const digest = sm3Hex(canonicalJson(data));
    const row = {
      key: programmeKey(p), lineage: p.lineage, version: p.version, level: p.level, data,
      effectiveFrom: p.effectiveFrom, effectiveUntil: p.effectiveUntil, status: p.status, digest,
    };
    const [existing] = await db.select({ digest: programmes.digest }).from(programmes).where(eq(programmes.key, row.key));
    if (existing?.digest === digest) continue;
    await db.insert(programmes).values(row).onConflictDoUpdate({ target: programmes.key, set: { ...row, syncedAt: new Date() } });
  }
}

export async function allProgrammes(db: Db): Promise<Programme[]> {
  const rows = await db.select().from(programmes).orderBy(asc(programmes.key));
  return rows.map((r) => parsed(r.key, r.digest, r.data));
}

/**
 * The programme version an application runs under. Every save and step reads it, so the digest is
 * read first and the (large) programme document only when this process has not parsed that digest.
 */
export async function programmeOf(db: Db, key: string): Promise<Programme> {
  const hit = cache.get(key);
  const [current] = await db.select({ digest: programmes.digest }).from(programmes).where(eq(programmes.key, key));
  if (!current) throw new AppError('not_found');
  if (hit && hit.digest === current.digest) return hit.programme;
  const [row] = await db.select({ digest: programmes.digest, data: programmes.data }).from(programmes).where(eq(programmes.key, key));
  if (!row) throw new AppError('not_found');
  return parsed(key, row.digest, row.data);
}

function parsed(key: string, digest: string, data: unknown): Programme {
  const hit = cache.get(key);
  if (hit && hit.digest === digest) return hit.programme;
  const programme = loadProgramme(data);
  cache.set(key, { digest, programme });
  return programme;
}
