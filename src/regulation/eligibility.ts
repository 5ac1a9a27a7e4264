// May this unit file (or be recommended) for this type in this call? Every check returns a
// verdict, so the screen can show all of them; the first blocking one is also returned as a
// refusal value. Order of precedence: type and call window, ban, duplicate, conditions.
import type { Actor } from './actors.js';
import { addYears, beijingDateOf, compareDates, yearOf, type IsoDate } from './dates.js';
import { valueAt } from './dated.js';
import { evaluateConditions, type Facts } from './conditions/index.js';
import type { ProjectKind } from './conditions/facts.js';
import type { BaseTypeDef, Programme, Quota } from './programme/schema.js';
import { findType } from './programme/versions.js';
import { returnedAfterDeadline, type ProcedureEvent } from './procedures/state-machine.js';
import { refuse, type Refusal, type RefusalCode } from './refusals.js';
import { met, unmet, type Verdict } from './verdict.js';

export type BaseStatus = 'active' | 'notified' | 'revoked' | 'exited';
export type HeldBase = { typeId: string; status: BaseStatus };
export type Revocation = { revokedOn: IsoDate };
/** A call: opening and deadline instants (Beijing time), optionally the open types and a quota. */
export type Call = { opensAt: Date; deadline: Date; typeIds?: string[]; quota?: Quota | null };

export type EligibilityResult = { allowed: boolean; verdicts: Verdict[]; blocking: Refusal | null; mayApplyFrom?: IsoDate };

const block = (code: RefusalCode, v: Verdict): Refusal => refuse(code, v.clause, v.because, v.data);

function result(checks: { verdict: Verdict; code: RefusalCode }[], extra: Partial<EligibilityResult> = {}): EligibilityResult {
  const first = checks.find((c) => c.verdict.met === false);
  return { allowed: !first, verdicts: checks.map((c) => c.verdict), blocking: first ? block(first.code, first.verdict) : null, ...extra };
}

/** The application's events so far (a new application has none). */
export type ApplicationHistory = readonly Pick<ProcedureEvent, 'action' | 'at'>[];

/**
 * The call window: now within [opensAt, deadline] — a deadline of "20 May" is endOfBeijingDay('…-05-20').
 * After the deadline, an application returned for revision (退回修改) after the deadline may still be
 * refiled (state-machine.returnedAfterDeadline, the legal reading in the README).
 */
export function callWindowVerdict(type: BaseTypeDef, call: Call, now: Date, history: ApplicationHistory = []): { verdict: Verdict; code: RefusalCode } {
  const c = type.procedureClause;
  const data = { opensAt: call.opensAt.toISOString(), deadline: call.deadline.toISOString() };
  if (now < call.opensAt) return { code: 'call_not_open', verdict: unmet(c, { zh: '申报尚未开始', en: 'The call is not open yet' }, data) };
  if (now > call.deadline) {
    const returnedAt = returnedAfterDeadline(history, call.deadline);
    if (returnedAt) return { code: 'deadline_passed', verdict: met(c, { zh: '截止后被退回修改，可重新提交', en: 'Returned for revision after the deadline; may be filed again' }, { ...data, returnedAt }) };
    return { code: 'deadline_passed', verdict: unmet(c, { zh: '已超过申报截止时间', en: 'The deadline has passed' }, data) };
  }
  return { code: 'deadline_passed', verdict: met(c, { zh: '在申报期内', en: 'Within the call period' }, data) };
}

/**
 * a13.s5 "三年内不得再次申请": the ban covers [revokedOn, revokedOn + 3 years); the unit may apply
 * again on the third anniversary of the revocation (the anniversary of 29 Feb is 28 Feb, dates.addYears).
 */
export function banVerdict(programme: Programme, revocations: readonly Revocation[], today: IsoDate): { verdict: Verdict; mayApplyFrom?: IsoDate } {
  const years = programme.consequences.banYears;
  const latest = [...revocations].sort((a, b) => compareDates(a.revokedOn, b.revokedOn)).at(-1);
  if (!latest) return { verdict: met('a13.s5', { zh: '未被取消过国合基地资格', en: 'Never revoked' }) };
  const mayApplyFrom = addYears(latest.revokedOn, years);
  const data = { revokedOn: latest.revokedOn, mayApplyFrom, banYears: years };
  return compareDates(today, mayApplyFrom) < 0
    ? { mayApplyFrom, verdict: unmet('a13.s5', { zh: `${latest.revokedOn}被取消资格，${mayApplyFrom}起方可再次申请`, en: `Revoked on ${latest.revokedOn}; may apply again from ${mayApplyFrom}` }, data) }
    : { mayApplyFrom, verdict: met('a13.s5', { zh: `取消资格已满${years}年`, en: `${years} years have passed since revocation` }, data) };
}

/** a4.s1 "分类认定": one base per type; an active or notified base of the same type blocks. */
export function duplicateTypeVerdict(programme: Programme, typeId: string, held: readonly HeldBase[]): Verdict {
  const dup = programme.callRules.oneBasePerType && held.some((b) => b.typeId === typeId && (b.status === 'active' || b.status === 'notified'));
  return dup
    ? unmet('a4.s1', { zh: '该单位已是同类型国合基地', en: 'The unit already holds a base of this type' }, { typeId })
    : met('a4.s1', { zh: '未持有同类型国合基地', en: 'No base of this type held' }, { typeId });
}

/** a6.p2.i1: recommendation only from institutions executing given project kinds (any role, started by now). */
export function recommendGateVerdict(type: BaseTypeDef, facts: Facts, today: IsoDate): Verdict | null {
  const step = type.procedure.find((s) => s.kind === 'recommend');
  const kinds = (step?.params as { onlyApplicantsWithProjectKinds?: ProjectKind[] } | undefined)?.onlyApplicantsWithProjectKinds;
  if (!step || !kinds) return null;
  const clause = step.clauses[0] ?? type.procedureClause;
  const y = yearOf(today);
  const n = facts.projects.filter((p) => kinds.includes(p.kind) && p.startYear <= y).length;
  return n > 0
    ? met(clause, { zh: '申报机构执行过规定类别的项目，可被推荐', en: 'The applicant has executed projects of the required kinds' }, { count: n, kinds })
    : unmet(clause, { zh: '只能从执行国家国际科技合作专项项目和政府间科技合作项目的机构中推荐', en: 'Only institutions executing national special or intergovernmental projects may be recommended' }, { kinds });
}

export type ApplicationCheckInput = {
  programme: Programme;
  typeId: string;
  facts: Facts;
  call: Call;
  now: Date;
  revocations: readonly Revocation[];
  heldBases: readonly HeldBase[];
  /** The application's events (a resubmission after a return); omitted for a new application. */
  history?: ApplicationHistory;
};

/** May the unit file now? Conditions are judged on the Beijing date of `now`. */
export function checkApplicationAllowed(input: ApplicationCheckInput): EligibilityResult {
  const { programme, typeId, facts, call, now } = input;
  const type = findType(programme, typeId);
  if (!type || (call.typeIds && !call.typeIds.includes(typeId))) {
    const v = unmet('a4.s1', { zh: '本办法没有该基地类型或本批次未开放', en: 'No such type in this programme or call' }, { typeId });
    return { allowed: false, verdicts: [v], blocking: block('unknown_type', v) };
  }
  const today = beijingDateOf(now);
  const ban = banVerdict(programme, input.revocations, today);
  const gate = recommendGateVerdict(type, facts, today);
  const checks: { verdict: Verdict; code: RefusalCode }[] = [
    callWindowVerdict(type, call, now, input.history),
    { verdict: ban.verdict, code: 'banned' },
    { verdict: duplicateTypeVerdict(programme, typeId, input.heldBases), code: 'duplicate_type' },
    ...evaluateConditions(type.conditions, facts, today).map((verdict) => ({ verdict, code: 'not_eligible' as const })),
    ...(gate ? [{ verdict: gate, code: 'not_eligible' as const }] : []),
  ];
  return result(checks, ban.mayApplyFrom ? { mayApplyFrom: ban.mayApplyFrom } : {});
}

export type RecommendationCheckInput = {
  programme: Programme;
  typeId: string;
  facts: Facts;
  call: Call;
  now: Date;
  recommender: Actor;
  /** Whether the zone's supporting opinion is on file (types whose procedure has that step). */
  supportOpinionGiven: boolean;
  /** Applications this recommender has already forwarded in this call (all types, or this type — see the quota's scope). */
  alreadyRecommended: number;
  /** The application's events: a return after the deadline reopens the steps up to it. */
  history?: ApplicationHistory;
};

/** May this recommender forward this application now? (a6.p2.i1, a7.p2.i1, a8.p2.i1; call quota.) */
export function checkRecommendationAllowed(input: RecommendationCheckInput): EligibilityResult {
  const { programme, typeId, facts, call, now, recommender } = input;
  const type = findType(programme, typeId);
  const step = type?.procedure.find((s) => s.kind === 'recommend');
  if (!type || !step) {
    const v = unmet('a4.s1', { zh: '该类型没有推荐环节', en: 'This type has no recommendation step' }, { typeId });
    return { allowed: false, verdicts: [v], blocking: block('unknown_type', v) };
  }
  const clause = step.clauses[0] ?? type.procedureClause;
  const checks: { verdict: Verdict; code: RefusalCode }[] = [callWindowVerdict(type, call, now, input.history)];
  checks.push({
    code: 'wrong_recommender',
    verdict: step.actor.orgKinds.includes(recommender.orgKind)
      ? met(clause, { zh: '推荐部门类别符合规定', en: 'An allowed recommending department' })
      : unmet(clause, { zh: '该单位不是本类型的推荐部门', en: 'This organization may not recommend for this type' }, { allowed: step.actor.orgKinds }),
  });
  const zoneStep = type.procedure.find((s) => s.kind === 'zoneSupportOpinion');
  if (zoneStep) {
    const c = zoneStep.clauses[0] ?? clause;
    checks.push({
      code: 'missing_support_opinion',
      verdict: input.supportOpinionGiven
        ? met(c, { zh: '已有国家高新区支持意见', en: 'The zone’s supporting opinion is on file' })
        : unmet(c, { zh: '推荐前须由所在国家高新区出具支持意见', en: 'The high-tech zone must give its supporting opinion before recommendation' }),
    });
  }
  const gate = recommendGateVerdict(type, facts, beijingDateOf(now));
  if (gate) checks.push({ verdict: gate, code: 'not_eligible' });
  const quota = call.quota !== undefined ? call.quota : valueAt(programme.callRules.quota, beijingDateOf(call.opensAt));
  const limit = quota?.perRecommenderKind[recommender.orgKind];
  if (limit !== undefined) {
    const data = { limit, used: input.alreadyRecommended, scope: quota?.scope };
    checks.push({
      code: 'quota_exceeded',
      verdict: input.alreadyRecommended < limit
        ? met(type.procedureClause, { zh: `推荐名额尚余${limit - input.alreadyRecommended}个`, en: `${limit - input.alreadyRecommended} recommendation(s) left` }, data)
        : unmet(type.procedureClause, { zh: `本批次推荐名额${limit}个已用完`, en: `The quota of ${limit} is used up` }, data),
    });
  }
  return result(checks);
}
