// The bases' alliance (a18, a17.s1, a20.s1): shapes shared by the server and the web app.
import { z } from 'zod';
import { fieldIds } from '../regulation/fields.js';

const ZDate = z.iso.date();
const ZText = z.object({ zh: z.string(), en: z.string() });
const title = z.string().trim().min(2).max(200);
const country = z.string().regex(/^[A-Z]{2}$/);

export const membershipStatuses = ['applied', 'member', 'declined', 'left', 'removed'] as const;
export const eventKinds = ['meeting', 'training', 'delegation'] as const;
export const resourceKinds = ['equipment', 'partner', 'service'] as const;
export const linkKinds = ['department_programme', 'local_programme', 'iur_partner'] as const;
export const iurPartnerKinds = ['enterprise', 'university', 'research_institute'] as const;

export const ZVersion = z.object({ version: z.number().int().min(1) });
export const ZApply = z.object({ baseId: z.uuid(), statement: z.string().trim().max(2000).default('') });
export const ZDecide = ZVersion.extend({ note: z.string().trim().max(2000).default('') });
export const ZLeave = ZVersion.extend({ reason: z.string().trim().max(2000).default('') });

export const ZMembership = z.object({
  id: z.uuid(), baseId: z.uuid(), baseCode: z.string(), baseNameZh: z.string(), baseNameEn: z.string(), baseStatus: z.string(),
  status: z.enum(membershipStatuses), statement: z.string(), appliedAt: z.string(), decidedAt: z.string().nullable(), decisionNote: z.string().nullable(),
  joinedOn: z.string().nullable(), leftOn: z.string().nullable(), leftReason: z.string().nullable(), version: z.number().int(),
});
export type Membership = z.infer<typeof ZMembership>;

/** What the alliance page opens with: who I am to the alliance, and my bases' standing. */
export const ZOverview = z.object({
  role: z.enum(['secretariat', 'ministry', 'member', 'non_member', 'recommender']),
  canDecide: z.boolean(),
  bases: z.array(z.object({
    baseId: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string(), status: z.string(),
    membership: ZMembership.nullable(), join: z.object({ met: z.boolean(), because: ZText, clause: z.string() }),
  })),
  counts: z.object({ members: z.number().int(), pending: z.number().int(), groups: z.number().int(), resources: z.number().int(), events: z.number().int() }).nullable(),
});

export const ZMember = z.object({
  baseId: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string(), typeId: z.string(), regionCode: z.string().nullable(),
  fields: z.array(z.string()), hostNameZh: z.string(), joinedOn: z.string().nullable(),
});

export const ZGroupInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), fieldId: z.enum(fieldIds), nameZh: title, nameEn: z.string().trim().max(200).default(''), descriptionZh: z.string().trim().max(2000).default('') }),
  z.object({ kind: z.literal('region'), provinceCode: z.string().regex(/^\d{2}$/), nameZh: title, nameEn: z.string().trim().max(200).default(''), descriptionZh: z.string().trim().max(2000).default('') }),
]);
export const ZGroup = z.object({
  id: z.uuid(), kind: z.enum(['field', 'region']), fieldId: z.string().nullable(), provinceCode: z.string().nullable(), nameZh: z.string(), nameEn: z.string(), descriptionZh: z.string(),
  members: z.array(z.object({ baseId: z.uuid(), code: z.string(), nameZh: z.string() })),
});
export const ZGroupJoin = z.object({ baseId: z.uuid() });

export const ZResourceInput = z.object({
  baseId: z.uuid(), kind: z.enum(resourceKinds), titleZh: title, titleEn: z.string().trim().max(200).default(''),
  descriptionZh: z.string().trim().max(4000).default(''), contact: z.string().trim().max(200).default(''),
});
export const ZResource = z.object({
  id: z.uuid(), baseId: z.uuid(), baseNameZh: z.string(), kind: z.enum(resourceKinds), titleZh: z.string(), titleEn: z.string(), descriptionZh: z.string(), contact: z.string(), postedAt: z.string(),
});

export const ZAnnouncementInput = z.object({ titleZh: title, titleEn: z.string().trim().max(200).default(''), bodyZh: z.string().trim().min(2).max(20_000), bodyEn: z.string().trim().max(20_000).default('') });
export const ZAnnouncement = z.object({ id: z.uuid(), titleZh: z.string(), titleEn: z.string(), bodyZh: z.string(), bodyEn: z.string(), publishedAt: z.string() });

export const ZEventInput = z.object({
  kind: z.enum(eventKinds), titleZh: title, titleEn: z.string().trim().max(200).default(''), descriptionZh: z.string().trim().max(4000).default(''),
  startsOn: ZDate, endsOn: ZDate, place: z.string().trim().max(200).default(''), country: country.nullable().default(null),
  capacity: z.number().int().min(1).max(10_000).nullable().default(null), registrationCloses: ZDate.nullable().default(null),
}).refine((e) => e.endsOn >= e.startsOn, { path: ['endsOn'], message: 'endsOn before startsOn' })
  .refine((e) => !e.registrationCloses || e.registrationCloses <= e.endsOn, { path: ['registrationCloses'], message: 'registration closes after the event' });

export const ZRegistrationInput = z.object({ baseId: z.uuid(), participants: z.number().int().min(1).max(200), names: z.string().trim().max(2000).default('') });
export const ZRegistration = z.object({
  id: z.uuid(), baseId: z.uuid(), baseCode: z.string(), baseNameZh: z.string(), participants: z.number().int(), names: z.string(), registeredAt: z.string(),
  attended: z.boolean().nullable(), attendees: z.number().int().nullable(),
});
export const ZAttendanceInput = z.object({
  version: z.number().int().min(1),
  items: z.array(z.object({ registrationId: z.uuid(), attended: z.boolean(), attendees: z.number().int().min(0).max(200) })).min(1).max(500),
}).refine((a) => a.items.every((i) => i.attended || i.attendees === 0), { path: ['items'], message: 'attendees of an absent registration must be 0' });

export const ZMaterial = z.object({ id: z.uuid(), filename: z.string(), mime: z.string(), size: z.number().int(), sm3: z.string(), createdAt: z.string() });
export const ZEvent = z.object({
  id: z.uuid(), kind: z.enum(eventKinds), titleZh: z.string(), titleEn: z.string(), descriptionZh: z.string(), startsOn: z.string(), endsOn: z.string(),
  place: z.string(), country: z.string().nullable(), capacity: z.number().int().nullable(), registrationCloses: z.string().nullable(), status: z.string(), version: z.number().int(),
  registered: z.number().int(), attended: z.number().int().nullable(),
});
export const ZEventDetail = ZEvent.extend({ registrations: z.array(ZRegistration), materials: z.array(ZMaterial) });

export const ZLinkInput = z.object({
  baseId: z.uuid(), kind: z.enum(linkKinds), name: z.string().trim().min(2).max(200),
  partnerKind: z.enum(iurPartnerKinds).nullable().default(null), note: z.string().trim().max(1000).default(''),
}).refine((l) => (l.kind === 'iur_partner') === (l.partnerKind !== null), { path: ['partnerKind'], message: 'partnerKind is required for an iur_partner and only for it' });
export const ZLink = z.object({ id: z.uuid(), baseId: z.uuid(), kind: z.enum(linkKinds), name: z.string(), partnerKind: z.string().nullable(), note: z.string(), byOrgNameZh: z.string(), createdAt: z.string() });
export const ZAlignment = z.object({ baseId: z.uuid(), links: z.array(ZLink), verdict: z.object({ met: z.boolean(), clause: z.string(), because: ZText }) });

export const ZContribution = z.object({ events: z.number().int(), trainings: z.number().int(), attendees: z.number().int(), trainees: z.number().int(), clause: z.literal('a17.s1') });

export const ZWorkReport = z.object({
  year: z.number().int(),
  membership: z.object({ joined: z.number().int(), left: z.number().int(), removed: z.number().int(), declined: z.number().int(), pending: z.number().int(), membersAtEnd: z.number().int() }),
  events: z.array(z.object({ id: z.uuid(), kind: z.enum(eventKinds), titleZh: z.string(), startsOn: z.string(), registeredBases: z.number().int(), attendedBases: z.number().int(), attendees: z.number().int() })),
  attendance: z.object({ events: z.number().int(), trainings: z.number().int(), attendees: z.number().int(), trainees: z.number().int(), basesAttending: z.number().int() }),
  resources: z.object({ posted: z.number().int(), byKind: z.record(z.string(), z.number().int()) }),
  groups: z.array(z.object({ id: z.uuid(), nameZh: z.string(), kind: z.string(), members: z.number().int() })),
  announcements: z.number().int(),
  alignment: z.array(z.object({ baseId: z.uuid(), code: z.string(), nameZh: z.string(), programmes: z.number().int(), partners: z.number().int(), met: z.boolean(), because: ZText })),
});
export type WorkReport = z.infer<typeof ZWorkReport>;
export const ZYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export { fieldIds };
