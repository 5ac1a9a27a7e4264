import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/tables.js';
import { bases } from '../tables.js';

/**
 * a13.s3: a notice the system PROPOSES when a base's run of failed years reaches the programme's
 * count; nothing changes for the base until the ministry confirms it with a document number.
 * `reading` is the domain's year-by-year reading, kept as it was when proposed.
 */
export const noticeProposals = pgTable(
  'notice_proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    baseId: uuid().notNull().references(() => bases.id),
    triggeredInYear: integer().notNull(),
    run: jsonb().$type<number[]>().notNull(),
    reading: jsonb().notNull(),
    /** proposed | confirmed | dismissed */
    status: text().notNull().default('proposed'),
    documentNumber: text(),
    decidedOn: date(),
    decidedBy: uuid().references(() => users.id),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notice_proposals_base_idx').on(t.baseId)],
);
