// The life of a base after recognition (issue 5): the base page, annual plans and summaries
// (a14.s1), projects and support (a16, a17), assessment (a10.i4), consequences (a13) and the board.
// Shared by server and web: the same schemas validate the forms and the API.
import { z } from 'zod';
import { ZPageQuery } from './common.js';

const ZText = z.object({ zh: z.string(), en: z.string() });
const ZDate = z.iso.date();

export const baseTypeIds = ['innovation_park', 'joint_research_center', 'tech_transfer_center', 'demonstration_base'] as const;
export const ZBaseTypeId = z.enum(baseTypeIds);
export const baseStatuses = ['active', 'notified', 'revoked'] as const;
export const ZBaseStatus = z.enum(baseStatuses);
export const gradeIds = ['excellent', 'good', 'pass', 'fail', 'not_eligible'] as const;
export const ZGrade = z.enum(gradeIds);
export type GradeId = z.infer<typeof ZGrade>;

// ---------------------------------------------------------------------------------------------
// The base page

export const ZBaseListQuery = ZPageQuery.extend({
  type: ZBaseTypeId.optional(),
  status: ZBaseStatus.optional(),
  /** Two-digit province prefix or a six-digit GB/T 2260 code (xx0000 = the whole province). */
  province: z.string().regex(/^\d{2}(\d{4})?$/).optional(),
  field: z.string().max(40).optional(),
  /** Year of recognition. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
});
export type BaseListQuery = z.infer<typeof ZBaseListQuery>;

export const ZGradeOfYear = z.object({ year: z.number().int(), grade: ZGrade, score: z.number().nullable() });

export const ZBaseListItem = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  typeId: z.string(),
  status: z.string(),
  statusChangedOn: z.string().nullable(),
  hostOrgId: z.uuid(),
  hostNameZh: z.string(),
  hostNameEn: z.string(),
  recommenderId: z.uuid().nullable(),
  recommenderNameZh: z.string().nullable(),
  recommenderNameEn: z.string().nullable(),
  regionCode: z.string().nullable(),
  fields: z.array(z.string()),
  recognizedOn: z.string(),
  lastResult: ZGradeOfYear.nullable(),
});
export type BaseListItem = z.infer<typeof ZBaseListItem>;

export const ZForeignPartner = z.object({ nameZh: z.string().optional(), nameEn: z.string(), country: z.string(), agreementSigned: z.boolean().optional() });
export const ZForeignPlaque = z.object({ country: z.string(), partner: z.string(), on: z.string().nullable() });
export const ZBaseDocument = z.object({ kind: z.string(), number: z.string(), on: z.string(), title: z.string() });
export const ZTimelineEvent = z.object({
  /** The event's id; for a report event, `<reportId>:<n>` (the n-th step of that report's history). */
  id: z.string(), kind: z.string(), on: z.string(), clauses: z.array(z.string()), documentNumber: z.string().nullable(), note: z.string().nullable(),
  /** For report events (report_submitted, report_returned, report_signed, report_received): which report. */
  report: z.object({ id: z.uuid(), year: z.number().int(), kind: z.enum(['plan', 'summary']), late: z.boolean() }).optional(),
});

export const ZYearReading = z.object({
  year: z.number().int(),
  reading: z.enum(['no_round', 'recognized_that_year', 'not_eligible', 'missing', 'fail', 'passed']),
  grade: ZGrade.optional(),
  runLength: z.number().int(),
});
/** a13.s3 as the domain read it, year by year, with its sentence (shown on screen, never re-worded). */
export const ZFailedYearsReading = z.object({
  clause: z.literal('a13.s3'),
  rule: ZText,
  triggered: z.boolean(),
  triggeredInYear: z.number().int().optional(),
  run: z.array(z.number().int()),
  years: z.array(ZYearReading),
  because: ZText,
});
export type FailedYearsReading = z.infer<typeof ZFailedYearsReading>;

export const ZBaseProject = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  field: z.string().nullable(),
  partnerCountry: z.string().nullable(),
  partnerInstitution: z.string().nullable(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  fundingWan: z.number(),
  matchingWan: z.number(),
  status: z.string(),
});
export type BaseProject = z.infer<typeof ZBaseProject>;

export const ZBaseDetail = ZBaseListItem.extend({
  programmeKey: z.string(),
  typeName: ZText,
  host: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string(), kind: z.string(), affiliationNameZh: z.string().nullable(), affiliationNameEn: z.string().nullable() }),
  /** a12.s1: recognition leaves the host's affiliation as it was; the page says so. */
  affiliationRule: z.object({ clause: z.literal('a12.s1'), text: ZText }),
  foreignPartners: z.array(ZForeignPartner),
  foreignPlaques: z.array(ZForeignPlaque),
  documents: z.array(ZBaseDocument),
  timeline: z.array(ZTimelineEvent),
  operatingModel: z.string().nullable(),
  /** a13.s2: the assessment history, shown wherever the base's projects are considered. */
  assessments: z.array(ZGradeOfYear),
  failedYears: ZFailedYearsReading,
  projects: z.array(ZBaseProject),
  version: z.number().int(),
});
export type BaseDetail = z.infer<typeof ZBaseDetail>;

export const ZOperatingModelPatch = z.object({ version: z.number().int(), operatingModel: z.string().trim().max(4000) });

// ---------------------------------------------------------------------------------------------
// Reporting years, plans and summaries (a14.s1)

export const ZReportingYearInput = z.object({
  year: z.number().int().min(2000).max(2100),
  planDue: ZDate,
  /** Default: the programme's day (31 December of the year). */
  summaryDue: ZDate.optional(),
  note: z.string().max(1000).optional(),
});
export const ZReportingYear = z.object({ year: z.number().int(), planDue: z.string(), summaryDue: z.string(), openedOn: z.string(), note: z.string().nullable() });

export const reportKinds = ['plan', 'summary'] as const;
export const ZReportKind = z.enum(reportKinds);

const count = z.number().int().min(0).max(1_000_000).default(0);
/** The typed sections a base writes; the computed ones (projects, talent, trainings, funding) come from records. */
export const ZReportContent = z.object({
  goals: z.array(z.object({ goal: z.string().max(500), result: z.string().max(2000).default(''), achieved: z.boolean().default(false) })).max(50).default([]),
  partners: z.array(z.object({ name: z.string().max(200), country: z.string().max(2), agreement: z.boolean().default(false) })).max(200).default([]),
  papers: z.object({ total: count, international: count }).default({ total: 0, international: 0 }),
  patents: z.object({ filed: count, granted: count, international: count }).default({ filed: 0, granted: 0, international: 0 }),
  standards: z.object({ total: count, international: count }).default({ total: 0, international: 0 }),
  techTransfer: z.object({ contracts: count, valueWan: count }).default({ contracts: 0, valueWan: 0 }),
  difficulties: z.string().max(4000).default(''),
});
export type ReportContent = z.infer<typeof ZReportContent>;

export const ZReportComputed = z.object({
  projects: z.array(ZBaseProject),
  /** a16.s1 programme funding and a16.s2 matching funds of the projects active in the year. */
  funding: z.object({ programmeWan: z.number(), matchingWan: z.number() }),
  talent: z.object({ introduced: z.number().int(), trained: z.number().int() }),
  trainings: z.object({ held: z.number().int(), trainees: z.number().int(), infoServices: z.number().int() }),
  visits: z.object({ incoming: z.number().int(), outgoing: z.number().int() }),
  /** a17.s1: alliance meetings, trainings and delegations the base attended, from the secretariat's attendance record. */
  alliance: z.object({ events: z.number().int(), trainings: z.number().int(), attendees: z.number().int(), trainees: z.number().int() }).optional(),
});
export type ReportComputed = z.infer<typeof ZReportComputed>;

export const ZReportEvent = z.object({
  at: z.string(), action: z.string(), actorOrgId: z.string(), from: z.string(), to: z.string(), text: z.string().optional(), late: z.boolean().optional(),
});

export const ZReport = z.object({
  id: z.uuid(),
  baseId: z.uuid(),
  baseNameZh: z.string(),
  baseNameEn: z.string(),
  year: z.number().int(),
  kind: ZReportKind,
  status: z.string(),
  due: z.string(),
  content: ZReportContent,
  narrative: z.string(),
  attachmentIds: z.array(z.string()),
  /** The files the report includes (attachmentIds, in that order), for display and download. */
  attachments: z.array(z.object({ id: z.uuid(), filename: z.string(), declaredName: z.string().nullable(), mime: z.string(), size: z.number().int(), sm3: z.string(), createdAt: z.string() })).default([]),
  /** Live from the records while a draft; the snapshot taken at submission afterwards. */
  computed: ZReportComputed,
  history: z.array(ZReportEvent),
  opinion: z.string().nullable(),
  opinionSignedBy: z.string().nullable(),
  opinionSignedAt: z.string().nullable(),
  recommenderScore: z.number().nullable(),
  late: z.boolean(),
  version: z.number().int(),
});
export type Report = z.infer<typeof ZReport>;

export const ZReportSave = z.object({
  version: z.number().int(),
  content: ZReportContent,
  narrative: z.string().max(20_000).default(''),
  attachmentIds: z.array(z.string().max(64)).max(50).default([]),
});

export const ZReportAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit') }),
  z.object({ type: z.literal('withdraw') }),
  /** 审核意见, signed by a named person; an optional rating feeds indicators scored from the opinion. */
  z.object({ type: z.literal('sign'), opinion: z.string().max(4000), signedBy: z.string().trim().min(1).max(60), score: z.number().int().min(0).max(100).optional() }),
  z.object({ type: z.literal('return'), reason: z.string().max(4000) }),
  z.object({ type: z.literal('receive') }),
]);
export type ReportActionInput = z.infer<typeof ZReportAction>;

export const ZReportPrefill = z.object({ fromYear: z.number().int().nullable(), content: ZReportContent, narrative: z.string(), carried: z.array(z.string()) });

const ZReportCell = z.object({ id: z.uuid().nullable(), status: z.string().nullable(), late: z.boolean(), missing: z.boolean(), due: z.string() });
export const ZYearReportRow = z.object({
  baseId: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string(), recommenderNameZh: z.string().nullable(), recommenderNameEn: z.string().nullable(), plan: ZReportCell, summary: ZReportCell,
});
export const ZYearReportsQuery = ZPageQuery.extend({ flag: z.enum(['late', 'missing']).optional() });

// ---------------------------------------------------------------------------------------------
// Projects and support (a16, a17, a10.i3)

export const baseProjectKinds = ['national_special', 'intergovernmental', 'other'] as const;
export const projectStatuses = ['ongoing', 'completed', 'terminated'] as const;
export const ZBaseProjectInput = z.object({
  kind: z.enum(baseProjectKinds),
  title: z.string().trim().min(2).max(200),
  field: z.string().max(40).nullable().default(null),
  partnerCountry: z.string().regex(/^[A-Z]{2}$/),
  partnerInstitution: z.string().trim().max(200),
  startYear: z.number().int().min(1990).max(2100),
  endYear: z.number().int().min(1990).max(2100),
  fundingWan: z.number().int().min(0),
  /** a16.s2: matching funds from the recommending department. */
  matchingWan: z.number().int().min(0).default(0),
  status: z.enum(projectStatuses).default('ongoing'),
}).refine((p) => p.endYear >= p.startYear, { path: ['endYear'], message: 'endYear before startYear' });

export const activityKinds = ['talent_introduced', 'talent_trained', 'training_held', 'info_service', 'visit_in', 'visit_out'] as const;
export const ZActivityInput = z.object({
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(activityKinds),
  title: z.string().trim().min(1).max(200),
  people: z.number().int().min(0).max(100_000).default(1),
  country: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  on: ZDate.nullable().default(null),
  note: z.string().max(1000).nullable().default(null),
});
export const ZActivity = z.object({
  id: z.uuid(), year: z.number().int(), kind: z.string(), title: z.string(), people: z.number().int(), country: z.string().nullable(), on: z.string().nullable(), note: z.string().nullable(),
});

// ---------------------------------------------------------------------------------------------
// Assessment (a10.i4)

/** What a computed indicator reads, per base and year, from the summary, projects and records. */
export const metricIds = [
  'projects_active', 'projects_national', 'funding_wan', 'matching_wan', 'partners', 'visits', 'talent_introduced', 'talent_trained',
  'trainings_held', 'info_services', 'papers', 'papers_international', 'patents', 'standards', 'transfer_contracts', 'transfer_value_wan',
  'report_on_time', 'goals_achieved_ratio',
] as const;
export const ZMetricId = z.enum(metricIds);
export type MetricId = z.infer<typeof ZMetricId>;

export const ZIndicator = z.object({
  id: z.string().regex(/^[a-z0-9_]{2,40}$/),
  group: ZText,
  name: ZText,
  weight: z.number().positive().max(100),
  /** computed from report data | scored by experts | from the recommending unit's rating. */
  source: z.enum(['computed', 'expert', 'recommender']),
  metric: ZMetricId.optional(),
  /** The value that earns full marks; scores are proportional below it. */
  target: z.number().positive().optional(),
}).refine((i) => i.source !== 'computed' || (i.metric && i.target), { message: 'a computed indicator needs metric and target', path: ['metric'] });
export type IndicatorInput = z.infer<typeof ZIndicator>;

export const ZThresholds = z.object({ excellent: z.number(), good: z.number(), pass: z.number() })
  .refine((t) => t.excellent > t.good && t.good > t.pass && t.pass > 0, { message: 'thresholds must fall: excellent > good > pass > 0' });

export const ZIndicatorSystemInput = z.object({
  typeId: ZBaseTypeId,
  fromYear: z.number().int().min(2000).max(2100),
  indicators: z.array(ZIndicator).min(1).max(60)
    .refine((xs) => new Set(xs.map((x) => x.id)).size === xs.length, { message: 'indicator ids must be unique' })
    .refine((xs) => Math.abs(xs.reduce((s, x) => s + x.weight, 0) - 100) < 1e-6, { message: 'weights must add up to 100' }),
  thresholds: ZThresholds.nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
});
export const ZIndicatorSystem = z.object({
  id: z.uuid().nullable(), typeId: z.string(), version: z.number().int(), fromYear: z.number().int(), indicators: z.array(ZIndicator),
  thresholds: ZThresholds.nullable(), note: z.string().nullable(), isDefault: z.boolean(),
});

export const ZIndicatorScore = z.object({
  id: z.string(), source: z.string(), weight: z.number(), value: z.number().nullable(), score: z.number().nullable(),
});
export const ZAssessmentResult = z.object({
  baseId: z.uuid(), code: z.string(), nameZh: z.string(), typeId: z.string(), year: z.number().int(), grade: ZGrade, gradeName: ZText,
  score: z.number().nullable(), reportLate: z.boolean(), indicators: z.array(ZIndicatorScore), because: ZText,
});
export const ZRunYearResult = z.object({
  year: z.number().int(), assessed: z.number().int(), grades: z.record(z.string(), z.number().int()), proposals: z.number().int(), ms: z.number(),
});
export const ZExpertScoreInput = z.object({
  indicatorId: z.string().max(40),
  score: z.number().min(0).max(100),
  comment: z.string().max(2000).nullable().default(null),
  /** Whose score: default the signed-in user; the ministry may enter a panel member's. */
  expertUserId: z.uuid().optional(),
});

// ---------------------------------------------------------------------------------------------
// Consequences (a13)

export const ZCommendation = z.object({
  year: z.number().int(), clause: z.literal('a13.s1'), published: z.boolean(),
  items: z.array(z.object({ baseId: z.uuid(), code: z.string(), nameZh: z.string(), grade: ZGrade, score: z.number().nullable() })),
});
export const ZThreeYearRow = z.object({ baseId: z.uuid(), code: z.string(), nameZh: z.string(), status: z.string(), reading: ZFailedYearsReading });
export const ZNoticeProposal = z.object({
  id: z.uuid(), baseId: z.uuid(), code: z.string(), nameZh: z.string(), triggeredInYear: z.number().int(), run: z.array(z.number().int()),
  reading: ZFailedYearsReading, status: z.string(), documentNumber: z.string().nullable(), decidedOn: z.string().nullable(),
});
export const ZConfirmNotice = z.object({ documentNumber: z.string().trim().min(3).max(80), on: ZDate, note: z.string().max(2000).optional() });
export const ZDismissNotice = z.object({ reason: z.string().trim().min(1).max(2000) });
export const ZViolationInput = z.object({ on: ZDate, serious: z.boolean(), description: z.string().trim().min(2).max(4000), documentNumber: z.string().max(80).optional() });
export const ZRevokeInput = z.object({ documentNumber: z.string().trim().min(3).max(80), on: ZDate, note: z.string().max(2000).optional() });
export const ZMayApplyAgain = z.object({
  orgId: z.uuid(), clause: z.literal('a13.s5'),
  revocations: z.array(z.object({ revokedOn: z.string(), mayApplyAgainOn: z.string() })),
  /** The first day the unit may apply again after its latest revocation; null if never revoked. */
  mayApplyFrom: z.string().nullable(),
});

// ---------------------------------------------------------------------------------------------
// Dynamic management board (a10.i4)

const ZReportProgress = z.object({
  expected: z.number().int(), draft: z.number().int(), submitted: z.number().int(), returned: z.number().int(),
  signed: z.number().int(), received: z.number().int(), late: z.number().int(), missing: z.number().int(),
});
export const ZBoard = z.object({
  year: z.number().int(),
  scope: z.string(),
  byStatus: z.array(z.object({ status: z.string(), n: z.number().int() })),
  byType: z.array(z.object({ typeId: z.string(), n: z.number().int() })),
  reporting: z.object({ open: z.boolean(), plan: ZReportProgress, summary: ZReportProgress }),
  distribution: z.array(z.object({ grade: ZGrade, n: z.number().int() })),
  atRisk: z.array(z.object({ baseId: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string(), status: z.string(), failedRun: z.number().int(), run: z.array(z.number().int()) })),
  trends: z.array(z.object({ year: z.number().int(), excellent: z.number().int(), good: z.number().int(), pass: z.number().int(), fail: z.number().int(), not_eligible: z.number().int() })),
});
export type Board = z.infer<typeof ZBoard>;
