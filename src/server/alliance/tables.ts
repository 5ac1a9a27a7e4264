import { boolean, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../accounts/tables.js';
import { organizations } from '../organizations/tables.js';
import { bases } from '../bases/tables.js';

/** Raw bytes of event materials: in the database, like recognition attachments, so a backup holds them. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A base's membership of the alliance (a18.s1): one row per application. `applied` → `member`
 * (accepted by the secretariat, a18.s2) or `declined`; a member `left` on its own or was `removed`
 * when its recognition was revoked. At most one open (applied/member) row per base.
 */
export const allianceMemberships = pgTable(
  'alliance_memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    baseId: uuid().notNull().references(() => bases.id),
    status: text().notNull(),
    statement: text().notNull().default(''),
    appliedBy: uuid().references(() => users.id),
    appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    joinedOn: date(),
    leftOn: date(),
    leftReason: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('alliance_memberships_base_idx').on(t.baseId),
    uniqueIndex('alliance_memberships_open_idx').on(t.baseId).where(sql`status in ('applied', 'member')`),
  ],
);

/** Working groups by a15 field or by region (province code, 2 digits). */
export const allianceGroups = pgTable('alliance_groups', {
  id: uuid().primaryKey().defaultRandom(),
  /** field | region */
  kind: text().notNull(),
  fieldId: text(),
  provinceCode: text(),
  nameZh: text().notNull(),
  nameEn: text().notNull().default(''),
  descriptionZh: text().notNull().default(''),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const allianceGroupMembers = pgTable(
  'alliance_group_members',
  {
    groupId: uuid().notNull().references(() => allianceGroups.id),
    baseId: uuid().notNull().references(() => bases.id),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.baseId] })],
);

/** The shared resource directory: equipment, partners, services a member base offers (a18.s1 资源共享). */
export const allianceResources = pgTable(
  'alliance_resources',
  {
    id: uuid().primaryKey().defaultRandom(),
    baseId: uuid().notNull().references(() => bases.id),
    /** equipment | partner | service */
    kind: text().notNull(),
    titleZh: text().notNull(),
    titleEn: text().notNull().default(''),
    descriptionZh: text().notNull().default(''),
    contact: text().notNull().default(''),
    postedBy: uuid().references(() => users.id),
    postedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alliance_resources_base_idx').on(t.baseId)],
);

/** Announcements of the secretariat to members (a18.s2). */
export const allianceAnnouncements = pgTable('alliance_announcements', {
  id: uuid().primaryKey().defaultRandom(),
  titleZh: text().notNull(),
  titleEn: text().notNull().default(''),
  bodyZh: text().notNull(),
  bodyEn: text().notNull().default(''),
  publishedBy: uuid().references(() => users.id),
  publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Meetings, trainings (a17.s1) and delegations run by the secretariat. */
export const allianceEvents = pgTable(
  'alliance_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** meeting | training | delegation */
    kind: text().notNull(),
    titleZh: text().notNull(),
    titleEn: text().notNull().default(''),
    descriptionZh: text().notNull().default(''),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    place: text().notNull().default(''),
    /** Destination country of a delegation (ISO 3166-1 alpha-2). */
    country: text(),
    capacity: integer(),
    registrationCloses: date(),
    /** open | closed (registration) | held (attendance recorded) */
    status: text().notNull().default('open'),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [index('alliance_events_starts_idx').on(t.startsOn)],
);

/** A member base's registration for an event; attendance is recorded on it by the secretariat. */
export const allianceRegistrations = pgTable(
  'alliance_registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid().notNull().references(() => allianceEvents.id),
    baseId: uuid().notNull().references(() => bases.id),
    participants: integer().notNull(),
    names: text().notNull().default(''),
    registeredBy: uuid().references(() => users.id),
    registeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attended: boolean(),
    attendees: integer(),
    recordedBy: uuid().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('alliance_registrations_event_base_idx').on(t.eventId, t.baseId), index('alliance_registrations_base_idx').on(t.baseId)],
);

/** Event materials (agenda, slides, minutes): bytes, SM3 digest, type sniffed from the content. */
export const allianceMaterials = pgTable(
  'alliance_materials',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid().notNull().references(() => allianceEvents.id),
    filename: text().notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    sm3: text().notNull(),
    content: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alliance_materials_event_idx').on(t.eventId)],
);

/**
 * a20.s1: what links a base's work to its recommending department's and local cooperation
 * programmes and to its domestic industry–academia–research (产学研) partners. Recorded by the host
 * or the recommending department (`byOrgId`).
 */
export const allianceLinks = pgTable(
  'alliance_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    baseId: uuid().notNull().references(() => bases.id),
    /** department_programme | local_programme | iur_partner */
    kind: text().notNull(),
    name: text().notNull(),
    /** For iur_partner: enterprise | university | research_institute. */
    partnerKind: text(),
    note: text().notNull().default(''),
    byOrgId: uuid().notNull().references(() => organizations.id),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alliance_links_base_idx').on(t.baseId)],
);
