// The library of step kinds a procedure is assembled from. A kind says how the step is acted on:
//   submit — the party files (or re-files) the application;
//   review — the party gives a signed opinion and passes it on, or returns or rejects it;
//   record — the party records that something happened (an agenda item, a plaque abroad).
// Who acts, which clauses apply, whether it decides: the step INSTANCE in the programme says so.
import { z } from 'zod';
import type { Text } from '../verdict.js';
import { ZOrgKind } from '../actors.js';
import { projectKinds } from '../conditions/facts.js';

export type StepMode = 'submit' | 'review' | 'record';

export type StepKind<S extends z.ZodType = z.ZodType> = {
  id: string;
  name: Text;
  mode: StepMode;
  canReturn: boolean;
  canReject: boolean;
  params: S;
};

const kind = <S extends z.ZodType>(k: StepKind<S>) => k;
const none = z.object({});

/** Factors the comprehensive evaluation weighs (a5–a8 p2 last step). */
export const evaluationFactors = [
  'recognition_criteria', // 认定标准
  'expert_opinions', // 专家意见
  'assessment_results', // 考核情况
  'zone_internationalization_needs', // 国家高新区国际化发展需求 (a7.p2.i3)
  'regional_distribution', // 地域分布 (a7.p2.i3)
  'development_potential', // 发展潜力 (a7.p2.i3)
  'demonstration_effect', // 示范效应 (a7.p2.i3)
  'national_layout', // 全国整体布局 (a8.p2.i3)
  'unit_situation', // 各单位具体情况 (a8.p2.i3)
] as const;

export const stepKinds = {
  agendaConsultation: kind({ id: 'agendaConsultation', name: { zh: '列入部省会商议题', en: 'On the ministry–province consultation agenda' }, mode: 'record', canReturn: false, canReject: false, params: none }),
  governmentApplication: kind({ id: 'governmentApplication', name: { zh: '省级人民政府提出申请', en: 'Provincial government applies' }, mode: 'submit', canReturn: false, canReject: false, params: none }),
  institutionApply: kind({ id: 'institutionApply', name: { zh: '申报机构提出申请', en: 'Institution applies' }, mode: 'submit', canReturn: false, canReject: false, params: none }),
  zoneSupportOpinion: kind({ id: 'zoneSupportOpinion', name: { zh: '国家高新区出具支持意见', en: 'High-tech zone’s supporting opinion' }, mode: 'review', canReturn: true, canReject: true, params: none }),
  recommend: kind({
    id: 'recommend',
    name: { zh: '推荐部门审核推荐', en: 'Recommending department reviews and recommends' },
    mode: 'review',
    canReturn: true,
    canReject: true,
    params: z.object({
      /** "根据隶属或属地关系": an affiliated department or the territorial department may recommend. */
      relation: z.enum(['affiliation_or_territory', 'territory', 'affiliation']).default('affiliation_or_territory'),
      /** a6.p2.i1: recommend only from institutions executing projects of these kinds. */
      onlyApplicantsWithProjectKinds: z.array(z.enum(projectKinds)).optional(),
    }),
  }),
  preScreen: kind({ id: 'preScreen', name: { zh: '预审', en: 'Pre-screening' }, mode: 'review', canReturn: true, canReject: true, params: z.object({ by: z.enum(['experts', 'agency']).default('experts') }) }),
  formalCheck: kind({ id: 'formalCheck', name: { zh: '形式审查', en: 'Completeness check' }, mode: 'review', canReturn: true, canReject: true, params: none }),
  expertReview: kind({ id: 'expertReview', name: { zh: '专家评审', en: 'Expert review' }, mode: 'review', canReturn: false, canReject: false, params: z.object({ minExperts: z.number().int().positive().optional() }) }),
  assessment: kind({ id: 'assessment', name: { zh: '考核', en: 'Assessment of the applicant' }, mode: 'review', canReturn: false, canReject: false, params: none }),
  comprehensiveEvaluation: kind({ id: 'comprehensiveEvaluation', name: { zh: '综合评价', en: 'Comprehensive evaluation' }, mode: 'review', canReturn: false, canReject: true, params: z.object({ factors: z.array(z.enum(evaluationFactors)).min(1) }) }),
  officeMeetingDecision: kind({ id: 'officeMeetingDecision', name: { zh: '办公会议决定', en: 'Office meeting decision' }, mode: 'review', canReturn: false, canReject: true, params: none }),
  publicNotice: kind({ id: 'publicNotice', name: { zh: '公示', en: 'Public notice' }, mode: 'review', canReturn: false, canReject: true, params: z.object({ workingDays: z.number().int().positive() }) }),
  issueDocument: kind({
    id: 'issueDocument',
    name: { zh: '发文认定并授牌', en: 'Recognition document and plaque' },
    mode: 'review',
    canReturn: false,
    canReject: true,
    params: z.object({ issuers: z.array(ZOrgKind).min(1), plaque: z.boolean().default(true) }),
  }),
  foreignAcknowledgement: kind({ id: 'foreignAcknowledgement', name: { zh: '外方资格认同', en: 'Acknowledgement by the partner’s government' }, mode: 'record', canReturn: false, canReject: false, params: none }),
  foreignPlaque: kind({ id: 'foreignPlaque', name: { zh: '在国外合作伙伴机构挂牌', en: 'Plaque at the foreign partner' }, mode: 'record', canReturn: false, canReject: false, params: none }),
} as const satisfies Record<string, StepKind>;

export type StepKindId = keyof typeof stepKinds;
export const stepKindIds = Object.keys(stepKinds) as StepKindId[];
