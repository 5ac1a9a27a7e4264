import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/tables.js';

/**
 * International cooperation projects of an institution or base (a3: project–talent–base;
 * a6.p1.i1, a8.p1.i1 facts; a16 funding and matching funds). Entered once, read by recognition,
 * annual summaries and assessment.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().unique(),
    orgId: uuid().notNull().references(() => organizations.id),
    kind: text().notNull(), // national_special | intergovernmental | provincial | other
    level: text().notNull(), // national | provincial
    field: text(),
    title: text().notNull(),
    partnerCountry: text(),
    partnerOrgId: uuid().references(() => organizations.id),
    startYear: integer().notNull(),
    endYear: integer().notNull(),
    fundingWan: integer().notNull().default(0),
    matchingWan: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_org_idx').on(t.orgId)],
);
