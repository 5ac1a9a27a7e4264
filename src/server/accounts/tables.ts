import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/tables.js';

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  orgId: uuid().notNull().references(() => organizations.id),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  email: text(),
  phone: text(),
  passwordHash: text().notNull(),
  /** pending: registered, awaiting review by the local S&T department; active; disabled. */
  status: text().notNull().default('active'),
  failedLogins: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  locale: text().notNull().default('zh-CN'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
  /** When the password was last set: the maximum age for officials counts from here (issue 8). */
  passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** TOTP (RFC 6238) secret, SM4-encrypted with the key ring (AAD binds it to this row); null = not enrolled. */
  totpSecret: text(),
  totpEnabledAt: timestamp({ withTimezone: true }),
  /** An enrolment started but not yet confirmed with a code (SM4-encrypted like totpSecret). */
  totpPendingSecret: text(),
  /** The last TOTP time step accepted: a code is never accepted twice (replay). */
  totpLastStep: bigint({ mode: 'number' }),
});

/** Previous password hashes (argon2id), newest first by `createdAt`: the history rule reads them. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

/** Single-use recovery codes for the second factor, stored as SM3(userId ':' code). */
export const recoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** The second step of a sign-in: issued after a correct password, completed with a code. */
export const mfaChallenges = pgTable('mfa_challenges', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  attempts: integer().notNull().default(0),
  usedAt: timestamp({ withTimezone: true }),
  ip: text(),
  userAgent: text(),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Server-side sessions, shared by every app instance. `id` is the SHA-256 of the cookie token. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
    revokedAt: timestamp({ withTimezone: true }),
    /** The id shown to the user (the primary key is derived from the cookie token and stays private). */
    handle: uuid().notNull().defaultRandom().unique(),
    /**
     * What the session may do before the user fixes something: `mfa_enrolment_required`,
     * `password_expired`, or null (no restriction).
     */
    restriction: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginEvents = pgTable(
  'login_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    username: text().notNull(),
    ip: text(),
    ok: boolean().notNull(),
    reason: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userAgent: text(),
  },
  (t) => [index('login_events_user_idx').on(t.userId, t.at), index('login_events_ip_idx').on(t.ip, t.at)],
);

/** Registration of a new institution account, reviewed by its local S&T department (issue 2). */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id),
    userId: uuid().notNull().references(() => users.id),
    reviewerOrgId: uuid().notNull().references(() => organizations.id),
    status: text().notNull().default('pending'),
    reason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registrations_reviewer_idx').on(t.reviewerOrgId, t.status)],
);

/** Server copy of a form draft, so that input survives a lost connection or an expired session. */
export const drafts = pgTable(
  'drafts',
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    data: jsonb().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    params: jsonb().notNull().default({}),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // created_at alone: the mail dispatcher looks for the last day's notifications (platform/mail).
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), index('notifications_created_idx').on(t.createdAt)],
);

/**
 * WebAuthn credentials (security keys, platform authenticators) registered as a second factor.
 * `credentialId` and `publicKey` (COSE) are base64url; `counter` is the authenticator's signature
 * counter, which must grow with every use (a clone of the key shows up as a regression).
 */
export const webauthnCredentials = pgTable(
  'webauthn_credentials',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    credentialId: text().notNull().unique(),
    publicKey: text().notNull(),
    counter: bigint({ mode: 'number' }).notNull().default(0),
    transports: jsonb().$type<string[]>().notNull().default([]),
    name: text().notNull(),
    deviceType: text().notNull(),
    backedUp: boolean().notNull().default(false),
    aaguid: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('webauthn_credentials_user_idx').on(t.userId)],
);

/**
 * A WebAuthn challenge handed to the browser, kept here (not in one instance's memory) so any
 * instance can verify the answer. Registration binds it to the session that asked, sign-in to the
 * pending sign-in (mfa_challenges); either way it is deleted when an answer is checked (single use).
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: text().$type<'registration' | 'authentication'>().notNull(),
    challenge: text().notNull().unique(),
    sessionId: text().references(() => sessions.id, { onDelete: 'cascade' }),
    mfaChallengeId: uuid().references(() => mfaChallenges.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webauthn_challenges_user_idx').on(t.userId)],
);
