import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { bases } from '../bases/tables.js';
import { publicNotices } from '../recognition/tables.js';

/**
 * What the public column (a19.s1) publishes besides the directory: the ministry's notices (通知通告)
 * and what the bases submit — news, cooperation offers and needs (合作信息), results for the results
 * bulletin. A base's item is `submitted`, then an editor (ministry or alliance secretariat) `accepted`
 * (published) or `returned` it; a returned item may be edited and submitted again. Notices are
 * written by editors and published at once (baseId null).
 */
export const portalItems = pgTable(
  'portal_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** notice | news | cooperation_offer | cooperation_need | result */
    kind: text().notNull(),
    baseId: uuid().references(() => bases.id),
    titleZh: text().notNull(),
    titleEn: text().notNull().default(''),
    bodyZh: text().notNull(),
    bodyEn: text().notNull().default(''),
    /** submitted | accepted | returned */
    status: text().notNull(),
    submittedBy: uuid().notNull().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    /** The editor's reason when returning (shown to the base, never published). */
    reviewNote: text(),
    publishedAt: timestamp({ withTimezone: true }),
    /** Beijing calendar year of acceptance: the year whose assessment counts the item. */
    acceptedYear: integer(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('portal_items_public_idx').on(t.status, t.kind, t.publishedAt),
    index('portal_items_base_idx').on(t.baseId, t.acceptedYear),
  ],
);

/**
 * Objections filed by the public against a 公示 through the portal. They are received here (the
 * recognition capability records objections as a national body, recordObjection), and a ministry
 * officer forwards each into recognition's objection record; `recognitionObjectionId` links the two.
 * `contact` is private: it is never rendered on a public page.
 */
export const portalObjections = pgTable(
  'portal_objections',
  {
    id: uuid().primaryKey().defaultRandom(),
    noticeId: uuid().notNull().references(() => publicNotices.id),
    /** The application objected to (one of the decision's), or null for the whole notice. */
    applicationId: uuid(),
    text: text().notNull(),
    contact: text().notNull(),
    /** Short receipt number shown to the filer. */
    receipt: text().notNull().unique(),
    /** received | forwarded */
    status: text().notNull().default('received'),
    recognitionObjectionId: uuid(),
    forwardedBy: uuid().references(() => users.id),
    forwardedAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('portal_objections_notice_idx').on(t.noticeId, t.status)],
);
