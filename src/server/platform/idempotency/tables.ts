import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Client-generated Idempotency-Key → the stored response (issue 8: a retried submission never
 * creates twice). `scope` is the signed-in user's id, or `public` for routes without a session
 * (registration); `state` is `pending` while the first request runs and `done` once its 2xx
 * response is stored (in the same transaction as the change when the route uses withIdempotency).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text().notNull(),
    key: text().notNull(),
    method: text().notNull(),
    route: text().notNull(),
    /** SM3 of method, URL and body: the same key with a different request is refused. */
    requestHash: text().notNull(),
    state: text({ enum: ['pending', 'done'] }).notNull(),
    /** The app instance (boot id) that holds a pending key. */
    owner: text().notNull(),
    status: integer(),
    contentType: text(),
    body: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
