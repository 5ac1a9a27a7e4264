import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../../organizations/tables.js';
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

/**
 * The deadline reminders sent (a14.s1): one row per base, report and stage (working days before
 * the due date). The unique key makes the daily job idempotent across retries and instances: the
 * row and the notifications are written in one transaction, and a second run inserts nothing.
 */
export const annualReportReminders = pgTable(
  'annual_report_reminders',
  {
    id: uuid().primaryKey().defaultRandom(),
    baseId: uuid().notNull().references(() => bases.id),
    year: integer().notNull(),
    kind: text().notNull(), // plan | summary
    /** Working days before the due date this reminder stands for (e.g. 5, 1). */
    stage: integer().notNull(),
    due: date().notNull(),
    users: integer().notNull(),
    jobId: text(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('annual_report_reminders_once').on(t.baseId, t.year, t.kind, t.stage)],
);

/** Raw bytes, as recognition stores its attachments: in the database, so a backup holds them. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Files uploaded to a plan or summary (a14.s1 "附件"). Same storage as recognition's attachments
 * (content sniffed, SM3 digest, bytes in PostgreSQL); the report's `attachmentIds` says which of
 * them the report includes, so an upload never races the form's optimistic version.
 */
export const annualReportAttachments = pgTable(
  'annual_report_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid().notNull().references(() => annualReports.id),
    ownerOrgId: uuid().notNull().references(() => organizations.id),
    filename: text().notNull(),
    declaredName: text(),
    mime: text().notNull(),
    size: integer().notNull(),
    sm3: text().notNull(),
    content: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('annual_report_attachments_report_idx').on(t.reportId)],
);
