import { createHash } from 'node:crypto';
import { asc, desc, gt, isNotNull, isNull, sql } from 'drizzle-orm';
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

/** What the hash covers: every recorded column, not the chain's own (id, place, links). */
export function auditHash(prevHash: string, row: Record<string, unknown>): string {
  return createHash('sm3').update(prevHash).update(canonicalJson(row)).digest('hex');
}

type AuditRow = typeof auditLog.$inferSelect;

/** The record as hashed, normalised through JSON so that it equals what reads back from jsonb. */
function hashedBody(r: AuditRow): Record<string, unknown> {
  const { id: _id, seq: _seq, hash: _hash, prevHash: _prev, ...recorded } = r;
  return JSON.parse(canonicalJson(recorded)) as Record<string, unknown>;
}

/**
 * Append one audit record inside the caller's transaction, so the state change and its record
 * commit or roll back together. No lock is taken: the record joins the SM3 chain after commit,
 * when the sealer reaches it (sealAuditLog), so writers of every instance never wait on each other.
 */
export async function recordAudit(tx: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
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
  });
}

const SEAL_LOCK = 7302;

/**
 * Give every committed, unsealed record its place in the chain, in id order: the previous hash and
 * its own. One sealer at a time across instances (advisory lock, waited for, so that when this
 * returns everything committed before the call is sealed). A record whose transaction commits
 * later than a higher id is simply sealed after it: the chain's order is `seq`, the order of sealing.
 * Returns how many records were sealed.
 */
export async function sealAuditLog(db: Db, batch = 2000): Promise<number> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
      const pending = await tx.select().from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(batch);
      if (pending.length === 0) return 0;
      const [head] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.seq)).orderBy(desc(auditLog.seq)).limit(1);
      let seq = head?.seq ?? 0;
      let prev = head?.hash ?? GENESIS_HASH;
      const links = pending.map((r) => {
        const hash = auditHash(prev, hashedBody(r));
        const link = { id: r.id, seq: ++seq, prev_hash: prev, hash };
        prev = hash;
        return link;
      });
      await tx.execute(sql`update audit_log a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(id bigint, seq bigint, prev_hash text, hash text)
        where a.id = v.id`);
      return links.length;
    });
    sealed += n;
    if (n < batch) return sealed;
  }
}

/**
 * Seal every `everyMs` in the background (each app instance runs one; they take turns on the lock).
 * `stop` waits for a seal in progress, so the database can be closed after it.
 */
export function startAuditSealer(db: Db, everyMs: number, onError: (err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  // Most ticks find nothing to seal: one indexed read, no transaction, no lock.
  const tick = async () => {
    if (stopped) return;
    const [pending] = await db.select({ id: auditLog.id }).from(auditLog).where(isNull(auditLog.seq)).limit(1);
    if (pending && !stopped) await sealAuditLog(db);
  };
  // A tick still running (a slow or unreachable database) is not queued behind by more ticks.
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = tick().catch(onError).finally(() => { busy = false; });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The id of the first record whose link or hash does not hold. */
  firstBrokenId: number | null;
  reason: string | null;
}

/**
 * Seal what is committed, then walk the chain in its order (seq) and name the first record whose
 * link or hash does not hold.
 */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<ChainCheck> {
  await sealAuditLog(db);
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(batch);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null, reason: null };
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, checked, firstBrokenId: r.id, reason: 'prev_hash_mismatch' };
      if (auditHash(prev, hashedBody(r)) !== r.hash) return { ok: false, checked, firstBrokenId: r.id, reason: 'hash_mismatch' };
      prev = r.hash;
      lastSeq = r.seq!;
      checked++;
    }
  }
}
