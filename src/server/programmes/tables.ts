import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/tables.js';
import { users } from '../accounts/tables.js';

/**
 * Programme versions as their issuers edit them (a21.s1, a23): a draft is data (ZProgramme input)
 * owned by the issuing body — a provincial S&T department or a State Council department. Publishing
 * writes the version into `programmes` (recognition) under `lineage@version`, where calls and
 * applications refer to it; a published row here never changes again. A new version is a new
 * draft whose `replaces` names its predecessor.
 */
export const programmeDrafts = pgTable(
  'programme_drafts',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerOrgId: uuid().notNull().references(() => organizations.id),
    lineage: text().notNull(),
    label: text().notNull(),
    /** The programme as data, exactly as the issuer saved it. */
    data: jsonb().notNull(),
    /** draft | published */
    status: text().notNull().default('draft'),
    /** `lineage@version` in `programmes`, once published. */
    publishedKey: text(),
    publishedAt: timestamp({ withTimezone: true }),
    /** The draft row of the version this one replaces. */
    replacesId: uuid(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('programme_drafts_lineage_label_idx').on(t.lineage, t.label),
    index('programme_drafts_owner_idx').on(t.ownerOrgId),
  ],
);
