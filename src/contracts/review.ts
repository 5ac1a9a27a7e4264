// Expert review and assessment (a5.p2–a8.p2 组织专家评审、考核): the expert pool, conflicts,
// review rounds with their proposal, scoring, panels and assessments. Shared by server and web.
import { z } from 'zod';
import { ZBaseTypeId } from './bases.js';

const ZText = z.object({ zh: z.string(), en: z.string() });
const ZInstant = z.iso.datetime({ offset: true });
const ZOrgRef = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() });
const fieldIds = ['energy', 'materials_manufacturing', 'information_network', 'agriculture', 'bio_health', 'ecology_environment', 'space_ocean', 'public_security'] as const;
/** a15.s1: the eight priority fields. */
export const ZFieldId = z.enum(fieldIds);
const ZWords = z.array(z.string().trim().min(1).max(50)).max(30);

// --- Expert pool (专家库) -----------------------------------------------------------------------

export const ZExpertStatus = z.enum(['active', 'paused', 'retired']);
export const ZEmployment = z.object({ orgId: z.uuid(), untilYear: z.number().int().min(1950).max(2100) });

export const ZExpert = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  org: ZOrgRef,
  regionCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  title: z.string().nullable(),
  fields: z.array(z.string()),
  keywords: z.array(z.string()),
  languages: z.array(z.string()),
  foreignExperience: z.string().nullable(),
  affiliationOrgIds: z.array(z.uuid()),
  employment: z.array(ZEmployment),
  status: ZExpertStatus,
  /** pending: invited, has not yet set a password. */
  accountStatus: z.string(),
  /** Masked: the pool shows that a contact exists, not the number. */
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
  history: z.object({ assigned: z.number().int(), submitted: z.number().int(), declined: z.number().int() }),
  completedAt: ZInstant.nullable(),
  version: z.number().int(),
});

export const ZExpertQuery = z.object({
  q: z.string().trim().max(50).optional(),
  field: ZFieldId.optional(),
  status: ZExpertStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZExpertInvite = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,32}$/),
  name: z.string().trim().min(1).max(50),
  orgId: z.uuid(),
  title: z.string().trim().max(50).optional(),
  fields: z.array(ZFieldId).min(1).max(8),
  keywords: ZWords.default([]),
  email: z.email().optional(),
  phone: z.string().regex(/^1\d{10}$/).optional(),
});

export const ZInvitation = z.object({
  expertId: z.uuid(),
  /** Shown once: the inviter passes it on; only its SM3 is stored. */
  token: z.string(),
  expiresAt: ZInstant,
});

export const ZAcceptInvitation = z.object({ token: z.string().min(20).max(200), password: z.string().min(10).max(200) });

/** What the expert completes themselves. */
export const ZProfileSelf = z.object({
  title: z.string().trim().max(50).nullable().optional(),
  fields: z.array(ZFieldId).min(1).max(8),
  keywords: ZWords,
  languages: z.array(z.string().trim().min(1).max(30)).max(10),
  foreignExperience: z.string().trim().max(2000).nullable().optional(),
  regionCode: z.string().regex(/^\d{6}$/).nullable().optional(),
  employment: z.array(ZEmployment).max(20).default([]),
  version: z.number().int(),
});

/** What the ministry may change. */
export const ZExpertPatch = z.object({
  status: ZExpertStatus.optional(),
  title: z.string().trim().max(50).nullable().optional(),
  fields: z.array(ZFieldId).min(1).max(8).optional(),
  keywords: ZWords.optional(),
  affiliationOrgIds: z.array(z.uuid()).max(10).optional(),
  employment: z.array(ZEmployment).max(20).optional(),
  version: z.number().int(),
});

export const ZImportReport = z.object({
  imported: z.number().int(),
  failed: z.number().int(),
  rows: z.array(z.object({
    /** The spreadsheet's row number (1 = header). */
    row: z.number().int(),
    username: z.string().nullable(),
    ok: z.boolean(),
    errors: z.array(z.object({ column: z.string(), message: z.string() })),
    expertId: z.uuid().nullable(),
    token: z.string().nullable(),
  })),
});

// --- Conflicts (回避) ---------------------------------------------------------------------------

export const ZRelationInput = z.object({
  personKey: z.string().trim().min(1).max(100),
  personName: z.string().trim().min(1).max(100),
  kind: z.enum(['coauthor', 'project']),
  year: z.number().int().min(1950).max(2100),
});
export const ZRelation = ZRelationInput.extend({ id: z.uuid(), expertId: z.uuid() });

export const ZDeclaredConflictInput = z.object({ applicationId: z.uuid(), reason: z.string().trim().min(1).max(500) });
export const ZDeclaredConflict = ZDeclaredConflictInput.extend({ id: z.uuid(), expertId: z.uuid(), createdAt: ZInstant });

export const ZConflictRules = z.object({
  sameProvince: z.boolean(),
  collaborationYears: z.number().int().min(1).max(20).nullable(),
  employmentYears: z.number().int().min(1).max(20).nullable(),
  version: z.number().int(),
});
export const ZConflictRuleCatalogue = z.array(z.object({ id: z.string(), configurable: z.boolean(), zh: z.string(), en: z.string() }));

export const ZNamedPerson = z.object({
  /** A user id when the person has an account (an expert, say); otherwise any stable id (ORCID, 姓名+单位). */
  personKey: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  role: z.enum(['leader', 'member', 'partner']),
});
export const ZNamedPeople = z.object({ people: z.array(ZNamedPerson).max(200) });

// --- Rounds and proposals -------------------------------------------------------------------

export const ZRoundParams = z.object({
  reviewers: z.object({ min: z.number().int().min(1).max(15), max: z.number().int().min(1).max(15) }).refine((r) => r.min <= r.max, { message: 'min ≤ max' }),
  maxLoad: z.number().int().min(1).max(200),
  /** k: most experts from one province on one panel. */
  maxPerProvince: z.number().int().min(1).max(15),
  /** Field weighting: relative weight of field and keyword match. */
  weights: z.object({ field: z.number().min(0).max(100), keyword: z.number().min(0).max(100) }).default({ field: 10, keyword: 1 }),
  /** Share of each panel's minimum drawn at random (随机抽取). */
  randomShare: z.number().min(0).max(1).default(0),
  /** Stored with the proposal so that the draw can be replayed; generated when absent. */
  seed: z.string().trim().min(1).max(64).optional(),
});

export const ZRoundCreate = z.object({
  callId: z.uuid(),
  typeId: z.string().min(1),
  title: z.string().trim().max(200).optional(),
  params: ZRoundParams,
});
export const ZRoundParamsPatch = z.object({ params: ZRoundParams, version: z.number().int() });
/** An annual assessment round (a10.i4): the summaries of `year` of bases of `typeId`. */
export const ZAssessmentRoundCreate = z.object({
  year: z.number().int().min(2000).max(2100),
  typeId: ZBaseTypeId,
  title: z.string().trim().max(200).optional(),
  params: ZRoundParams,
});

export const ZCriterion = z.object({
  clause: z.string(),
  title: ZText,
  guidance: ZText,
  /** Share of the total, in percent; the weights of a form sum to 100. */
  weight: z.number(),
});
export const ZScoringForm = z.object({
  criteria: z.array(ZCriterion),
  scale: z.object({ min: z.number(), max: z.number() }),
  declaration: ZText,
});

const ZIssue = z.object({ code: z.string(), applicationId: z.string().optional(), needed: z.number(), available: z.number(), zh: z.string(), en: z.string() });
export const ZProposalPair = z.object({ applicationId: z.uuid(), expertId: z.uuid(), expertName: z.string(), score: z.number(), source: z.string() });
export const ZProposalView = z.object({
  seed: z.string(),
  applicationIds: z.array(z.uuid()),
  pairs: z.array(ZProposalPair),
  unfilled: z.array(z.object({ applicationId: z.string(), mandatory: z.number(), optional: z.number() })),
  objective: z.object({ score: z.number(), value: z.number() }),
  feasibility: z.object({ ok: z.boolean(), slotsNeeded: z.number(), slotsOffered: z.number(), issues: z.array(ZIssue) }),
  conflicts: z.record(z.string(), z.number()),
  computedAt: ZInstant,
});
export const ZPendingReplacement = z.object({
  applicationId: z.uuid(), declinedExpertId: z.uuid(), replacementExpertId: z.uuid().nullable(), score: z.number().nullable(),
});
export const ZRound = z.object({
  id: z.uuid(),
  /** recognition | assessment (subjects: annual summaries; no call). */
  kind: z.string(),
  callId: z.uuid().nullable(),
  typeId: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(['draft', 'proposed', 'applied', 'panel']),
  params: ZRoundParams,
  form: ZScoringForm,
  proposal: ZProposalView.nullable(),
  pendingReplacements: z.array(ZPendingReplacement),
  appliedAt: ZInstant.nullable(),
  version: z.number().int(),
});

export const ZAdjustment = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), applicationId: z.uuid(), expertId: z.uuid() }),
  z.object({ op: z.literal('remove'), applicationId: z.uuid(), expertId: z.uuid() }),
  z.object({ op: z.literal('swap'), applicationId: z.uuid(), expertId: z.uuid(), withExpertId: z.uuid() }),
]);
export const ZAdjustInput = z.object({ ops: z.array(ZAdjustment).min(1).max(200), version: z.number().int() });
export const ZViolation = z.object({ code: z.string(), severity: z.enum(['error', 'warning']), applicationId: z.string().optional(), expertId: z.string().optional(), zh: z.string(), en: z.string() });
export const ZVersion = z.object({ version: z.number().int() });

export const ZExplanation = z.object({
  applicationId: z.uuid(),
  panel: z.array(z.object({ expertId: z.uuid(), name: z.string(), score: z.number(), source: z.string(), matchedFields: z.array(z.string()), matchedKeywords: z.array(z.string()), because: ZText })),
  excluded: z.array(z.object({ expertId: z.uuid(), name: z.string(), score: z.number(), code: z.string(), rule: z.string().optional(), because: ZText })),
});

// --- Scoring --------------------------------------------------------------------------------

export const ZRecommendation = z.enum(['recommend', 'not_recommend']);
const ZScores = z.record(z.string(), z.number().min(0).max(100));
/** A draft may be partial; it is saved server-side so that nothing typed is lost. */
export const ZDraft = z.object({
  scores: ZScores.default({}),
  opinion: z.string().max(10_000).default(''),
  recommendation: ZRecommendation.nullable().default(null),
});
export const ZSubmission = z.object({
  scores: ZScores,
  opinion: z.string().trim().min(1).max(10_000),
  recommendation: ZRecommendation,
});
export const ZDeclarationInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('sign') }),
  z.object({ decision: z.literal('decline'), reason: z.string().trim().min(1).max(500), conflict: z.boolean().default(false) }),
]);

export const ZAssignmentStatus = z.enum(['pending', 'accepted', 'declined', 'submitted']);
export const ZMyAssignment = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  roundTitle: z.string(),
  roundStatus: z.string(),
  status: ZAssignmentStatus,
  application: z.object({ id: z.uuid(), title: z.string(), titleEn: z.string(), typeId: z.string(), fields: z.array(z.string()), applicant: z.string() }),
  totalScore: z.number().nullable(),
  submittedAt: ZInstant.nullable(),
});
export const ZAssignmentDetail = ZMyAssignment.extend({
  form: ZScoringForm,
  /** The application's narratives per condition clause, to read before scoring (only after signing). */
  sections: z.record(z.string(), z.object({ narrative: z.string().optional() })).nullable(),
  draft: ZDraft.nullable(),
  draftSavedAt: ZInstant.nullable(),
  submission: ZSubmission.nullable(),
  declaredAt: ZInstant.nullable(),
  version: z.number().int(),
});

export const ZAggregate = z.object({
  applicationId: z.uuid(),
  n: z.number().int(),
  mean: z.number().nullable(),
  trimmedMean: z.number().nullable(),
  /** Population standard deviation of the totals. */
  spread: z.number().nullable(),
  trimmed: z.boolean(),
  recommendations: z.object({ recommend: z.number().int(), notRecommend: z.number().int() }),
  reviews: z.array(z.object({
    assignmentId: z.uuid(), expertId: z.uuid(), name: z.string(), total: z.number(), recommendation: z.string(),
    deviation: z.number(), outlier: z.boolean(),
  })),
  pending: z.number().int(),
  rule: ZText,
});

export const ZPanelInput = z.object({
  opinion: z.string().trim().min(1).max(10_000),
  recommendation: ZRecommendation,
  votes: z.object({ for: z.number().int().min(0), against: z.number().int().min(0), abstain: z.number().int().min(0) }),
  judgements: z.array(z.object({ clause: z.string(), met: z.boolean(), note: z.string().max(2000).optional() })).default([]),
});
export const ZPanel = z.object({
  id: z.uuid(), roundId: z.uuid(), applicationId: z.uuid(), opinion: z.string(), recommendation: ZRecommendation,
  votes: ZPanelInput.shape.votes, score: z.number().nullable(),
  /** The recognition result row; null for an assessment round (its scores go to the base's assessment). */
  resultId: z.uuid().nullable(), concludedAt: ZInstant,
});

export const ZAssessmentInput = z.object({
  mode: z.enum(['site_visit', 'defence']),
  heldOn: z.iso.date(),
  participants: z.array(z.object({ name: z.string().trim().min(1).max(100), role: z.string().trim().min(1).max(50), userId: z.uuid().optional() })).min(1).max(50),
  /** The assessment form: a judgement per condition clause checked on site or at the defence. */
  items: z.array(z.object({ clause: z.string(), met: z.boolean(), note: z.string().max(2000).optional() })).min(1),
  result: z.enum(['pass', 'fail']),
  opinion: z.string().trim().min(1).max(10_000),
});
export const ZAssessment = ZAssessmentInput.extend({ id: z.uuid(), applicationId: z.uuid(), resultId: z.uuid(), recordedAt: ZInstant });
