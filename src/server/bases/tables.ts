import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/tables.js';
import { users } from '../accounts/tables.js';

/**
 * A recognized base (国合基地). The host institution keeps its affiliation (a12.s1); scope columns
 * (recommenderId, zoneId, regionCode) are copied from the host at recognition so that data-scope
 * filters are one indexed comparison, as for organizations.
 */
export const bases = pgTable(
  'bases',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Public code, e.g. GH-2026-JRC-0001. */
    code: text().notNull().unique(),
    /** Programme version it was recognized under, `lineage@version` (a23, a21). */
    programmeKey: text().notNull(),
    typeId: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull().default(''),
    hostOrgId: uuid().notNull().references(() => organizations.id),
    recommenderId: uuid().references(() => organizations.id),
    zoneId: uuid().references(() => organizations.id),
    regionCode: text(),
    fields: jsonb().$type<string[]>().notNull().default([]),
    /** [{ orgId?, nameZh?, nameEn, country, agreementSigned? }] */
    foreignPartners: jsonb().$type<Array<Record<string, unknown>>>().notNull().default([]),
    recognizedOn: date().notNull(),
    /** active | notified (被通报, a13.s3) | revoked (资格取消, a13.s4) */
    status: text().notNull().default('active'),
    statusChangedOn: date(),
    /** The application it came from, when recognized through the system. */
    applicationId: uuid(),
    operatingModel: text(), // a12.s2
    /** Plaques hung at foreign partners (a6.p2.i4): [{ country, partner, on }] */
    foreignPlaques: jsonb().$type<Array<{ country: string; partner: string; on: string | null }>>().notNull().default([]),
    /** The base's documents: recognition, notice, revocation — [{ kind, number, on, title }] */
    documents: jsonb().$type<Array<{ kind: string; number: string; on: string; title: string }>>().notNull().default([]),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bases_recommender_idx').on(t.recommenderId),
    index('bases_host_idx').on(t.hostOrgId),
    index('bases_region_idx').on(t.regionCode),
    index('bases_status_idx').on(t.status),
  ],
);

/** Everything that happened to a base, for its timeline (recognition, plaques, notices, revocation). */
export const baseEvents = pgTable(
  'base_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    baseId: uuid().notNull().references(() => bases.id),
    kind: text().notNull(),
    on: date().notNull(),
    clauses: jsonb().$type<string[]>().notNull().default([]),
    documentNumber: text(),
    note: text(),
    data: jsonb(),
    actorUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('base_events_base_idx').on(t.baseId, t.on)],
);
