// Recognition of bases (a4–a8): calls, applications and their procedure, review results, the
// evaluation screen, decisions, documents and public notices. Shared by server and web: the
// same schemas validate the forms and the API.
import { z } from 'zod';
import { ZPageQuery } from './common.js';

export const ZText = z.object({ zh: z.string(), en: z.string() });
export const ZVerdict = z.object({
  clause: z.string(),
  met: z.union([z.boolean(), z.literal('manual')]),
  because: ZText,
  data: z.record(z.string(), z.unknown()).optional(),
});
export const ZClauseRef = z.object({ id: z.string(), label: ZText });
const ZIsoDate = z.iso.date();
const ZInstant = z.iso.datetime({ offset: true });
const ZOrgRef = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string(), kind: z.string() });

// --- Programmes -----------------------------------------------------------------------------

export const ZProgrammeSummary = z.object({
  key: z.string(),
  lineage: z.string(),
  version: z.string(),
  level: z.string(),
  status: z.string(),
  effectiveFrom: z.string().nullable(),
  effectiveUntil: z.string().nullable(),
  title: ZText,
  types: z.array(z.object({ id: z.string(), name: ZText, definitionClause: z.string(), procedureClause: z.string() })),
});
/** The full programme as data (ZProgramme of the regulation). */
export const ZProgrammeDetail = ZProgrammeSummary.extend({ data: z.record(z.string(), z.unknown()) });

// --- Calls ----------------------------------------------------------------------------------

export const ZQuotaInput = z.object({
  perRecommenderKind: z.record(z.string(), z.number().int().nonnegative()),
  scope: z.enum(['all_types', 'per_type']),
});

export const ZCallInput = z.object({
  year: z.number().int().min(2000).max(2100),
  titleZh: z.string().trim().min(2).max(200),
  titleEn: z.string().trim().max(300).default(''),
  typeIds: z.array(z.string().min(1)).min(1),
  /** Opening day (00:00 Beijing) or an instant. */
  opensOn: ZIsoDate.optional(),
  opensAt: ZInstant.optional(),
  /** Deadline day (ends 23:59:59.999 Beijing) or an exact instant (e.g. 18:00). */
  deadlineOn: ZIsoDate.optional(),
  deadlineAt: ZInstant.optional(),
  quota: ZQuotaInput.nullable().optional(),
  /** Default: the national version in force on the opening day. */
  programmeKey: z.string().optional(),
});
export const ZCallPatch = ZCallInput.partial().extend({ version: z.number().int() });
export const ZCallStatusChange = z.object({ version: z.number().int() });

export const ZCall = z.object({
  id: z.uuid(),
  year: z.number().int(),
  programmeKey: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  typeIds: z.array(z.string()),
  types: z.array(z.object({ id: z.string(), name: ZText, procedureClause: z.string() })),
  opensAt: z.string(),
  deadline: z.string(),
  quota: ZQuotaInput.nullable(),
  status: z.enum(['draft', 'open', 'closed']),
  /** Open for filing right now (status open and within the window). */
  acceptingNow: z.boolean(),
  version: z.number().int(),
});
export const ZCallQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), status: z.enum(['draft', 'open', 'closed']).optional() });

// --- Applications ---------------------------------------------------------------------------

export const ZApplicationStatus = z.enum(['draft', 'in_progress', 'returned', 'rejected', 'recognized', 'withdrawn']);
export const ZForeignPartnerInput = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().trim().min(1).max(200),
  agreementSigned: z.boolean().default(false),
  orgId: z.uuid().optional(),
});
export const ZSectionInput = z.object({
  narrative: z.string().max(20_000).optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
  attachmentIds: z.array(z.uuid()).max(50).optional(),
});

export const ZApplicationCreate = z.object({
  callId: z.uuid(),
  typeId: z.string().min(1),
  /** Required when a provincial government files for a science park (a5.p2.i2); else the own organization. */
  applicantOrgId: z.uuid().optional(),
  title: z.string().trim().min(2).max(200),
  titleEn: z.string().trim().max(300).default(''),
  fields: z.array(z.string()).max(8).default([]),
});
export const ZApplicationPatch = z.object({
  version: z.number().int(),
  title: z.string().trim().min(2).max(200).optional(),
  titleEn: z.string().trim().max(300).optional(),
  fields: z.array(z.string()).max(8).optional(),
  foreignPartners: z.array(ZForeignPartnerInput).max(100).optional(),
  /** Keyed by the condition clause of the section (e.g. a6.p1.i3); merged into the stored sections. */
  sections: z.record(z.string(), ZSectionInput).optional(),
});

export const ZProcedureActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), opinion: z.string().trim().min(1).max(5000), attachmentIds: z.array(z.uuid()).max(20).default([]), version: z.number().int().optional() }),
  z.object({ action: z.literal('return'), reason: z.string().trim().min(1).max(5000), attachmentIds: z.array(z.uuid()).max(20).default([]), version: z.number().int().optional() }),
  z.object({ action: z.literal('reject'), reason: z.string().trim().min(1).max(5000), attachmentIds: z.array(z.uuid()).max(20).default([]), version: z.number().int().optional() }),
  z.object({ action: z.literal('withdraw'), mode: z.enum(['to_edit', 'abandon']), reason: z.string().trim().max(5000).optional(), version: z.number().int().optional() }),
]);
export const ZSubmitInput = z.object({ version: z.number().int(), note: z.string().trim().max(5000).optional() });

export const ZApplicationSummary = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  year: z.number().int(),
  programmeKey: z.string(),
  typeId: z.string(),
  typeName: ZText,
  title: z.string(),
  titleEn: z.string(),
  applicant: ZOrgRef,
  filedBy: ZOrgRef,
  recommender: ZOrgRef.nullable(),
  regionCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  fields: z.array(z.string()),
  status: ZApplicationStatus,
  stepId: z.string(),
  stepName: ZText,
  stepIndex: z.number().int(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export const ZApplicationQuery = ZPageQuery.extend({
  callId: z.uuid().optional(),
  typeId: z.string().optional(),
  status: ZApplicationStatus.optional(),
  stepId: z.string().optional(),
  /** A provincial-level code, xx0000. */
  province: z.string().regex(/^\d{6}$/).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ZStep = z.object({
  index: z.number().int(),
  id: z.string(),
  kind: z.string(),
  name: ZText,
  clauses: z.array(ZClauseRef),
  actorKinds: z.array(z.string()),
  role: z.string(),
  joint: z.boolean(),
  phase: z.enum(['recognition', 'post_recognition']),
  deadlineBound: z.boolean(),
  state: z.enum(['done', 'current', 'pending']),
  /** The event that completed the step (the latest, after returns). */
  completedBy: z.uuid().nullable(),
});
export const ZEvent = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  stepId: z.string(),
  stepName: ZText,
  fromStatus: z.string(),
  toStatus: z.string(),
  completesStep: z.boolean(),
  actor: z.object({ userId: z.uuid().nullable(), displayName: z.string().nullable(), org: ZOrgRef }),
  clauses: z.array(ZClauseRef),
  text: z.string().nullable(),
  attachmentIds: z.array(z.uuid()),
  digest: z.string(),
  signature: z.string(),
});
export const ZAttachmentMeta = z.object({
  id: z.uuid(),
  filename: z.string(),
  declaredName: z.string().nullable(),
  mime: z.string(),
  size: z.number().int(),
  sm3: z.string(),
  createdAt: z.string(),
});
export const ZReviewResult = z.object({
  id: z.uuid(),
  kind: z.enum(['review', 'assessment']),
  score: z.number().nullable(),
  result: z.enum(['pass', 'fail']).nullable(),
  opinion: z.string(),
  judgements: z.array(z.object({ clause: z.string(), met: z.boolean(), note: z.string().optional() })),
  panel: z.array(z.string()),
  source: z.string(),
  recordedBy: z.uuid().nullable(),
  recordedAt: z.string(),
});
export const ZApplicationDetail = ZApplicationSummary.extend({
  foreignPartners: z.array(ZForeignPartnerInput),
  sections: z.record(z.string(), ZSectionInput),
  steps: z.array(ZStep),
  events: z.array(ZEvent),
  attachments: z.array(ZAttachmentMeta),
  reviewResults: z.array(ZReviewResult),
  /** What the viewer may do now, as the procedure machine says. */
  availableActions: z.array(z.string()),
  deadline: z.string(),
  baseId: z.uuid().nullable(),
});

export const ZFormSection = z.object({
  clause: z.string(),
  label: ZText,
  text: ZText,
  kinds: z.array(z.string()),
  machineCheckable: z.boolean(),
  verdicts: z.array(ZVerdict),
  narrative: z.string(),
  facts: z.record(z.string(), z.unknown()),
  attachmentIds: z.array(z.uuid()),
});
export const ZApplicationForm = z.object({
  applicationId: z.uuid(),
  typeId: z.string(),
  typeName: ZText,
  definition: ZClauseRef.extend({ text: ZText }),
  sections: z.array(ZFormSection),
  /** The facts the machine-checkable conditions were judged on. */
  facts: z.record(z.string(), z.unknown()),
  /** May it be filed now: call window, a13.s5 ban, a4.s1 duplicate, conditions. */
  eligibility: z.object({ allowed: z.boolean(), verdicts: z.array(ZVerdict), blocking: ZVerdict.extend({ code: z.string() }).nullable(), mayApplyFrom: z.string().optional() }),
});

// --- Review results and evaluation ------------------------------------------------------------

export const ZReviewResultInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('review'),
    score: z.number().min(0).max(100),
    opinion: z.string().trim().min(1).max(10_000),
    judgements: z.array(z.object({ clause: z.string(), met: z.boolean(), note: z.string().max(2000).optional() })).default([]),
    panel: z.array(z.string().max(100)).max(50).default([]),
  }),
  z.object({
    kind: z.literal('assessment'),
    result: z.enum(['pass', 'fail']),
    opinion: z.string().trim().min(1).max(10_000),
    judgements: z.array(z.object({ clause: z.string(), met: z.boolean(), note: z.string().max(2000).optional() })).default([]),
    panel: z.array(z.string().max(100)).max(50).default([]),
  }),
]);

const ZCount = z.object({ key: z.string(), name: ZText, bases: z.number().int(), candidates: z.number().int() });
export const ZEvaluationQuery = z.object({ callId: z.uuid(), typeId: z.string().optional() });
export const ZEvaluationScreen = z.object({
  callId: z.uuid(),
  typeId: z.string().nullable(),
  factors: z.array(z.object({ id: z.string(), clauses: z.array(z.string()) })),
  candidates: z.array(z.object({
    applicationId: z.uuid(),
    title: z.string(),
    applicant: ZOrgRef,
    typeId: z.string(),
    provinceCode: z.string().nullable(),
    fields: z.array(z.string()),
    stepId: z.string(),
    status: z.string(),
    reviewScore: z.number().nullable(),
    reviewCount: z.number().int(),
    assessmentResult: z.enum(['pass', 'fail']).nullable(),
    verdicts: z.array(ZVerdict),
    /** How choosing it changes the layout: counts of active bases without and with it. */
    effect: z.object({
      province: z.object({ key: z.string().nullable(), without: z.number().int(), with: z.number().int() }),
      fields: z.array(z.object({ key: z.string(), without: z.number().int(), with: z.number().int() })),
      type: z.object({ key: z.string(), without: z.number().int(), with: z.number().int() }),
    }),
  })),
  distribution: z.object({ byProvince: z.array(ZCount), byField: z.array(ZCount), byType: z.array(ZCount) }),
});

// --- Decisions, notices, documents ------------------------------------------------------------

export const ZDocumentNumber = z.string().trim().regex(/^[\u4e00-\u9fff]{2,12}[〔[［(（【]\d{4}[〕\]］)）】]\d{1,5}号$/, 'like 国科外字〔2026〕12号');
export const ZDecisionInput = z.object({
  applicationIds: z.array(z.uuid()).min(1).max(200),
  documentNumber: ZDocumentNumber,
  issuedOn: ZIsoDate,
  opinion: z.string().trim().min(1).max(5000),
  /** 公示 before the decision takes effect, for N working days. */
  publicNotice: z.object({ workingDays: z.number().int().min(1).max(60) }).optional(),
});
export const ZSignInput = z.object({ opinion: z.string().trim().min(1).max(5000) });
export const ZObjectionInput = z.object({
  text: z.string().trim().min(1).max(10_000),
  contact: z.string().trim().min(1).max(200),
  applicationId: z.uuid().optional(),
});
export const ZObjectionResolve = z.object({ upheld: z.boolean(), resolution: z.string().trim().min(1).max(10_000) });
export const ZObjection = z.object({
  id: z.uuid(),
  applicationId: z.uuid().nullable(),
  text: z.string(),
  contact: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  resolution: z.string().nullable(),
  receivedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export const ZNotice = z.object({
  id: z.uuid(),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number().int(),
  status: z.enum(['open', 'closed']),
  objections: z.array(ZObjection),
});
export const ZDocumentMeta = z.object({
  id: z.uuid(),
  kind: z.enum(['recognition', 'plaque']),
  baseId: z.uuid().nullable(),
  verificationCode: z.string(),
  sm3: z.string(),
  createdAt: z.string(),
});
export const ZDecision = z.object({
  id: z.uuid(),
  programmeKey: z.string(),
  typeId: z.string(),
  typeName: ZText,
  documentNumber: z.string(),
  issuedOn: z.string(),
  issuingBodies: z.array(z.string()),
  applicationIds: z.array(z.uuid()),
  opinion: z.string(),
  status: z.enum(['notice', 'awaiting_cosign', 'issued', 'withdrawn']),
  signatures: z.array(z.object({ orgKind: z.string(), orgId: z.uuid(), userId: z.uuid(), at: z.string() })),
  notice: ZNotice.nullable(),
  documents: z.array(ZDocumentMeta),
  baseIds: z.array(z.uuid()),
  version: z.number().int(),
});

export const ZVerification = z.object({
  valid: z.boolean(),
  checks: z.object({ codeOk: z.boolean(), signatureOk: z.boolean(), keyOk: z.boolean() }),
  kind: z.enum(['recognition', 'plaque']),
  verificationCode: z.string(),
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuingBodies: z.array(z.string()),
  bases: z.array(z.object({ code: z.string().nullable(), nameZh: z.string(), nameEn: z.string().optional(), hostInstitution: z.string().nullable(), status: z.string().nullable() })),
  signatureFingerprint: z.string(),
  publicKeyFingerprint: z.string(),
});

// --- Post-recognition records (a6.p2.i4) ------------------------------------------------------

export const ZPostRecognitionInput = z.object({
  on: ZIsoDate,
  evidence: z.string().trim().min(1).max(5000),
  attachmentIds: z.array(z.uuid()).max(20).default([]),
  /** For the plaque: where it hangs. */
  partner: z.string().trim().max(200).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
});

export type CallInput = z.infer<typeof ZCallInput>;
export type ApplicationPatch = z.infer<typeof ZApplicationPatch>;
export type ProcedureActionInput = z.infer<typeof ZProcedureActionInput>;
export type DecisionInput = z.infer<typeof ZDecisionInput>;

/** What a state change returns: enough to refresh the step bar and keep editing. */
export const ZTransitionResult = z.object({
  id: z.uuid(),
  status: ZApplicationStatus,
  stepId: z.string(),
  stepIndex: z.number().int(),
  version: z.number().int(),
});
export const ZDecisionResult = z.object({ decisionId: z.uuid(), status: z.enum(['notice', 'awaiting_cosign', 'issued', 'withdrawn']), baseIds: z.array(z.uuid()) });
export const ZBaseEventResult = z.object({ eventId: z.uuid(), application: ZTransitionResult });
export const ZPublicNotice = z.object({
  noticeId: z.uuid(),
  decisionId: z.uuid(),
  typeName: ZText,
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number().int(),
  issuingBodies: z.array(z.string()),
  candidates: z.array(z.object({ title: z.string(), hostInstitution: z.string(), regionCode: z.string().nullable() })),
});
