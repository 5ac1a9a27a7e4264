import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { canonicalJson } from '../canonical-json.js';
import { auditLog } from './tables.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  userId: string | null;
  orgId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  scopeOrgId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** What the hash covers: every column but the hash itself. */
export function auditHash(prevHash: string, row: Record<string, unknown>): string {
  return createHash('sm3').update(prevHash).update(canonicalJson(row)).digest('hex');
}

/**
 * Append one audit record inside the caller's transaction, so the state change and its record
 * commit or roll back together. The advisory lock orders appends, keeping the SM3 chain linear
 * across app instances.
 */
export async function recordAudit(tx: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7302)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    at: new Date(),
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    scopeOrgId: entry.scopeOrgId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip,
  };
  // Normalise through JSON so that what is hashed equals what reads back from jsonb.
  const hashed = JSON.parse(canonicalJson(row)) as Record<string, unknown>;
  await tx.insert(auditLog).values({ ...row, prevHash, hash: auditHash(prevHash, hashed) });
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** Walk the chain in id order; name the first record whose link or hash does not hold. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.id} > ${lastId}`)
      .orderBy(asc(auditLog.id))
      .limit(batch);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null, reason: null };
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, checked, firstBrokenId: r.id, reason: 'prev_hash_mismatch' };
      const { id: _id, hash, prevHash: _p, ...rest } = r;
      const body = JSON.parse(canonicalJson(rest)) as Record<string, unknown>;
      if (auditHash(prev, body) !== hash) return { ok: false, checked, firstBrokenId: r.id, reason: 'hash_mismatch' };
      prev = hash;
      lastId = r.id;
      checked++;
    }
  }
}
