import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { notifications } from '../../accounts/tables.js';

/**
 * One row per in-app notification that goes out by e-mail (only while SMTP is configured). The row
 * is the claim that makes delivery exactly-once across instances and retries:
 *   queued → sending (claimed by one worker, `claimedAt`) → sent | no_address | failed.
 * A worker that died while `sending` is taken over after a lease (deliveries.ts). The Message-ID
 * is derived from the notification, so even a resend after a crash between the SMTP server's
 * acceptance and our commit carries the same id and is deduplicated by receiving systems.
 */
export const mailDeliveries = pgTable(
  'mail_deliveries',
  {
    notificationId: uuid().primaryKey().references(() => notifications.id, { onDelete: 'cascade' }),
    state: text().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    queuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    messageId: text(),
    lastError: text(),
  },
  (t) => [index('mail_deliveries_state_idx').on(t.state, t.queuedAt)],
);
