import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';

/** An expert's profile (专家库): fields of a15.s1 and finer keywords, status. */
export const expertProfiles = pgTable('expert_profiles', {
  userId: uuid().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  fields: jsonb().$type<string[]>().notNull().default([]),
  keywords: jsonb().$type<string[]>().notNull().default([]),
  title: text(),
  status: text().notNull().default('active'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
