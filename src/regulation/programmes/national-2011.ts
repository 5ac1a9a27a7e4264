// The 2011 Measures (国科发外〔2011〕316号, signed by MOST on 2011-07-29, in force on publication
// per a22.s1) expressed as programme data — the first programme of the engine, not a special case.
// Each condition and step cites the clauses it implements; narrative parts of a condition are a
// separate 'narrative' instance on the same clause, so the machine-checkable part never claims
// more than it checks.
import { loadProgramme } from '../programme/validate.js';
import type { ProgrammeInput } from '../programme/schema.js';
import type { OrgKind } from '../actors.js';

export const NATIONAL_LINEAGE = 'most-bases';
export const MEASURES_2011_EFFECTIVE = '2011-07-29';

const narrative = (...clauses: string[]) => clauses.map((c) => ({ kind: 'narrative' as const, clauses: [c] }));

// MOST acts through its Department of International Cooperation (a10.s0), so steps the Measures
// give to 科技部 may be handled by either; the recognition document itself is issued in MOST's name.
const MOST: OrgKind[] = ['ministry', 'ministry_intl_dept'];
const RECOMMENDERS: OrgKind[] = ['state_council_department', 'provincial_st_department'];

/** Expert review and assessment of the applicant, organized by `by` (a5.p2.i3, a6.p2.i2, a7.p2.i2, a8.p2.i2). */
const reviewSteps = (clause: string, by: OrgKind[]) => [
  // 形式审查: the completeness check practised before expert review; part of reviewing the materials.
  { id: 'formal_check', kind: 'formalCheck' as const, clauses: [clause], actor: { orgKinds: by } },
  { id: 'expert_review', kind: 'expertReview' as const, clauses: [clause], actor: { orgKinds: by } },
  { id: 'assessment', kind: 'assessment' as const, clauses: [clause], actor: { orgKinds: by } },
];

const data: ProgrammeInput = {
  lineage: NATIONAL_LINEAGE,
  version: '2011',
  level: 'national',
  issuer: { orgKind: 'ministry', name: { zh: '科学技术部', en: 'Ministry of Science and Technology' } },
  document: {
    title: { zh: '国家国际科技合作基地管理办法', en: 'Measures for the Administration of National International S&T Cooperation Bases' },
    number: '国科发外〔2011〕316号',
    clauseIds: [],
  },
  issuedOn: MEASURES_2011_EFFECTIVE,
  effectiveFrom: MEASURES_2011_EFFECTIVE,
  effectiveUntil: null,
  status: 'in_force',
  replaces: `${NATIONAL_LINEAGE}@trial`,
  source: 'measures-2011.json; date and number from the notice 国科发外〔2011〕316号 (科学技术部, 2011-07-29)',
  types: [
    {
      id: 'innovation_park',
      name: { zh: '国际创新园', en: 'International Innovation Park' },
      definitionClause: 'a5.p1',
      procedureClause: 'a5.p2',
      conditions: [
        // "依托大型科技产业基地或园区"
        { kind: 'hostKind', clauses: ['a5.p1', 'a2.s1'], params: { allowed: ['science_park'] } },
        ...narrative('a5.p1.i1', 'a5.p1.i2', 'a5.p1.i3'),
        { kind: 'hasForeignPartners', clauses: ['a5.p1.i4'], params: { minCount: 1 } },
        ...narrative('a5.p1.i4', 'a5.p1.i5'),
      ],
      procedure: [
        { id: 'agenda', kind: 'agendaConsultation', clauses: ['a5.p2.i1'], actor: { orgKinds: [...MOST, 'provincial_government'] } },
        { id: 'apply', kind: 'governmentApplication', clauses: ['a5.p2.i2'], actor: { orgKinds: ['provincial_government'] }, deadlineBound: true },
        ...reviewSteps('a5.p2.i3', MOST),
        { id: 'evaluate', kind: 'comprehensiveEvaluation', clauses: ['a5.p2.i4'], actor: { orgKinds: MOST }, params: { factors: ['recognition_criteria', 'expert_opinions', 'assessment_results'] } },
        { id: 'issue', kind: 'issueDocument', clauses: ['a5.p2.i4', 'a5.p2'], actor: { orgKinds: ['ministry'], role: 'leader' }, deciding: true, params: { issuers: ['ministry'] } },
      ],
    },
    {
      id: 'joint_research_center',
      name: { zh: '国际联合研究中心', en: 'International Joint Research Center' },
      definitionClause: 'a6.p1',
      procedureClause: 'a6.p2',
      conditions: [
        // "国内知名的重点科研机构、重点院校、创新型企业等单位"
        { kind: 'hostKind', clauses: ['a6.p1.i2', 'a2.s1'], params: { allowed: ['research_institute', 'university', 'innovative_enterprise'] } },
        // "多次承担国家国际科技合作专项项目和政府间科技合作项目"
        { kind: 'projectsUndertaken', clauses: ['a6.p1.i1'], params: { kinds: ['national_special', 'intergovernmental'], mode: 'more_than_once' } },
        ...narrative('a6.p1.i1', 'a6.p1.i2', 'a6.p1.i3', 'a6.p1.i4'),
        { kind: 'hasForeignPartners', clauses: ['a6.p1.i5'], params: { minCount: 1 } },
        ...narrative('a6.p1.i5'),
      ],
      procedure: [
        { id: 'apply', kind: 'institutionApply', clauses: ['a6.p2.i1'], actor: { orgKinds: ['host_institution'] }, deadlineBound: true },
        {
          id: 'recommend',
          kind: 'recommend',
          clauses: ['a6.p2.i1'],
          actor: { orgKinds: RECOMMENDERS },
          deadlineBound: true,
          params: { relation: 'affiliation_or_territory', onlyApplicantsWithProjectKinds: ['national_special', 'intergovernmental'] },
        },
        ...reviewSteps('a6.p2.i2', MOST),
        { id: 'evaluate', kind: 'comprehensiveEvaluation', clauses: ['a6.p2.i3'], actor: { orgKinds: MOST }, params: { factors: ['recognition_criteria', 'expert_opinions', 'assessment_results'] } },
        { id: 'issue', kind: 'issueDocument', clauses: ['a6.p2.i3', 'a6.p2'], actor: { orgKinds: ['ministry'], role: 'leader' }, deciding: true, params: { issuers: ['ministry'] } },
        // After recognition: the partner country's acknowledgement, confirmed through the bilateral
        // mechanism (recorded by the Department), then a plaque at the partner (recorded by the base).
        { id: 'foreign_acknowledgement', kind: 'foreignAcknowledgement', clauses: ['a6.p2.i4'], actor: { orgKinds: ['ministry_intl_dept'] }, phase: 'post_recognition' },
        { id: 'foreign_plaque', kind: 'foreignPlaque', clauses: ['a6.p2.i4'], actor: { orgKinds: ['host_institution'] }, phase: 'post_recognition' },
      ],
    },
    {
      id: 'tech_transfer_center',
      name: { zh: '国际技术转移中心', en: 'International Technology Transfer Center' },
      definitionClause: 'a7.p1',
      procedureClause: 'a7.p2',
      conditions: [
        // "主要从事国际技术转移和国际科技合作中介服务的独立法人机构"
        { kind: 'hostKind', clauses: ['a7.p1.i1', 'a2.s1'], params: { allowed: ['st_intermediary'] } },
        { kind: 'locatedInHighTechZone', clauses: ['a7.p1.i1'] },
        { kind: 'registrationAge', clauses: ['a7.p1.i1'], params: { minYears: 1, requireIndependentLegalEntity: true } },
        ...narrative('a7.p1.i1', 'a7.p1.i2', 'a7.p1.i3', 'a7.p1.i4'),
      ],
      procedure: [
        { id: 'apply', kind: 'institutionApply', clauses: ['a7.p2.i1'], actor: { orgKinds: ['host_institution'] }, deadlineBound: true },
        { id: 'zone_support', kind: 'zoneSupportOpinion', clauses: ['a7.p2.i1'], actor: { orgKinds: ['high_tech_zone'] }, deadlineBound: true },
        { id: 'recommend', kind: 'recommend', clauses: ['a7.p2.i1'], actor: { orgKinds: RECOMMENDERS }, deadlineBound: true, params: { relation: 'affiliation_or_territory' } },
        // "国际合作司会同火炬中心": either may handle the review steps; the document is joint.
        ...reviewSteps('a7.p2.i2', ['ministry_intl_dept', 'torch_center']),
        {
          id: 'evaluate',
          kind: 'comprehensiveEvaluation',
          clauses: ['a7.p2.i3'],
          actor: { orgKinds: ['ministry_intl_dept', 'torch_center'] },
          params: { factors: ['recognition_criteria', 'expert_opinions', 'assessment_results', 'zone_internationalization_needs', 'regional_distribution', 'development_potential', 'demonstration_effect'] },
        },
        {
          id: 'issue',
          kind: 'issueDocument',
          clauses: ['a7.p2.i3', 'a7.p2'],
          actor: { orgKinds: ['ministry_intl_dept', 'torch_center'], role: 'leader', joint: true },
          deciding: true,
          params: { issuers: ['ministry_intl_dept', 'torch_center'] },
        },
      ],
    },
    {
      id: 'demonstration_base',
      name: { zh: '示范型国际科技合作基地', en: 'Demonstration International S&T Cooperation Base' },
      definitionClause: 'a8.p1',
      procedureClause: 'a8.p2',
      conditions: [
        // "依托国内各类机构"
        { kind: 'hostKind', clauses: ['a8.p1', 'a2.s1'], params: { allowed: ['science_park', 'research_institute', 'university', 'innovative_enterprise', 'st_intermediary'] } },
        // "承担过国家级或省部级国际科技合作项目"
        { kind: 'projectsOfLevel', clauses: ['a8.p1.i1'], params: { levels: ['national', 'provincial', 'ministerial'], minCount: 1 } },
        ...narrative('a8.p1.i1', 'a8.p1.i2', 'a8.p1.i3', 'a8.p1.i4', 'a8.p1.i5'),
      ],
      procedure: [
        { id: 'apply', kind: 'institutionApply', clauses: ['a8.p2.i1'], actor: { orgKinds: ['host_institution'] }, deadlineBound: true },
        { id: 'recommend', kind: 'recommend', clauses: ['a8.p2.i1'], actor: { orgKinds: RECOMMENDERS }, deadlineBound: true, params: { relation: 'affiliation_or_territory' } },
        ...reviewSteps('a8.p2.i2', ['ministry_intl_dept']),
        {
          id: 'evaluate',
          kind: 'comprehensiveEvaluation',
          clauses: ['a8.p2.i3'],
          actor: { orgKinds: ['ministry_intl_dept'] },
          params: { factors: ['recognition_criteria', 'expert_opinions', 'assessment_results', 'national_layout', 'unit_situation'] },
        },
        { id: 'issue', kind: 'issueDocument', clauses: ['a8.p2.i3', 'a8.p2'], actor: { orgKinds: ['ministry_intl_dept'], role: 'leader' }, deciding: true, params: { issuers: ['ministry_intl_dept'] } },
      ],
    },
  ],
  callRules: {
    // The Measures set no quota; a call may (the 2014 call: 2 per province across all types, 1 for
    // other recommenders) — pass it with the call, or add a dated row here if it becomes standing.
    quota: [{ from: MEASURES_2011_EFFECTIVE, value: null, source: 'measures-2011: no quota' }],
    // "分类认定": one recognition per type; a unit holding a type has nothing to gain by a second.
    oneBasePerType: true,
    clauses: ['a4.s1'],
  },
  grading: {
    // MOST publishes the grades, not the score bands; these bands are placeholders to configure.
    thresholds: [{ from: MEASURES_2011_EFFECTIVE, value: { excellent: 90, good: 75, pass: 60 }, source: 'placeholder: score bands are not published' }],
    clauses: ['a10.i4', 'a13.s1'],
  },
  // The annual report covers the calendar year and is due by 31 December (practice of the ministry's calls).
  annualReport: { dueMonthDay: '12-31', clauses: ['a14.s1'] },
  consequences: {
    failedYearsForNotice: 3, // a13.s3 "连续三年考核不合格"
    banYears: 3, // a13.s5 "三年内不得再次申请"
    lateReportIsFail: false, // the Measures attach no grade to lateness
    commendGrades: ['excellent'], // a13.s1 commends the outstanding bases
    clauses: ['a13.s1', 'a13.s3', 'a13.s4', 'a13.s5'],
  },
};

export const national2011 = loadProgramme(data);
