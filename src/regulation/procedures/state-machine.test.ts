import { describe, expect, it } from 'vitest';
import type { Actor } from '../actors.js';
import { national2011 } from '../programmes/national-2011.js';
import { findType } from '../programme/versions.js';
import { actors, call2026, duringCall, afterCall, party } from '../test-fixtures.js';
import { procedureMachine, type Action, type ProcedureState, type TransitionResult } from './state-machine.js';

const typeOf = (id: string) => findType(national2011, id)!;
const machine = (typeId: string) => {
  const t = typeOf(typeId);
  return procedureMachine({ procedure: t.procedure, procedureClause: t.procedureClause, party, deadline: call2026.deadline });
};
const approve: Action = { type: 'approve', opinion: '同意' };
const submit: Action = { type: 'submit' };

/** Apply steps in order; every one must succeed. */
function run(m: ReturnType<typeof machine>, steps: [Actor, Action, Date?][], from: ProcedureState = m.initial()): ProcedureState {
  let s = from;
  for (const [a, act, at] of steps) {
    const r = m.apply(s, act, a, at ?? duringCall);
    if (!r.ok) throw new Error(`${a.orgKind} ${act.type} at ${m.currentStep(s)?.id}: ${r.code}`);
    s = r.state;
  }
  return s;
}
const refused = (r: TransitionResult) => (r.ok ? 'ok' : [r.code, r.clause]);

describe('procedures: order, actor and deciding body of every step', () => {
  it.each([
    ['innovation_park', [
      ['agendaConsultation', 'a5.p2.i1', ['ministry', 'ministry_intl_dept', 'provincial_government']],
      ['governmentApplication', 'a5.p2.i2', ['provincial_government']],
      ['formalCheck', 'a5.p2.i3'], ['expertReview', 'a5.p2.i3', ['ministry', 'ministry_intl_dept']], ['assessment', 'a5.p2.i3'],
      ['comprehensiveEvaluation', 'a5.p2.i4'], ['issueDocument', 'a5.p2.i4', ['ministry'], true],
    ]],
    ['joint_research_center', [
      ['institutionApply', 'a6.p2.i1', ['host_institution']],
      ['recommend', 'a6.p2.i1', ['state_council_department', 'provincial_st_department']],
      ['formalCheck', 'a6.p2.i2'], ['expertReview', 'a6.p2.i2'], ['assessment', 'a6.p2.i2', ['ministry', 'ministry_intl_dept']],
      ['comprehensiveEvaluation', 'a6.p2.i3'], ['issueDocument', 'a6.p2.i3', ['ministry'], true],
      ['foreignAcknowledgement', 'a6.p2.i4'], ['foreignPlaque', 'a6.p2.i4', ['host_institution']],
    ]],
    ['tech_transfer_center', [
      ['institutionApply', 'a7.p2.i1', ['host_institution']], ['zoneSupportOpinion', 'a7.p2.i1', ['high_tech_zone']],
      ['recommend', 'a7.p2.i1', ['state_council_department', 'provincial_st_department']],
      ['formalCheck', 'a7.p2.i2'], ['expertReview', 'a7.p2.i2', ['ministry_intl_dept', 'torch_center']], ['assessment', 'a7.p2.i2'],
      ['comprehensiveEvaluation', 'a7.p2.i3'], ['issueDocument', 'a7.p2.i3', ['ministry_intl_dept', 'torch_center'], true],
    ]],
    ['demonstration_base', [
      ['institutionApply', 'a8.p2.i1', ['host_institution']], ['recommend', 'a8.p2.i1', ['state_council_department', 'provincial_st_department']],
      ['formalCheck', 'a8.p2.i2'], ['expertReview', 'a8.p2.i2', ['ministry_intl_dept']], ['assessment', 'a8.p2.i2'],
      ['comprehensiveEvaluation', 'a8.p2.i3'], ['issueDocument', 'a8.p2.i3', ['ministry_intl_dept'], true],
    ]],
  ] as const)('%s', (typeId, expected) => {
    const proc = typeOf(typeId).procedure;
    expect(proc.map((s) => s.kind)).toEqual(expected.map((e) => e[0]));
    expected.forEach((e, i) => {
      const s = proc[i]!;
      expect(s.clauses, s.id).toContain(e[1]);
      if (e[2]) expect(s.actor.orgKinds, s.id).toEqual(e[2]);
      expect(s.deciding, s.id).toBe(e[3] === true);
    });
  });

  it('a7.p2.i3: the technology transfer center’s document is issued jointly by 国际合作司 and 火炬中心', () => {
    const issue = typeOf('tech_transfer_center').procedure.find((s) => s.kind === 'issueDocument')!;
    expect(issue.actor.joint).toBe(true);
    expect(issue.params).toMatchObject({ issuers: ['ministry_intl_dept', 'torch_center'] });
  });

  it('a7.p2.i3 / a8.p2.i3: the comprehensive evaluation weighs the factors the article names', () => {
    const factors = (t: string) => (typeOf(t).procedure.find((s) => s.kind === 'comprehensiveEvaluation')!.params as { factors: string[] }).factors;
    expect(factors('tech_transfer_center')).toEqual(expect.arrayContaining(['zone_internationalization_needs', 'regional_distribution', 'development_potential', 'demonstration_effect']));
    expect(factors('demonstration_base')).toEqual(expect.arrayContaining(['national_layout', 'unit_situation']));
  });
});

describe('a5.p2: innovation park, from the consultation agenda to the plaque', () => {
  it('a5.p2.i1–i4: agenda, provincial government applies, MOST reviews, assesses, evaluates and issues', () => {
    const m = machine('innovation_park');
    const s = run(m, [[actors.ministry, approve], [actors.provGov, submit], [actors.intl, approve], [actors.intl, approve], [actors.intl, approve], [actors.intl, approve]]);
    expect(s.status).toBe('in_progress');
    expect(refused(m.apply(s, approve, actors.intl, duringCall))).toEqual(['wrong_actor', 'a5.p2.i4']); // only MOST itself issues
    const done = run(m, [[actors.ministry, approve]], s);
    expect(done.status).toBe('recognized');
    expect(done.history.at(-1)?.clauses).toEqual(['a5.p2.i4', 'a5.p2']);
  });

  it('a5.p2.i2: the government of another province is out of scope', () => {
    const m = machine('innovation_park');
    const s = run(m, [[actors.ministry, approve]]);
    const otherGov = { ...actors.provGov, orgId: 'PG2', provinceOf: 'P2' };
    expect(refused(m.apply(s, submit, otherGov, duringCall))).toEqual(['out_of_scope', 'a5.p2.i2']);
  });
});

describe('a6.p2: joint research center', () => {
  it('a6.p2.i1–i4: institution, recommender, MOST; the foreign plaque follows recognition', () => {
    const m = machine('joint_research_center');
    let s = run(m, [[actors.applicant, submit], [actors.department, approve], [actors.intl, approve], [actors.intl, approve], [actors.intl, approve], [actors.intl, approve], [actors.ministry, approve]]);
    expect(s.status).toBe('recognized');
    expect(m.currentStep(s)?.kind).toBe('foreignAcknowledgement');
    s = run(m, [[actors.intl, { type: 'approve', opinion: '经中德政府间科技合作联委会确认' }, afterCall], [actors.applicant, { type: 'approve', opinion: '已在合作方挂牌' }, afterCall]], s);
    expect(s.status).toBe('recognized');
    expect(refused(m.apply(s, approve, actors.intl, afterCall))[0]).toBe('invalid_state');
  });

  it('a6.p2.i1 / a8.p2.i1 “隶属或属地”: the affiliated department or the province of the applicant may recommend', () => {
    const m = machine('joint_research_center');
    const s = run(m, [[actors.applicant, submit]]);
    expect(m.apply(s, approve, actors.department, duringCall).ok).toBe(true);
    expect(m.apply(s, approve, actors.province, duringCall).ok).toBe(true);
  });

  it('refusal out_of_scope: another province or another department', () => {
    const m = machine('joint_research_center');
    const s = run(m, [[actors.applicant, submit]]);
    expect(refused(m.apply(s, approve, actors.otherProvince, duringCall))).toEqual(['out_of_scope', 'a6.p2.i1']);
    expect(refused(m.apply(s, approve, actors.otherDepartment, duringCall))).toEqual(['out_of_scope', 'a6.p2.i1']);
    expect(refused(m.apply(m.initial(), submit, actors.otherApplicant, duringCall))).toEqual(['out_of_scope', 'a6.p2.i1']);
  });

  it('refusal wrong_recommender: a municipal bureau may not recommend to MOST', () => {
    const m = machine('joint_research_center');
    const s = run(m, [[actors.applicant, submit]]);
    expect(refused(m.apply(s, approve, actors.city, duringCall))).toEqual(['wrong_recommender', 'a6.p2.i1']);
  });

  it('refusal out_of_turn: MOST cannot review before the recommendation', () => {
    const m = machine('joint_research_center');
    const s = run(m, [[actors.applicant, submit]]);
    expect(refused(m.apply(s, approve, actors.intl, duringCall))).toEqual(['out_of_turn', 'a6.p2.i1']);
    expect(refused(m.apply(m.initial(), approve, actors.department, duringCall))).toEqual(['out_of_turn', 'a6.p2.i1']);
  });

  it('refusal missing_role: issuing the document needs a leader', () => {
    const m = machine('joint_research_center');
    const s = run(m, [[actors.applicant, submit], [actors.department, approve], [actors.intl, approve], [actors.intl, approve], [actors.intl, approve], [actors.intl, approve]]);
    const officer = { ...actors.ministry, roles: ['officer' as const] };
    expect(refused(m.apply(s, approve, officer, afterCall))).toEqual(['missing_role', 'a6.p2.i3']);
  });

  it('opinion_required and reason_required: approvals are signed opinions, returns and rejections give reasons', () => {
    const m = machine('joint_research_center');
    const s = run(m, [[actors.applicant, submit]]);
    expect(refused(m.apply(s, { type: 'approve', opinion: '  ' }, actors.province, duringCall))[0]).toBe('opinion_required');
    expect(refused(m.apply(s, { type: 'return', reason: '' }, actors.province, duringCall))[0]).toBe('reason_required');
    expect(refused(m.apply(s, { type: 'reject', reason: '' }, actors.province, duringCall))[0]).toBe('reason_required');
  });

  it('退回修改: a return goes back to the applicant, who resubmits', () => {
    const m = machine('joint_research_center');
    const s = run(m, [[actors.applicant, submit], [actors.province, { type: 'return', reason: '合作协议缺少签字页' }]]);
    expect(s).toMatchObject({ status: 'returned', stepIndex: 0 });
    expect(s.history.at(-1)?.text).toBe('合作协议缺少签字页');
    const again = run(m, [[actors.applicant, submit]], s);
    expect(again).toMatchObject({ status: 'in_progress', stepIndex: 1 });
  });

  it('reject ends the application', () => {
    const m = machine('joint_research_center');
    const s = run(m, [[actors.applicant, submit], [actors.province, { type: 'reject', reason: '不予推荐' }]]);
    expect(s.status).toBe('rejected');
    expect(refused(m.apply(s, submit, actors.applicant, duringCall))[0]).toBe('invalid_state');
  });

  it('late submission: filing or recommending after the deadline is refused (deadline_passed)', () => {
    const m = machine('joint_research_center');
    expect(refused(m.apply(m.initial(), submit, actors.applicant, afterCall))).toEqual(['deadline_passed', 'a6.p2']);
    const s = run(m, [[actors.applicant, submit]]);
    expect(refused(m.apply(s, approve, actors.province, afterCall))).toEqual(['deadline_passed', 'a6.p2']);
  });

  it('withdraw (practice): any level pulls back its own submission before the deadline, while untouched', () => {
    const m = machine('joint_research_center');
    const submitted = run(m, [[actors.applicant, submit]]);
    const back = m.apply(submitted, { type: 'withdraw', mode: 'to_edit' }, actors.applicant, duringCall);
    expect(back.ok && back.state).toMatchObject({ status: 'draft', stepIndex: 0 });
    expect(refused(m.apply(submitted, { type: 'withdraw', mode: 'to_edit' }, actors.applicant, afterCall))[0]).toBe('deadline_passed');
    expect(refused(m.apply(submitted, { type: 'withdraw', mode: 'to_edit' }, actors.province, duringCall))[0]).toBe('not_own_submission');
    const recommended = run(m, [[actors.province, approve]], submitted);
    expect(refused(m.apply(recommended, { type: 'withdraw', mode: 'to_edit' }, actors.applicant, duringCall))[0]).toBe('not_own_submission');
    const recBack = m.apply(recommended, { type: 'withdraw', mode: 'to_edit' }, actors.province, duringCall);
    expect(recBack.ok && recBack.state).toMatchObject({ status: 'in_progress', stepIndex: 1 });
  });

  it('withdraw (abandon): only the applicant withdraws the application for good', () => {
    const m = machine('joint_research_center');
    const s = run(m, [[actors.applicant, submit]]);
    expect(refused(m.apply(s, { type: 'withdraw', mode: 'abandon' }, actors.province, duringCall))[0]).toBe('not_own_submission');
    const r = m.apply(s, { type: 'withdraw', mode: 'abandon' }, actors.applicant, afterCall);
    expect(r.ok && r.state.status).toBe('withdrawn');
  });

  it('availableActions lists what apply would accept', () => {
    const m = machine('joint_research_center');
    expect(m.availableActions(m.initial(), actors.applicant, duringCall).map((a) => a.type + ('mode' in a ? `:${a.mode}` : ''))).toEqual(['submit', 'withdraw:abandon']);
    const s = run(m, [[actors.applicant, submit]]);
    expect(m.availableActions(s, actors.province, duringCall).map((a) => a.type)).toEqual(['approve', 'return', 'reject']);
    expect(m.availableActions(s, actors.otherProvince, duringCall)).toEqual([]);
  });
});

describe('a7.p2: technology transfer center', () => {
  it('a7.p2.i1: refusal missing_support_opinion — the recommender cannot act before the zone', () => {
    const m = machine('tech_transfer_center');
    const s = run(m, [[actors.applicant, submit]]);
    expect(refused(m.apply(s, approve, actors.province, duringCall))).toEqual(['missing_support_opinion', 'a7.p2.i1']);
    expect(refused(m.apply(s, approve, actors.otherZone, duringCall))).toEqual(['out_of_scope', 'a7.p2.i1']);
    expect(m.apply(s, approve, actors.zone, duringCall).ok).toBe(true);
  });

  it('a7.p2.i2–i3: reviewed with the Torch Center; recognized only when both have signed the document', () => {
    const m = machine('tech_transfer_center');
    let s = run(m, [[actors.applicant, submit], [actors.zone, approve], [actors.province, approve], [actors.intl, approve], [actors.torch, approve], [actors.intl, approve], [actors.torch, approve]]);
    expect(m.currentStep(s)?.kind).toBe('issueDocument');
    s = run(m, [[actors.intl, approve, afterCall]], s);
    expect(s.status).toBe('in_progress');
    expect(refused(m.apply(s, approve, actors.intl, afterCall))[0]).toBe('invalid_state');
    s = run(m, [[actors.torch, approve, afterCall]], s);
    expect(s.status).toBe('recognized');
  });
});

describe('a8.p2: demonstration base', () => {
  it('a8.p2.i1–i3: applied through the province, decided and issued by 国际合作司', () => {
    const m = machine('demonstration_base');
    const s = run(m, [[actors.applicant, submit], [actors.province, approve], [actors.intl, approve], [actors.intl, approve], [actors.intl, approve], [actors.intl, approve], [actors.intl, approve, afterCall]]);
    expect(s.status).toBe('recognized');
    expect(s.history.at(-1)).toMatchObject({ actorOrgKind: 'ministry_intl_dept', clauses: ['a8.p2.i3', 'a8.p2'] });
    expect(refused(m.apply(run(m, [[actors.applicant, submit], [actors.province, approve]]), approve, actors.torch, duringCall))[0]).toBe('wrong_actor');
  });
});
