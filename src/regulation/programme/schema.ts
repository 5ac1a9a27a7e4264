// A programme is a set of measures issued by a body, expressed as data: its base types, each
// type's conditions and procedure, call rules, grading and consequences. The national 2011
// Measures are one programme; local measures modelled on them (a21.s1) are others, built from
// data alone and run by the same engine. Parsing with ZProgramme checks shape; validateProgramme
// (validate.ts) checks that kinds exist, params fit their kinds and cited clauses exist.
import { z } from 'zod';
import { ZOrgKind, ZRole } from '../actors.js';
import { ZIsoDate, zDated } from '../dated.js';
import { conditionKindIds, type ConditionKindId } from '../conditions/index.js';
import { stepKindIds, type StepKindId } from '../procedures/step-kinds.js';

const ZText = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const ZClauses = z.array(z.string().min(1)).min(1);

export const ZConditionInstance = z.object({
  kind: z.enum(conditionKindIds as [ConditionKindId, ...ConditionKindId[]]),
  clauses: ZClauses,
  params: z.unknown().optional(),
});

export const ZStepInstance = z.object({
  /** Unique within the procedure, stable across versions (history events refer to it). */
  id: z.string().min(1),
  kind: z.enum(stepKindIds as [StepKindId, ...StepKindId[]]),
  clauses: ZClauses,
  actor: z.object({
    orgKinds: z.array(ZOrgKind).min(1),
    role: ZRole.default('officer'),
    /** Every listed org kind must act before the step completes (e.g. a jointly issued document). */
    joint: z.boolean().default(false),
  }),
  /** The step that decides recognition. */
  deciding: z.boolean().default(false),
  /** post_recognition steps follow the decision (a6.p2.i4); the base is already recognized. */
  phase: z.enum(['recognition', 'post_recognition']).default('recognition'),
  /** Must be done by the call's deadline (filing and recommending). */
  deadlineBound: z.boolean().default(false),
  params: z.unknown().optional(),
});

export const ZBaseType = z.object({
  id: z.string().min(1),
  name: ZText,
  /** The clause defining the type (a5.p1 …) and the clause introducing its procedure (a5.p2 …). */
  definitionClause: z.string().min(1),
  procedureClause: z.string().min(1),
  conditions: z.array(ZConditionInstance).min(1),
  procedure: z.array(ZStepInstance).min(1),
});

export const ZQuota = z.object({
  /** Applications one recommender may forward per call, by the recommender's org kind. */
  perRecommenderKind: z.partialRecord(ZOrgKind, z.number().int().nonnegative()),
  /** Counted over all types of the call, or per type. */
  scope: z.enum(['all_types', 'per_type']),
});

export const ZGradeThresholds = z.object({ excellent: z.number(), good: z.number(), pass: z.number() });

export const ZProgramme = z.object({
  /** Lineage: all versions of the same measures share it (the trial and the 2011 measures do). */
  lineage: z.string().min(1),
  version: z.string().min(1),
  level: z.enum(['national', 'local']),
  issuer: z.object({ orgKind: ZOrgKind, name: ZText }),
  document: z.object({
    title: ZText,
    number: z.string().optional(),
    /** The clause ids of this document; a local programme may also cite the national Measures. */
    clauseIds: z.array(z.string()),
  }),
  issuedOn: ZIsoDate.nullable(),
  /** In force from (inclusive) … until (exclusive). null = unknown start / still in force. */
  effectiveFrom: ZIsoDate.nullable(),
  effectiveUntil: ZIsoDate.nullable(),
  status: z.enum(['in_force', 'superseded']),
  /** `${lineage}@${version}` of the predecessor. */
  replaces: z.string().nullable(),
  /** Where the facts of this record come from. */
  source: z.string().min(1),
  types: z.array(ZBaseType),
  callRules: z.object({
    quota: zDated(ZQuota.nullable()),
    /** A unit may hold one base of each type (checked at application). */
    oneBasePerType: z.boolean(),
    clauses: z.array(z.string()),
  }),
  grading: z.object({ thresholds: zDated(ZGradeThresholds), clauses: ZClauses }),
  annualReport: z.object({ dueMonthDay: z.string().regex(/^\d{2}-\d{2}$/), clauses: ZClauses }),
  consequences: z.object({
    failedYearsForNotice: z.number().int().positive(),
    banYears: z.number().int().positive(),
    /** A report filed after the due date is graded 不合格 (a local rule; the Measures are silent). */
    lateReportIsFail: z.boolean(),
    commendGrades: z.array(z.enum(['excellent', 'good', 'pass'])),
    clauses: ZClauses,
  }),
});

export type Programme = z.infer<typeof ZProgramme>;
export type ProgrammeInput = z.input<typeof ZProgramme>;
export type BaseTypeDef = z.infer<typeof ZBaseType>;
export type StepInstance = z.infer<typeof ZStepInstance>;
export type GradeThresholds = z.infer<typeof ZGradeThresholds>;
export type Quota = z.infer<typeof ZQuota>;
