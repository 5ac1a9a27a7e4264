import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/tables.js';
import { bases } from '../tables.js';
import type { Indicator, Thresholds } from './indicators.js';

/**
 * The indicator system of a base type (a10.i4), versioned: a year is assessed with the newest
 * version whose `fromYear` is not after it, so a change never rewrites a published year.
 */
export const indicatorSystems = pgTable(
  'indicator_systems',
  {
    id: uuid().primaryKey().defaultRandom(),
    typeId: text().notNull(),
    version: integer().notNull(),
    fromYear: integer().notNull(),
    indicators: jsonb().$type<Indicator[]>().notNull(),
    /** Score bands; null = the programme's dated thresholds. */
    thresholds: jsonb().$type<Thresholds | null>(),
    note: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('indicator_systems_type_version').on(t.typeId, t.version)],
);

/** A year the ministry assessed (a round). A year without a row is a year it skipped (a13.s3 reading). */
export const assessmentRounds = pgTable('assessment_rounds', {
  year: integer().primaryKey(),
  /** computed | published */
  status: text().notNull().default('computed'),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp({ withTimezone: true }),
  publishedBy: uuid().references(() => users.id),
});

/** One base's result for one year: grade, score and how each indicator was scored. */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    id: uuid().primaryKey().defaultRandom(),
    year: integer().notNull(),
    baseId: uuid().notNull().references(() => bases.id),
    /** excellent | good | pass | fail | not_eligible */
    grade: text().notNull(),
    score: doublePrecision(),
    reportLate: boolean().notNull().default(false),
    systemId: uuid().references(() => indicatorSystems.id),
    /** [{ id, value, score, weight, source }] and the grading verdict. */
    detail: jsonb().notNull().default({}),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('assessment_results_year_base').on(t.year, t.baseId), index('assessment_results_base_idx').on(t.baseId, t.year)],
);

/** Expert scores per indicator (entered by the ministry for a panel, or by the expert module). */
export const expertScores = pgTable(
  'assessment_expert_scores',
  {
    year: integer().notNull(),
    baseId: uuid().notNull().references(() => bases.id),
    indicatorId: text().notNull(),
    expertUserId: uuid().notNull().references(() => users.id),
    score: doublePrecision().notNull(),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.baseId, t.indicatorId, t.expertUserId] })],
);
