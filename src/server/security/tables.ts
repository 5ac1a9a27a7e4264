import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';

/**
 * The security policy, one row (id = 1), edited by the security administrator (issue 8).
 * Absent row = the defaults in settings.ts.
 */
export const securitySettings = pgTable(
  'security_settings',
  {
    id: integer().primaryKey().default(1),
    passwordMinLength: integer().notNull(),
    /** How many of the four classes (lower case, upper case, digit, symbol) a password must mix. */
    passwordMinClasses: integer().notNull(),
    /** The current password and this many previous ones may not be chosen again. */
    passwordHistory: integer().notNull(),
    /** Officials must change their password after this many days; 0 = no maximum. */
    passwordMaxAgeDaysOfficials: integer().notNull(),
    requireMfaForOfficials: boolean().notNull(),
    requireMfaForExperts: boolean().notNull(),
    accountMaxFailures: integer().notNull(),
    accountLockMinutes: integer().notNull(),
    addressMaxFailures: integer().notNull(),
    addressWindowMinutes: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [check('security_settings_single_row', sql`${t.id} = 1`)],
);

/**
 * A grant or revocation of a role. Ministry roles wait for a second security administrator
 * (status pending → applied | rejected); other roles are applied at once.
 */
export const roleRequests = pgTable(
  'role_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text().notNull(),
    /** grant | revoke */
    op: text().notNull(),
    /** pending | applied | rejected */
    status: text().notNull(),
    reason: text(),
    requestedBy: uuid().notNull().references(() => users.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('role_requests_status_idx').on(t.status, t.requestedAt)],
);
