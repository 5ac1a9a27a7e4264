import { boolean, customType, date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/tables.js';
import { users } from '../accounts/tables.js';
import { bases } from '../bases/tables.js';
import type { ProcedureState } from '../../regulation/index.js';

/** Raw bytes (attachments, PDFs): kept in the database so that a backup holds the whole record. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Programme versions (a23, a21): the measures as data, keyed `lineage@version`. The national ones
 * are synced from code at start; local ones (a later issue) are inserted as data. An application
 * is judged by the version its call names, so a row is never changed once a call refers to it.
 */
export const programmes = pgTable('programmes', {
  key: text().primaryKey(),
  lineage: text().notNull(),
  version: text().notNull(),
  level: text().notNull(),
  data: jsonb().notNull(),
  effectiveFrom: date(),
  effectiveUntil: date(),
  status: text().notNull(),
  /** SM3 of the canonical JSON: the sync rewrites a row only when the code changed. */
  digest: text().notNull(),
  syncedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** 申报通知 / 批次: one call per year (sometimes more), opening some types, with a deadline. */
export const calls = pgTable('recognition_calls', {
  id: uuid().primaryKey().defaultRandom(),
  year: integer().notNull(),
  programmeKey: text().notNull().references(() => programmes.key),
  titleZh: text().notNull(),
  titleEn: text().notNull().default(''),
  typeIds: jsonb().$type<string[]>().notNull(),
  opensAt: timestamp({ withTimezone: true }).notNull(),
  /** An instant; a day deadline is the end of that day in Beijing. */
  deadline: timestamp({ withTimezone: true }).notNull(),
  /** ZQuota of the regulation, or null: the Measures set none (a call may). */
  quota: jsonb(),
  /** draft | open | closed */
  status: text().notNull().default('draft'),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
});

export type FormSection = { narrative?: string; facts?: Record<string, unknown>; attachmentIds?: string[] };
export type DeclaredPartner = { country: string; name: string; agreementSigned: boolean; orgId?: string };

/**
 * One application for recognition. Scope columns are copied from the applicant at creation so
 * that data scope is one indexed comparison; `state` is the procedure state of the regulation,
 * and status/stepIndex/stepId mirror it for filtering.
 */
export const applications = pgTable(
  'recognition_applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid().notNull().references(() => calls.id),
    programmeKey: text().notNull().references(() => programmes.key),
    typeId: text().notNull(),
    /** The host institution (for an innovation park: the science park the government files for). */
    applicantOrgId: uuid().notNull().references(() => organizations.id),
    /** Who files: the applicant itself, or the provincial government (a5.p2.i2). */
    filedByOrgId: uuid().notNull().references(() => organizations.id),
    recommenderId: uuid().references(() => organizations.id),
    /** The State Council department the applicant belongs to (隶属), when that is its recommender. */
    affiliationOrgId: uuid().references(() => organizations.id),
    zoneId: uuid().references(() => organizations.id),
    regionCode: text(),
    provinceCode: text(),
    title: text().notNull(),
    titleEn: text().notNull().default(''),
    fields: jsonb().$type<string[]>().notNull().default([]),
    foreignPartners: jsonb().$type<DeclaredPartner[]>().notNull().default([]),
    /** Per condition clause: narrative, structured facts, attachment ids. */
    sections: jsonb().$type<Record<string, FormSection>>().notNull().default({}),
    state: jsonb().$type<ProcedureState>().notNull(),
    status: text().notNull(),
    stepIndex: integer().notNull(),
    stepId: text().notNull(),
    submittedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('recognition_applications_call_idx').on(t.callId, t.typeId),
    index('recognition_applications_recommender_idx').on(t.recommenderId),
    index('recognition_applications_applicant_idx').on(t.applicantOrgId),
    index('recognition_applications_region_idx').on(t.regionCode),
    index('recognition_applications_status_idx').on(t.status, t.stepId),
  ],
);

/** The procedure's events: who (person and organization) did what at which step, signed, citing clauses. */
export const applicationEvents = pgTable(
  'recognition_application_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid().notNull().references(() => applications.id),
    seq: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    action: text().notNull(),
    stepId: text().notNull(),
    fromStepIndex: integer().notNull(),
    toStepIndex: integer().notNull(),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    completesStep: boolean().notNull(),
    actorUserId: uuid().references(() => users.id),
    actorOrgId: uuid().notNull().references(() => organizations.id),
    actorOrgKind: text().notNull(),
    clauses: jsonb().$type<string[]>().notNull(),
    /** 意见 / reason, as the actor signed it. */
    text: text(),
    attachmentIds: jsonb().$type<string[]>().notNull().default([]),
    /** SM3 of the canonical event and its SM2 signature by the system key (the opinion as signed). */
    digest: text().notNull(),
    signature: text().notNull(),
  },
  (t) => [uniqueIndex('recognition_application_events_seq_idx').on(t.applicationId, t.seq)],
);

/** Files in the database: bytes, SM3 digest, the type sniffed from the content. */
export const attachments = pgTable(
  'recognition_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid().notNull().references(() => applications.id),
    ownerOrgId: uuid().notNull().references(() => organizations.id),
    filename: text().notNull(),
    /** What the uploader called it, when the content said otherwise. */
    declaredName: text(),
    mime: text().notNull(),
    size: integer().notNull(),
    sm3: text().notNull(),
    content: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recognition_attachments_app_idx').on(t.applicationId)],
);

/**
 * Expert review (评审) and assessment (考核) results. Recorded by hand by the ministry until the
 * expert module lands; it writes the same rows with source 'expert_module'.
 */
export const reviewResults = pgTable(
  'recognition_review_results',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid().notNull().references(() => applications.id),
    /** review (a*.p2 评审: score) | assessment (考核: result) */
    kind: text().notNull(),
    score: real(),
    /** pass | fail, for assessments. */
    result: text(),
    opinion: text().notNull(),
    /** Judgements on narrative conditions: [{ clause, met, note }]. */
    judgements: jsonb().$type<Array<{ clause: string; met: boolean; note?: string }>>().notNull().default([]),
    panel: jsonb().$type<string[]>().notNull().default([]),
    source: text().notNull().default('manual'),
    recordedBy: uuid().references(() => users.id),
    recordedByOrgId: uuid().references(() => organizations.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recognition_review_results_app_idx').on(t.applicationId)],
);

/** A recognition decision: 文号, date, issuing bodies, the applications it decides. */
export const decisions = pgTable('recognition_decisions', {
  id: uuid().primaryKey().defaultRandom(),
  programmeKey: text().notNull().references(() => programmes.key),
  typeId: text().notNull(),
  documentNumber: text().notNull().unique(),
  issuedOn: date().notNull(),
  issuingBodies: jsonb().$type<string[]>().notNull(),
  applicationIds: jsonb().$type<string[]>().notNull(),
  opinion: text().notNull(),
  /** notice (公示 running) | awaiting_cosign (joint issuance, a7.p2.i3) | issued | withdrawn */
  status: text().notNull(),
  /** Who signed: [{ orgKind, orgId, userId, at }]. */
  signatures: jsonb().$type<Array<{ orgKind: string; orgId: string; userId: string; at: string }>>().notNull().default([]),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  effectiveAt: timestamp({ withTimezone: true }),
  version: integer().notNull().default(1),
});

/** 公示: published before the decision takes effect; objections are recorded and resolved. */
export const publicNotices = pgTable('recognition_public_notices', {
  id: uuid().primaryKey().defaultRandom(),
  decisionId: uuid().notNull().references(() => decisions.id).unique(),
  startsOn: date().notNull(),
  endsOn: date().notNull(),
  workingDays: integer().notNull(),
  /** open | closed */
  status: text().notNull().default('open'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const objections = pgTable(
  'recognition_objections',
  {
    id: uuid().primaryKey().defaultRandom(),
    noticeId: uuid().notNull().references(() => publicNotices.id),
    applicationId: uuid().references(() => applications.id),
    text: text().notNull(),
    contact: text().notNull(),
    /** open | upheld | dismissed */
    status: text().notNull().default('open'),
    resolution: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid().references(() => users.id),
    resolvedBy: uuid().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('recognition_objections_notice_idx').on(t.noticeId)],
);

/** Issued documents: the recognition document (per decision) and the plaque certificate (per base). */
export const documents = pgTable(
  'recognition_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** recognition | plaque */
    kind: text().notNull(),
    decisionId: uuid().notNull().references(() => decisions.id),
    baseId: uuid().references(() => bases.id),
    verificationCode: text().notNull().unique(),
    /** The canonical payload that was signed. */
    payload: jsonb().notNull(),
    signature: text().notNull(),
    signatureFingerprint: text().notNull(),
    publicKeyFingerprint: text().notNull(),
    pdf: bytea().notNull(),
    sm3: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recognition_documents_base_idx').on(t.baseId), index('recognition_documents_decision_idx').on(t.decisionId)],
);
