import { describe, expect, it } from 'vitest';
import { beijingInstant, endOfBeijingDay } from './dates.js';
import { checkApplicationAllowed, checkRecommendationAllowed, type ApplicationCheckInput } from './eligibility.js';
import { national2011 } from './programmes/national-2011.js';
import { actors, afterCall, call2026, duringCall, facts } from './test-fixtures.js';
import type { Project } from './conditions/facts.js';

const special: Project = { kind: 'national_special', level: 'national', role: 'lead', startYear: 2018, endYear: 2021 };
const demoFacts = facts({ projects: [{ ...special, kind: 'provincial', level: 'provincial' }] });
const base = (over: Partial<ApplicationCheckInput> = {}): ApplicationCheckInput => ({
  programme: national2011, typeId: 'demonstration_base', facts: demoFacts, call: call2026, now: duringCall, revocations: [], heldBases: [], ...over,
});
const blocking = (over: Partial<ApplicationCheckInput>) => {
  const r = checkApplicationAllowed(base(over));
  return r.blocking ? [r.blocking.code, r.blocking.clause] : null;
};

describe('checkApplicationAllowed', () => {
  it('a demonstration base with a provincial project may apply; narrative conditions stay manual', () => {
    const r = checkApplicationAllowed(base());
    expect(r.allowed).toBe(true);
    expect(r.verdicts.filter((v) => v.met === 'manual').map((v) => v.clause)).toEqual(['a8.p1.i1', 'a8.p1.i2', 'a8.p1.i3', 'a8.p1.i4', 'a8.p1.i5']);
  });

  it('a13.s5: banned for three years after revocation; may apply again on the third anniversary', () => {
    const revokedOn = '2023-05-11';
    const dayBefore = checkApplicationAllowed(base({ revocations: [{ revokedOn }], now: beijingInstant('2026-05-10', 23, 59, 59) }));
    expect(dayBefore.blocking).toMatchObject({ code: 'banned', clause: 'a13.s5' });
    expect(dayBefore.mayApplyFrom).toBe('2026-05-11');
    expect(blocking({ revocations: [{ revokedOn }], now: beijingInstant('2026-05-11') })).toBeNull();
    expect(blocking({ revocations: [{ revokedOn: '2021-01-01' }, { revokedOn }], now: beijingInstant('2026-05-10') })).toEqual(['banned', 'a13.s5']);
  });

  it('a4.s1: refusal duplicate_type when an active or notified base of the type is held', () => {
    expect(blocking({ heldBases: [{ typeId: 'demonstration_base', status: 'active' }] })).toEqual(['duplicate_type', 'a4.s1']);
    expect(blocking({ heldBases: [{ typeId: 'demonstration_base', status: 'notified' }] })).toEqual(['duplicate_type', 'a4.s1']);
    expect(blocking({ heldBases: [{ typeId: 'demonstration_base', status: 'revoked' }, { typeId: 'joint_research_center', status: 'active' }] })).toBeNull();
  });

  it('late submission: 23:59:59 Beijing on the deadline day is in time, 00:00:00 next day is late', () => {
    const call = { opensAt: beijingInstant('2026-04-01'), deadline: endOfBeijingDay('2026-05-20') };
    expect(blocking({ call, now: beijingInstant('2026-05-20', 23, 59, 59) })).toBeNull();
    expect(blocking({ call, now: beijingInstant('2026-05-21', 0, 0, 0) })).toEqual(['deadline_passed', 'a8.p2']);
    // 16:00 UTC on the 20th is already the 21st in Beijing
    expect(blocking({ call, now: new Date('2026-05-20T16:00:00Z') })).toEqual(['deadline_passed', 'a8.p2']);
    expect(blocking({ call, now: beijingInstant('2026-03-31', 23, 59) })).toEqual(['call_not_open', 'a8.p2']);
  });

  it('a8.p2: an application returned for revision (退回修改) after the deadline may be filed again after it; a return before the deadline waives nothing', () => {
    const call = { opensAt: beijingInstant('2026-04-01'), deadline: endOfBeijingDay('2026-05-20') };
    const now = beijingInstant('2026-06-10', 10);
    const returnedLate = [{ action: 'submit' as const, at: beijingInstant('2026-05-19').toISOString() }, { action: 'return' as const, at: beijingInstant('2026-06-01', 9).toISOString() }];
    const late = checkApplicationAllowed(base({ call, now, history: returnedLate }));
    expect(late.allowed).toBe(true);
    expect(late.verdicts[0]).toMatchObject({ clause: 'a8.p2', met: true, data: { returnedAt: returnedLate[1]!.at } });
    // Returned on the deadline day (before it passed): the applicant had time; late is late.
    const returnedInTime = [returnedLate[0]!, { action: 'return' as const, at: beijingInstant('2026-05-20', 9).toISOString() }];
    expect(blocking({ call, now, history: returnedInTime })).toEqual(['deadline_passed', 'a8.p2']);
    // A withdrawal or an approval after the deadline is no return.
    expect(blocking({ call, now, history: [returnedLate[0]!, { action: 'approve', at: returnedLate[1]!.at }] })).toEqual(['deadline_passed', 'a8.p2']);
    // The waiver never opens a call that has not opened.
    expect(blocking({ call, now: beijingInstant('2026-03-31'), history: returnedLate })).toEqual(['call_not_open', 'a8.p2']);
  });

  it('a7.p1.i1: refusal not_eligible for too young an entity (364 days), allowed at one year', () => {
    const ttc = facts({ orgKind: 'st_intermediary', zoneId: 'Z1', registeredOn: '2025-05-11' });
    const young = checkApplicationAllowed(base({ typeId: 'tech_transfer_center', facts: ttc, now: beijingInstant('2026-05-10', 12) }));
    expect(young.blocking).toMatchObject({ code: 'not_eligible', clause: 'a7.p1.i1' });
    expect(young.blocking?.data).toMatchObject({ enoughOn: '2026-05-11' });
    expect(blocking({ typeId: 'tech_transfer_center', facts: ttc, now: beijingInstant('2026-05-11') })).toBeNull();
  });

  it('a6.p1.i1 / a6.p2.i1: a joint research center needs repeated special or intergovernmental projects', () => {
    const jrc = (projects: Project[]) => facts({ projects, foreignPartners: [{ country: 'FR', name: 'Lab', agreementSigned: true }] });
    expect(blocking({ typeId: 'joint_research_center', facts: jrc([]) })).toEqual(['not_eligible', 'a6.p1.i1']);
    expect(blocking({ typeId: 'joint_research_center', facts: jrc([special, { ...special, kind: 'intergovernmental' }]) })).toBeNull();
  });

  it('unknown type or a type not open in the call', () => {
    expect(blocking({ typeId: 'no_such_type' })).toEqual(['unknown_type', 'a4.s1']);
    expect(blocking({ call: { ...call2026, typeIds: ['joint_research_center'] } })).toEqual(['unknown_type', 'a4.s1']);
  });
});

describe('checkRecommendationAllowed', () => {
  const rec = (over: Partial<Parameters<typeof checkRecommendationAllowed>[0]> = {}) =>
    checkRecommendationAllowed({ programme: national2011, typeId: 'joint_research_center', facts: facts({ projects: [special] }), call: call2026, now: duringCall, recommender: actors.province, supportOpinionGiven: false, alreadyRecommended: 0, ...over });

  it('a6.p2.i1: only institutions executing special or intergovernmental projects may be recommended', () => {
    expect(rec().allowed).toBe(true);
    expect(rec({ facts: facts({ projects: [{ ...special, kind: 'provincial', level: 'provincial' }] }) }).blocking).toMatchObject({ code: 'not_eligible', clause: 'a6.p2.i1' });
    // executing includes participating
    expect(rec({ facts: facts({ projects: [{ ...special, role: 'participant' }] }) }).allowed).toBe(true);
  });

  it('a6.p2: after a return after the deadline, the recommender may forward the refiled application late', () => {
    const history = [{ action: 'return' as const, at: beijingInstant('2026-06-01', 9).toISOString() }];
    expect(rec({ now: afterCall }).blocking).toMatchObject({ code: 'deadline_passed', clause: 'a6.p2' });
    expect(rec({ now: afterCall, history }).allowed).toBe(true);
  });

  it('refusal wrong_recommender: a municipal bureau', () => {
    expect(rec({ recommender: actors.city }).blocking).toMatchObject({ code: 'wrong_recommender', clause: 'a6.p2.i1' });
  });

  it('a7.p2.i1: refusal missing_support_opinion until the zone has given it', () => {
    const ttc = { typeId: 'tech_transfer_center', facts: facts({ orgKind: 'st_intermediary' as const, zoneId: 'Z1' }) };
    expect(rec({ ...ttc }).blocking).toMatchObject({ code: 'missing_support_opinion', clause: 'a7.p2.i1' });
    expect(rec({ ...ttc, supportOpinionGiven: true }).allowed).toBe(true);
  });

  it('call quota (practice: 2 per province): the third recommendation is refused', () => {
    const call = { ...call2026, quota: { perRecommenderKind: { provincial_st_department: 2, state_council_department: 1 }, scope: 'all_types' as const } };
    expect(rec({ call, alreadyRecommended: 1 }).allowed).toBe(true);
    expect(rec({ call, alreadyRecommended: 2 }).blocking).toMatchObject({ code: 'quota_exceeded', clause: 'a6.p2' });
    expect(rec({ call, recommender: actors.department, alreadyRecommended: 1 }).blocking?.code).toBe('quota_exceeded');
    expect(rec({ alreadyRecommended: 50 }).allowed).toBe(true); // the Measures set no quota
  });
});
