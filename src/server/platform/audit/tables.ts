import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log (triggers in the migrations refuse DELETE and every UPDATE but sealing).
 * A record is written with its change; the sealer then gives it its place `seq` in the SM3 chain,
 * the hash of the record before it and its own, so tampering breaks the chain (issue 8).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorUserId: uuid(),
    actorOrgId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    /** Organization whose data scope the entity belongs to: lets a department search its own. */
    scopeOrgId: uuid(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    /** Place in the chain, set once by the sealer after commit (null: not sealed yet). */
    seq: bigint({ mode: 'number' }),
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorUserId),
    uniqueIndex('audit_log_seq_idx').on(t.seq),
    index('audit_log_unsealed_idx').on(t.id).where(sql`${t.seq} IS NULL`),
  ],
);
