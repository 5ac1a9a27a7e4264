import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log (a trigger in the migration refuses UPDATE and DELETE).
 * Each row carries the SM3 hash of the previous row, so tampering breaks the chain (issue 8).
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
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorUserId),
  ],
);
