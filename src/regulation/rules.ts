// Rules implemented in code rather than as programme data, each with its clauses and a plain
// sentence (practice 1). The coverage test reads this registry; screens may list it.
import type { Text } from './verdict.js';

export type RuleEntry = { id: string; clauses: string[]; sentence: Text; implementedBy: string };

export const ruleRegistry: readonly RuleEntry[] = [
  { id: 'base-types', clauses: ['a2.s1', 'a4.s1'], sentence: { zh: '国合基地分四种类型，分类认定、统一管理', en: 'Four base types, each recognized under its own conditions and procedure' }, implementedBy: 'programme types; conditions/hostKind' },
  { id: 'one-base-per-type', clauses: ['a4.s1'], sentence: { zh: '同一单位不重复认定同类型基地', en: 'A unit holds at most one base of a type' }, implementedBy: 'eligibility.duplicateTypeVerdict' },
  { id: 'recommend-gate', clauses: ['a6.p2.i1'], sentence: { zh: '从执行专项和政府间项目的机构中推荐', en: 'Recommend only institutions executing special or intergovernmental projects' }, implementedBy: 'eligibility.recommendGateVerdict' },
  { id: 'zone-opinion-first', clauses: ['a7.p2.i1'], sentence: { zh: '推荐前须有国家高新区支持意见', en: 'The zone’s supporting opinion precedes recommendation' }, implementedBy: 'eligibility.checkRecommendationAllowed; procedure order' },
  { id: 'commendation', clauses: ['a13.s1'], sentence: { zh: '考核优秀的基地予以表彰', en: 'Outstanding bases are commended' }, implementedBy: 'lifecycle/grading.commendationList' },
  { id: 'three-failed-years', clauses: ['a13.s3'], sentence: { zh: '连续三年考核不合格的予以通报', en: 'Three consecutive failed assessment years lead to a notice' }, implementedBy: 'lifecycle/consequences.failedYearsRule' },
  { id: 'revocation', clauses: ['a13.s4'], sentence: { zh: '被通报基地有严重违纪违规行为的取消资格', en: 'A notified base with serious violations is revoked' }, implementedBy: 'lifecycle/consequences.revocationAllowed' },
  { id: 'ban-after-revocation', clauses: ['a13.s5'], sentence: { zh: '被取消资格的单位三年内不得再次申请', en: 'A revoked unit may not apply for three years' }, implementedBy: 'eligibility.banVerdict' },
  { id: 'late-refiling-after-return', clauses: ['a5.p2', 'a6.p2', 'a7.p2', 'a8.p2'], sentence: { zh: '截止后被退回修改的申报可在截止后重新提交（逾期不再受理的例外，见 README 法律解读）', en: 'An application returned for revision after the deadline may be filed again after it (the exception to late filing; see the README’s legal readings)' }, implementedBy: 'procedures/state-machine.returnedAfterDeadline; eligibility.callWindowVerdict' },
  { id: 'annual-report', clauses: ['a14.s1'], sentence: { zh: '年度计划和总结经推荐单位审核签署意见后报科技部', en: 'Annual plan and summary go to MOST after the recommender signs' }, implementedBy: 'lifecycle/annual-report' },
  { id: 'priority-fields', clauses: ['a15.s1'], sentence: { zh: '八个国际科技合作重点领域', en: 'The eight priority fields' }, implementedBy: 'fields.priorityFields' },
  { id: 'alliance-membership', clauses: ['a18.s1'], sentence: { zh: '正常运行的国合基地可申请加入基地联盟，可自行退出；被取消资格的基地自动退出', en: 'Bases in good standing may join the alliance and leave it; a revoked base leaves automatically' }, implementedBy: 'alliance.joinVerdict, membershipStep, leavesOnRevocation' },
  { id: 'alliance-secretariat', clauses: ['a18.s2'], sentence: { zh: '联盟秘书处（中国科学技术交流中心）审核入盟、组织活动、记录出勤', en: 'The secretariat (CSTEC) admits members, runs events and records attendance' }, implementedBy: 'alliance.membershipStep, registrationVerdict' },
  { id: 'alliance-alignment', clauses: ['a20.s1'], sentence: { zh: '基地建设与部门、地方国际科技合作工作衔接，并加强产学研合作', en: 'Bases align with departmental and local cooperation work and with industry–academia–research partners' }, implementedBy: 'alliance.alignmentVerdict' },
  { id: 'local-programmes', clauses: ['a21.s1'], sentence: { zh: '部门、地方可参照本办法制定管理办法', en: 'Departments and provinces may make their own measures on this model' }, implementedBy: 'programme/schema + loadProgramme' },
  { id: 'versions', clauses: ['a22.s1', 'a23.s1'], sentence: { zh: '本办法自发布之日起实施，原试行办法同时废止', en: 'In force on publication; the trial measures repealed' }, implementedBy: 'programme/versions.programmeVersionAt' },
];
