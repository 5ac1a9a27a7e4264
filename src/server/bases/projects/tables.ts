import { index, integer, pgTable, text, timestamp, uuid, date } from 'drizzle-orm/pg-core';
import { projects } from '../../projects/tables.js';
import { bases } from '../tables.js';

/**
 * Which of the host's projects are the base's (a host may hold bases of several types), with what
 * the shared projects table does not carry: status and the partner institution's name.
 */
export const baseProjects = pgTable(
  'base_projects',
  {
    projectId: uuid().primaryKey().references(() => projects.id),
    baseId: uuid().notNull().references(() => bases.id),
    /** ongoing | completed | terminated */
    status: text().notNull().default('ongoing'),
    partnerInstitution: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('base_projects_base_idx').on(t.baseId)],
);

/**
 * Talent and training records of a base (a17.s1): introduced and trained talent, trainings and
 * information services held, visits. They feed the summary's sections and the assessment.
 */
export const baseActivities = pgTable(
  'base_activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    baseId: uuid().notNull().references(() => bases.id),
    year: integer().notNull(),
    /** talent_introduced | talent_trained | training_held | info_service | visit_in | visit_out */
    kind: text().notNull(),
    title: text().notNull(),
    people: integer().notNull().default(1),
    country: text(),
    on: date(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('base_activities_base_year_idx').on(t.baseId, t.year)],
);
