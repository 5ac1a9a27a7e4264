// a21.s1: a provincial programme modelled on the Measures, built from data alone and run by the
// same engine: an extra type (an overseas demonstration park that must hold a land lease), a
// commissioned agency's pre-screen, the department's office meeting, 10 working days of 公示.
import { describe, expect, it } from 'vitest';
import { actor, facts, party } from '../test-fixtures.js';
import { beijingInstant, endOfBeijingDay } from '../dates.js';
import { checkApplicationAllowed } from '../eligibility.js';
import { procedureMachine, type Action, type ProcedureState } from '../procedures/state-machine.js';
import { loadProgramme } from './validate.js';
import { findType, programmeVersionAt } from './versions.js';
import type { Actor } from '../actors.js';

const thresholds = [{ from: '2020-01-01', value: { excellent: 85, good: 70, pass: 60 }, source: 'local measures art. 14' }];
const localData: unknown = JSON.parse(JSON.stringify({
  lineage: 'px-bases',
  version: '2020',
  level: 'local',
  issuer: { orgKind: 'provincial_st_department', name: { zh: '省科学技术厅', en: 'Provincial S&T Department' } },
  document: { title: { zh: '省国际科技合作基地管理办法', en: 'Provincial measures for international cooperation bases' }, clauseIds: ['px.a6.p1', 'px.a6.p1.i1', 'px.a6.p1.i2', 'px.a6.p2', 'px.a6.p2.i1', 'px.a6.p2.i2', 'px.a6.p2.i3', 'px.a6.p2.i4', 'px.a6.p2.i5', 'px.a14', 'px.a15'] },
  issuedOn: '2020-01-01', effectiveFrom: '2020-01-01', effectiveUntil: null, status: 'in_force', replaces: null,
  source: 'test data for a provincial programme',
  types: [{
    id: 'overseas_demonstration_park',
    name: { zh: '境外示范园区', en: 'Overseas demonstration park' },
    definitionClause: 'px.a6.p1', procedureClause: 'px.a6.p2',
    conditions: [
      { kind: 'holdsDocument', clauses: ['px.a6.p1.i2'], params: { kind: 'land_lease', label: { zh: '土地租赁合同', en: 'Land lease' } } },
      { kind: 'narrative', clauses: ['px.a6.p1.i1'], params: { question: { zh: '园区运营良好', en: 'The park is well run' } } },
    ],
    procedure: [
      { id: 'apply', kind: 'institutionApply', clauses: ['px.a6.p2.i1'], actor: { orgKinds: ['host_institution'] }, deadlineBound: true },
      { id: 'recommend', kind: 'recommend', clauses: ['px.a6.p2.i1'], actor: { orgKinds: ['provincial_department', 'municipal_st_department'] }, deadlineBound: true },
      { id: 'prescreen', kind: 'preScreen', clauses: ['px.a6.p2.i2'], actor: { orgKinds: ['commissioned_agency'] }, params: { by: 'agency' } },
      { id: 'decide', kind: 'officeMeetingDecision', clauses: ['px.a6.p2.i3'], actor: { orgKinds: ['provincial_st_department'], role: 'leader' }, deciding: true },
      { id: 'notice', kind: 'publicNotice', clauses: ['px.a6.p2.i4'], actor: { orgKinds: ['provincial_st_department'] }, params: { workingDays: 10 } },
      { id: 'issue', kind: 'issueDocument', clauses: ['px.a6.p2.i5'], actor: { orgKinds: ['provincial_st_department'], role: 'leader' }, params: { issuers: ['provincial_st_department'] } },
    ],
  }],
  callRules: { quota: [{ from: '2020-01-01', value: { perRecommenderKind: { municipal_st_department: 3 }, scope: 'all_types' }, source: 'local call' }], oneBasePerType: true, clauses: ['a21.s1'] },
  grading: { thresholds, clauses: ['px.a14'] },
  annualReport: { dueMonthDay: '12-31', clauses: ['px.a14'] },
  consequences: { failedYearsForNotice: 2, banYears: 3, lateReportIsFail: true, commendGrades: ['excellent'], clauses: ['px.a15'] },
}));

describe('a21.s1: a local programme built from data alone', () => {
  const local = loadProgramme(localData);
  const type = findType(local, 'overseas_demonstration_park')!;
  const m = procedureMachine({ procedure: type.procedure, procedureClause: type.procedureClause, party, deadline: endOfBeijingDay('2026-05-20') });
  const city = actor('municipal_st_department', 'CST1', { prefectureOf: 'C1' });
  const agency = actor('commissioned_agency', 'AG1');
  const dept = actor('provincial_st_department', 'PST1', { provinceOf: 'P1' });
  const applicant = actor('host_institution', 'U1');
  const ok = (s: ProcedureState, a: Actor, act: Action, now: Date) => {
    const r = m.apply(s, act, a, now);
    if (!r.ok) throw new Error(r.code);
    return r.state;
  };
  const approve: Action = { type: 'approve', opinion: '同意' };

  it('a21.s1: the extra type requires a land lease (condition from data)', () => {
    const call = { opensAt: beijingInstant('2026-04-01'), deadline: endOfBeijingDay('2026-05-20') };
    const input = { programme: local, typeId: type.id, call, now: beijingInstant('2026-05-01'), revocations: [], heldBases: [] };
    expect(checkApplicationAllowed({ ...input, facts: facts() }).blocking).toMatchObject({ code: 'not_eligible', clause: 'px.a6.p1.i2' });
    expect(checkApplicationAllowed({ ...input, facts: facts({ documents: [{ kind: 'land_lease' }] }) }).allowed).toBe(true);
    expect(programmeVersionAt([local], '2026-04-01', 'px-bases')).toBe(local);
  });

  it('a21.s1: a municipal bureau recommends, the agency pre-screens, the office meeting decides, 10 working days of 公示 across National Day', () => {
    let s = ok(m.initial(), applicant, { type: 'submit' }, beijingInstant('2026-05-01'));
    s = ok(s, city, approve, beijingInstant('2026-05-15'));
    s = ok(s, agency, approve, beijingInstant('2026-07-01'));
    s = ok(s, dept, approve, beijingInstant('2026-09-23', 10)); // notice opens Wed 23 Sep
    // 24 Sep; 28, 29, 30 Sep; 8, 9, 10 (make-up Sat), 12, 13, 14 Oct → ends 14 Oct
    expect(m.apply(s, approve, dept, beijingInstant('2026-10-14', 18))).toMatchObject({ ok: false, code: 'notice_period_running', data: { endsOn: '2026-10-14' } });
    s = ok(s, dept, { type: 'approve', opinion: '公示无异议' }, beijingInstant('2026-10-15', 9));
    s = ok(s, dept, approve, beijingInstant('2026-10-16', 9));
    expect(s.status).toBe('recognized');
  });

  it('a21.s1: objections during 公示 may reject; a notice into an unpublished year cannot be closed', () => {
    let s = ok(m.initial(), applicant, { type: 'submit' }, beijingInstant('2026-05-01'));
    s = ok(ok(ok(s, city, approve, beijingInstant('2026-05-15')), agency, approve, beijingInstant('2026-07-01')), dept, approve, beijingInstant('2026-12-24'));
    expect(m.apply(s, approve, dept, beijingInstant('2027-01-20'))).toMatchObject({ ok: false, code: 'calendar_year_missing', data: { year: 2027 } });
    expect(m.apply(s, { type: 'reject', reason: '公示期间收到实名异议，经核实成立' }, dept, beijingInstant('2026-12-28'))).toMatchObject({ ok: true, state: { status: 'rejected' } });
  });

  it('a21.s1: the national recommenders are not recommenders here', () => {
    const s = ok(m.initial(), applicant, { type: 'submit' }, beijingInstant('2026-05-01'));
    expect(m.apply(s, approve, actor('state_council_department', 'D1'), beijingInstant('2026-05-02'))).toMatchObject({ ok: false, code: 'wrong_recommender' });
  });
});
