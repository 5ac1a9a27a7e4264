import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/tables.js';
import { bases } from '../tables.js';
import type { ReportEvent } from '../../../regulation/index.js';

/**
 * A reporting year the ministry opened (a14.s1 "根据科技部要求"): its deadlines are the ministry's,
 * so they are stored with the year rather than derived from the programme's default day.
 */
export const reportingYears = pgTable('reporting_years', {
  year: integer().primaryKey(),
  planDue: date().notNull(),
  summaryDue: date().notNull(),
  openedOn: date().notNull(),
  openedBy: uuid().references(() => users.id),
  note: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One annual plan or summary of one base (a14.s1). `content` holds the typed sections; the
 * sections computed from records (projects, talent, trainings, funding) are snapshotted into
 * `computed` at each submission, so what the recommender signed is what it saw.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    baseId: uuid().notNull().references(() => bases.id),
    year: integer().notNull(),
    kind: text().notNull(), // plan | summary
    status: text().notNull().default('draft'),
    content: jsonb().notNull().default({}),
    narrative: text().notNull().default(''),
    /** Ids of uploaded attachments (the attachments table belongs to recognition). */
    attachmentIds: jsonb().$type<string[]>().notNull().default([]),
    computed: jsonb(),
    history: jsonb().$type<ReportEvent[]>().notNull().default([]),
    /** 审核意见: the recommending unit's opinion, who signed it and when. */
    opinion: text(),
    opinionSignedBy: text(),
    opinionSignedAt: timestamp({ withTimezone: true }),
    opinionSignerUserId: uuid().references(() => users.id),
    /** The recommending unit's rating (0–100), for indicators scored from its opinion. */
    recommenderScore: integer(),
    late: boolean().notNull().default(false),
    firstSubmittedAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('annual_reports_base_year_kind').on(t.baseId, t.year, t.kind), index('annual_reports_year_idx').on(t.year, t.kind)],
);
