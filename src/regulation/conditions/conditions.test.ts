import { describe, expect, it } from 'vitest';
import { national2011 } from '../programmes/national-2011.js';
import { findType } from '../programme/versions.js';
import { facts } from '../test-fixtures.js';
import { evaluateCondition, evaluateConditions, type ConditionInstance } from './index.js';
import type { Project } from './facts.js';

const type = (id: string) => {
  const t = findType(national2011, id);
  if (!t) throw new Error(id);
  return t;
};
const conditionClauses = (id: string) => new Set(type(id).conditions.flatMap((c) => c.clauses));
const kindsOn = (typeId: string, clause: string) => type(typeId).conditions.filter((c) => c.clauses.includes(clause)).map((c) => c.kind);

const proj = (over: Partial<Project>): Project => ({ kind: 'national_special', level: 'national', role: 'lead', startYear: 2015, endYear: 2018, ...over });

describe('each numbered condition is a condition of its type', () => {
  it.each([
    ['innovation_park', ['a5.p1.i1', 'a5.p1.i2', 'a5.p1.i3', 'a5.p1.i4', 'a5.p1.i5']],
    ['joint_research_center', ['a6.p1.i1', 'a6.p1.i2', 'a6.p1.i3', 'a6.p1.i4', 'a6.p1.i5']],
    ['tech_transfer_center', ['a7.p1.i1', 'a7.p1.i2', 'a7.p1.i3', 'a7.p1.i4']],
    ['demonstration_base', ['a8.p1.i1', 'a8.p1.i2', 'a8.p1.i3', 'a8.p1.i4', 'a8.p1.i5']],
  ])('%s: %j', (typeId, clauses) => {
    const cited = conditionClauses(typeId);
    for (const c of clauses) expect(cited.has(c), c).toBe(true);
  });

  it.each([
    ['innovation_park', 'a5.p1.i1'], ['innovation_park', 'a5.p1.i2'], ['innovation_park', 'a5.p1.i3'], ['innovation_park', 'a5.p1.i4'], ['innovation_park', 'a5.p1.i5'],
    ['joint_research_center', 'a6.p1.i1'], ['joint_research_center', 'a6.p1.i2'], ['joint_research_center', 'a6.p1.i3'], ['joint_research_center', 'a6.p1.i4'], ['joint_research_center', 'a6.p1.i5'],
    ['tech_transfer_center', 'a7.p1.i1'], ['tech_transfer_center', 'a7.p1.i2'], ['tech_transfer_center', 'a7.p1.i3'], ['tech_transfer_center', 'a7.p1.i4'],
    ['demonstration_base', 'a8.p1.i1'], ['demonstration_base', 'a8.p1.i2'], ['demonstration_base', 'a8.p1.i3'], ['demonstration_base', 'a8.p1.i4'], ['demonstration_base', 'a8.p1.i5'],
  ])('%s %s: its narrative part awaits a human judgement (manual)', (typeId, clause) => {
    expect(kindsOn(typeId, clause)).toContain('narrative');
    const v = evaluateConditions(type(typeId).conditions, facts(), '2026-05-01').find((x) => x.clause === clause && x.met === 'manual');
    expect(v?.because.zh.length).toBeGreaterThan(5);
  });

  it('machine-checkable parts: a6.p1.i1 projects, a6.p1.i5 partners, a7.p1.i1 zone and registration, a8.p1.i1 project level, a5.p1.i4 partners', () => {
    expect(kindsOn('joint_research_center', 'a6.p1.i1')).toContain('projectsUndertaken');
    expect(kindsOn('joint_research_center', 'a6.p1.i5')).toContain('hasForeignPartners');
    expect(kindsOn('tech_transfer_center', 'a7.p1.i1')).toEqual(expect.arrayContaining(['locatedInHighTechZone', 'registrationAge', 'hostKind']));
    expect(kindsOn('demonstration_base', 'a8.p1.i1')).toContain('projectsOfLevel');
    expect(kindsOn('innovation_park', 'a5.p1.i4')).toContain('hasForeignPartners');
  });
});

describe('a7.p1.i1: legally registered for at least one year (“1年以上” includes exactly one year)', () => {
  const age: ConditionInstance = { kind: 'registrationAge', clauses: ['a7.p1.i1'], params: { minYears: 1 } };
  it.each([
    // registered 2024-06-01; 2024-06-01 → 2025-06-01 is 365 days
    ['2024-06-01', '2025-05-31', 364, false],
    ['2024-06-01', '2025-06-01', 365, true],
    ['2024-06-01', '2025-06-02', 366, true],
    // across 29 Feb 2024 the year has 366 days: day 365 is not yet a year
    ['2023-06-01', '2024-05-31', 365, false],
    ['2023-06-01', '2024-06-01', 366, true],
    // registered on 29 Feb: the anniversary in a common year is 28 Feb (Civil Code art. 202)
    ['2024-02-29', '2025-02-27', 364, false],
    ['2024-02-29', '2025-02-28', 365, true],
  ])('registered %s, judged %s (%i days): met=%s', (registeredOn, asOf, _days, expected) => {
    expect(evaluateCondition(age, facts({ registeredOn }), asOf).met).toBe(expected);
  });

  it('requires an independent legal entity and a registration date', () => {
    expect(evaluateCondition(age, facts({ independentLegalEntity: false }), '2026-01-01').met).toBe(false);
    expect(evaluateCondition(age, facts({ registeredOn: null }), '2026-01-01').met).toBe(false);
  });

  it('locatedInHighTechZone: inside a national high-tech zone or not', () => {
    const zone: ConditionInstance = { kind: 'locatedInHighTechZone', clauses: ['a7.p1.i1'] };
    expect(evaluateCondition(zone, facts({ zoneId: 'Z1' }), '2026-01-01').met).toBe(true);
    expect(evaluateCondition(zone, facts({ zoneId: null }), '2026-01-01').met).toBe(false);
    expect(evaluateCondition({ ...zone, params: { zoneIds: ['Z9'] } }, facts({ zoneId: 'Z1' }), '2026-01-01').met).toBe(false);
  });
});

describe('a6.p1.i1: “多次承担” national special and intergovernmental projects — at least two', () => {
  const cond = type('joint_research_center').conditions.find((c) => c.kind === 'projectsUndertaken')!;
  it.each([
    [[], false],
    [[proj({})], false],
    [[proj({}), proj({ kind: 'intergovernmental' })], true],
    [[proj({}), proj({})], true],
    [[proj({}), proj({ role: 'participant' })], false], // 承担 = undertaking unit
    [[proj({}), proj({ kind: 'provincial', level: 'provincial' })], false],
    [[proj({}), proj({ startYear: 2027 })], false], // not started by the date judged
  ])('%#: met=%s', (projects, expected) => {
    expect(evaluateCondition(cond, facts({ projects: projects as Project[] }), '2026-05-01').met).toBe(expected);
  });

  it('perKind option requires the count for each kind', () => {
    const strict: ConditionInstance = { ...cond, params: { kinds: ['national_special', 'intergovernmental'], mode: 'more_than_once', perKind: true } };
    expect(evaluateCondition(strict, facts({ projects: [proj({}), proj({ kind: 'intergovernmental' })] }), '2026-05-01').met).toBe(false);
  });
});

describe('a8.p1.i1: has undertaken a national or provincial/ministerial international cooperation project', () => {
  const cond = type('demonstration_base').conditions.find((c) => c.kind === 'projectsOfLevel')!;
  it.each([
    [[], false],
    [[proj({ kind: 'provincial', level: 'provincial' })], true],
    [[proj({ kind: 'ministerial', level: 'ministerial' })], true],
    [[proj({ kind: 'other', level: 'other' })], false],
  ])('%#: met=%s', (projects, expected) => {
    expect(evaluateCondition(cond, facts({ projects: projects as Project[] }), '2026-05-01').met).toBe(expected);
  });
});

describe('a6.p1.i5 / a5.p1.i4: foreign partners', () => {
  const cond: ConditionInstance = { kind: 'hasForeignPartners', clauses: ['a6.p1.i5'], params: { minCount: 1 } };
  it('one partner is enough; none is not; agreements only when required', () => {
    const one = facts({ foreignPartners: [{ country: 'DE', name: 'Institut', agreementSigned: false }] });
    expect(evaluateCondition(cond, one, '2026-01-01').met).toBe(true);
    expect(evaluateCondition(cond, facts(), '2026-01-01').met).toBe(false);
    expect(evaluateCondition({ ...cond, params: { minCount: 1, agreementsRequired: true } }, one, '2026-01-01').met).toBe(false);
    expect(evaluateCondition({ ...cond, params: { minCount: 1, minCountries: 2 } }, one, '2026-01-01').met).toBe(false);
  });
});

describe('narrative conditions and host kinds', () => {
  it('a6.p1.i3: manual until a judgement is recorded, then that judgement', () => {
    const cond: ConditionInstance = { kind: 'narrative', clauses: ['a6.p1.i3'] };
    expect(evaluateCondition(cond, facts(), '2026-01-01').met).toBe('manual');
    expect(evaluateCondition(cond, facts({ judgements: [{ clause: 'a6.p1.i3', met: false, note: '渠道不稳定' }] }), '2026-01-01').met).toBe(false);
    expect(evaluateCondition(cond, facts({ judgements: [{ clause: 'a6.p1.i3', met: true }] }), '2026-01-01').met).toBe(true);
  });

  it('a2.s1 / a7.p1.i1: a tech transfer center rests on an S&T intermediary', () => {
    const cond = type('tech_transfer_center').conditions.find((c) => c.kind === 'hostKind')!;
    expect(evaluateCondition(cond, facts({ orgKind: 'st_intermediary' }), '2026-01-01').met).toBe(true);
    expect(evaluateCondition(cond, facts({ orgKind: 'university' }), '2026-01-01').met).toBe(false);
  });

  it('holdsDocument: a required document is on file or missing', () => {
    const cond: ConditionInstance = { kind: 'holdsDocument', clauses: ['px.a6.p1.i2'], params: { kind: 'land_lease' } };
    expect(evaluateCondition(cond, facts({ documents: [{ kind: 'land_lease' }] }), '2026-01-01').met).toBe(true);
    expect(evaluateCondition(cond, facts(), '2026-01-01').met).toBe(false);
  });
});
