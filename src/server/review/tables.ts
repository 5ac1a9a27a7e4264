import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { organizations } from '../organizations/tables.js';
import { applications, calls, reviewResults } from '../recognition/tables.js';
import type { AggregateOut, DraftSubmission, PendingReplacement, RoundParams, ScoringForm, StoredProposal, Submission } from './types.js';

/**
 * An expert's profile (专家库): fields of a15.s1 and finer keywords, status. The name and the
 * institution are the user's (users.displayName, users.orgId); the region defaults to the
 * institution's. Contact details stay on the user row, SM4-sealed like everyone else's.
 */
export const expertProfiles = pgTable('expert_profiles', {
  userId: uuid().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  fields: jsonb().$type<string[]>().notNull().default([]),
  keywords: jsonb().$type<string[]>().notNull().default([]),
  title: text(),
  /** active | paused | retired — only active experts are proposed. */
  status: text().notNull().default('active'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** GB/T 2260 code when the expert works away from the institution's seat; null = the institution's. */
  regionCode: text(),
  languages: jsonb().$type<string[]>().notNull().default([]),
  foreignExperience: text(),
  /** Other bodies the expert belongs to (e.g. a post at a recommending department): the recommending-org rule reads them. */
  affiliationOrgIds: jsonb().$type<string[]>().notNull().default([]),
  /** Past employers with the last year there: the recent-employment rule reads them. */
  employment: jsonb().$type<Array<{ orgId: string; untilYear: number }>>().notNull().default([]),
  invitedBy: uuid().references(() => users.id),
  invitedByOrgId: uuid().references(() => organizations.id),
  /** When the expert last completed the profile themselves. */
  completedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
});

/** An invitation: a pending expert account that becomes active when the expert sets a password. */
export const expertInvitations = pgTable('expert_invitations', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** SM3 of the token: the token itself is shown once, to the inviter. */
  tokenHash: text().notNull().unique(),
  invitedBy: uuid().references(() => users.id),
  invitedByOrgId: uuid().references(() => organizations.id),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  acceptedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The ministry's configurable conflict rules (回避规则); no row = the defaults in conflicts/rules.ts. */
export const conflictRuleConfig = pgTable('review_conflict_rules', {
  key: text().primaryKey(),
  sameProvince: boolean().notNull().default(false),
  /** Co-authorship or a shared project within N years; null = rule off. */
  collaborationYears: integer(),
  /** Employment by the applicant within N years; null = rule off. */
  employmentYears: integer(),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
});

/** Co-authorship or a shared project between an expert and a person (personKey: a user id or an external id). */
export const expertRelations = pgTable(
  'expert_relations',
  {
    id: uuid().primaryKey().defaultRandom(),
    expertUserId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    personKey: text().notNull(),
    personName: text().notNull(),
    /** coauthor | project */
    kind: text().notNull(),
    year: integer().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('expert_relations_expert_idx').on(t.expertUserId), index('expert_relations_person_idx').on(t.personKey)],
);

/** People named in an application (leader, team, partner contacts), with the same person keys. */
export const namedPeople = pgTable(
  'review_named_people',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid().notNull().references(() => applications.id),
    personKey: text().notNull(),
    name: text().notNull(),
    /** leader | member | partner */
    role: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_named_people_app_person_idx').on(t.applicationId, t.personKey)],
);

/** A conflict the expert declared (or the ministry recorded for them) with one application. */
export const declaredConflicts = pgTable(
  'review_declared_conflicts',
  {
    id: uuid().primaryKey().defaultRandom(),
    expertUserId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** The subject (application or annual summary), as in review_assignments. */
    applicationId: uuid().notNull(),
    reason: text().notNull(),
    declaredBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_declared_conflicts_pair_idx').on(t.expertUserId, t.applicationId)],
);

/**
 * A review round (评审轮次) of one call and type. The proposal lives here, with its seed, until the
 * ministry applies it; only then are assignments written.
 * status: draft → proposed → applied → panel (会评: experts may see each other's scores).
 */
export const reviewRounds = pgTable('review_rounds', {
  id: uuid().primaryKey().defaultRandom(),
  /**
   * recognition (认定评审: subjects are the applications of a call) | assessment (年度考核: subjects
   * are the bases' annual summaries of `year`, see subjects/assessment.ts; no call).
   */
  kind: text().notNull(),
  callId: uuid().references(() => calls.id),
  typeId: text().notNull(),
  year: integer().notNull(),
  title: text().notNull(),
  params: jsonb().$type<RoundParams>().notNull(),
  form: jsonb().$type<ScoringForm>().notNull(),
  status: text().notNull().default('draft'),
  proposal: jsonb().$type<StoredProposal | null>(),
  /** Replacements computed after declines, waiting for the ministry to apply them. */
  pendingReplacements: jsonb().$type<PendingReplacement[]>().notNull().default([]),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  appliedAt: timestamp({ withTimezone: true }),
  appliedBy: uuid().references(() => users.id),
  version: integer().notNull().default(1),
});

/**
 * One expert on one application in one round. status: pending (declaration not yet signed) →
 * accepted (回避与保密承诺 signed) → submitted; or declined (the slot is freed).
 */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid().notNull().references(() => reviewRounds.id),
    /** The subject: an application (recognition round) or an annual summary (assessment round); no FK for that reason. */
    applicationId: uuid().notNull(),
    expertUserId: uuid().notNull().references(() => users.id),
    /** random | optimized | manual | replacement */
    source: text().notNull(),
    matchScore: real().notNull().default(0),
    status: text().notNull().default('pending'),
    declaredAt: timestamp({ withTimezone: true }),
    declinedAt: timestamp({ withTimezone: true }),
    declineReason: text(),
    draft: jsonb().$type<DraftSubmission | null>(),
    draftSavedAt: timestamp({ withTimezone: true }),
    submission: jsonb().$type<Submission | null>(),
    totalScore: real(),
    submittedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('review_assignments_pair_idx').on(t.roundId, t.applicationId, t.expertUserId),
    index('review_assignments_expert_idx').on(t.expertUserId, t.status),
    index('review_assignments_app_idx').on(t.applicationId),
  ],
);

/** The panel (会评) of one application in a round: consensus opinion, vote, and the result row it wrote. */
export const reviewPanels = pgTable(
  'review_panels',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid().notNull().references(() => reviewRounds.id),
    /** The subject (application or annual summary), as in review_assignments. */
    applicationId: uuid().notNull(),
    opinion: text().notNull(),
    /** recommend (推荐) | not_recommend (不推荐) */
    recommendation: text().notNull(),
    votes: jsonb().$type<{ for: number; against: number; abstain: number }>().notNull(),
    judgements: jsonb().$type<Array<{ clause: string; met: boolean; note?: string }>>().notNull().default([]),
    aggregate: jsonb().$type<AggregateOut>().notNull(),
    resultId: uuid().references(() => reviewResults.id),
    concludedBy: uuid().references(() => users.id),
    concludedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_panels_round_app_idx').on(t.roundId, t.applicationId)],
);

/** 考核: a site visit or a defence of the applicant, with its own form, participants and result. */
export const reviewAssessments = pgTable(
  'review_assessments',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid().notNull().references(() => applications.id),
    /** site_visit | defence */
    mode: text().notNull(),
    heldOn: text().notNull(),
    participants: jsonb().$type<Array<{ name: string; role: string; userId?: string }>>().notNull(),
    items: jsonb().$type<Array<{ clause: string; met: boolean; note?: string }>>().notNull(),
    /** pass | fail */
    result: text().notNull(),
    opinion: text().notNull(),
    resultId: uuid().references(() => reviewResults.id),
    recordedBy: uuid().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_assessments_app_idx').on(t.applicationId)],
);
