import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window request counters shared by every app instance (issue 8, rate limits on sign-in and
 * public forms): one row per route and address. The database clock decides the window, so
 * instances with skewed clocks still agree. Expired rows are swept now and then by the store.
 */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  hits: integer().notNull(),
});
