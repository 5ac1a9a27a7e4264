import { boolean, date, index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * One registry for every kind of body the Measures name (a2, a5–a8, a11): ministry bodies,
 * recommending departments, zones, host institutions and foreign partners.
 * `recommenderId` is derived from affiliation (隶属) and territory (属地) — a11.s0 — and stored
 * so that data-scope filters are a single indexed comparison.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().unique(),
    kind: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull().default(''),
    uscc: text().unique(),
    regionCode: text(),
    country: text(),
    affiliationId: uuid().references((): AnyPgColumn => organizations.id),
    zoneId: uuid().references((): AnyPgColumn => organizations.id),
    recommenderId: uuid().references((): AnyPgColumn => organizations.id),
    registeredOn: date(),
    independentLegalEntity: boolean().notNull().default(true),
    status: text().notNull().default('active'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('organizations_recommender_idx').on(t.recommenderId),
    index('organizations_region_idx').on(t.regionCode),
    index('organizations_kind_idx').on(t.kind),
  ],
);
