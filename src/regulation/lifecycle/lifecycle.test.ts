import { describe, expect, it } from 'vitest';
import { beijingInstant, endOfBeijingDay } from '../dates.js';
import { national2011 } from '../programmes/national-2011.js';
import { loadProgramme } from '../programme/validate.js';
import { actor, actors } from '../test-fixtures.js';
import { newReport, reportApply, reportWasLate, type AnnualReport, type ReportAction } from './annual-report.js';
import { commendationList, gradeYear, gradeFromScore } from './grading.js';
import { failedYearsRule, mayApplyAgainOn, revocationAllowed } from './consequences.js';
import type { Grade } from './grading.js';

const base = actor('host_institution', 'B1');
const rec = actor('provincial_st_department', 'PST1', { provinceOf: 'P1' });
const inYear = beijingInstant('2026-12-20', 10);

function step(r: AnnualReport, a: ReportAction, who = base, now = inYear): AnnualReport {
  const res = reportApply(national2011, r, a, who, now);
  if (!res.ok) throw new Error(res.code);
  return res.report;
}

describe('a14.s1: annual plan and summary, signed by the recommender, received by MOST', () => {
  it('draft → submitted → signed_by_recommender → received_by_ministry', () => {
    let r = newReport('summary', 2026, 'B1', 'PST1');
    r = step(r, { type: 'submit' });
    r = step(r, { type: 'sign', opinion: '情况属实，同意报送' }, rec);
    r = step(r, { type: 'receive' }, actors.intl);
    expect(r.status).toBe('received_by_ministry');
    expect(r.history.map((e) => e.to)).toEqual(['submitted', 'signed_by_recommender', 'received_by_ministry']);
  });

  it('who may act at each state: the base cannot sign, the recommender cannot submit, strangers are out of scope', () => {
    const r = step(newReport('summary', 2026, 'B1', 'PST1'), { type: 'submit' });
    expect(reportApply(national2011, r, { type: 'sign', opinion: 'x' }, base, inYear)).toMatchObject({ code: 'wrong_actor', clause: 'a14.s1' });
    expect(reportApply(national2011, newReport('plan', 2026, 'B1', 'PST1'), { type: 'submit' }, rec, inYear)).toMatchObject({ code: 'wrong_actor' });
    expect(reportApply(national2011, r, { type: 'sign', opinion: 'x' }, actors.otherProvince, inYear)).toMatchObject({ code: 'out_of_scope' });
    expect(reportApply(national2011, r, { type: 'receive' }, actors.intl, inYear)).toMatchObject({ code: 'invalid_state' });
    expect(reportApply(national2011, r, { type: 'sign', opinion: ' ' }, rec, inYear)).toMatchObject({ code: 'opinion_required' });
  });

  it('returned by the recommender or by MOST with a reason, then resubmitted', () => {
    let r = step(newReport('summary', 2026, 'B1', 'PST1'), { type: 'submit' });
    expect(reportApply(national2011, r, { type: 'return', reason: '' }, rec, inYear)).toMatchObject({ code: 'reason_required' });
    r = step(r, { type: 'return', reason: '缺少附件' }, rec);
    expect(r.status).toBe('returned');
    r = step(step(r, { type: 'submit' }), { type: 'sign', opinion: '同意' }, rec);
    r = step(r, { type: 'return', reason: '数据有误' }, actors.intl);
    expect(r.status).toBe('returned');
  });

  it('the base may withdraw before the due date, not after', () => {
    const r = step(newReport('summary', 2026, 'B1', 'PST1'), { type: 'submit' });
    expect(step(r, { type: 'withdraw' }).status).toBe('draft');
    expect(reportApply(national2011, r, { type: 'withdraw' }, base, beijingInstant('2027-01-01'))).toMatchObject({ code: 'deadline_passed' });
  });

  it('late = first submission after 31 December 23:59:59 Beijing', () => {
    const onTime = step(newReport('summary', 2026, 'B1', 'PST1'), { type: 'submit' }, base, endOfBeijingDay('2026-12-31'));
    const late = step(newReport('summary', 2026, 'B1', 'PST1'), { type: 'submit' }, base, beijingInstant('2027-01-01'));
    expect(reportWasLate(national2011, onTime, beijingInstant('2027-03-01'))).toBe(false);
    expect(reportWasLate(national2011, late, beijingInstant('2027-03-01'))).toBe(true);
    expect(reportWasLate(national2011, newReport('summary', 2026, 'B1', 'PST1'), beijingInstant('2027-01-01'))).toBe(true);
  });
});

describe('a14.s1: a due instant set when the year was opened overrides the programme day', () => {
  it('a plan for 2027 due 2026-12-31: submitted on 1 Jan 2027 is late, withdraw refused after it', () => {
    const plan = { ...newReport('plan', 2027, 'B1', 'PST1'), due: endOfBeijingDay('2026-12-31').toISOString() };
    const onTime = step(plan, { type: 'submit' }, base, endOfBeijingDay('2026-12-31'));
    const late = step(plan, { type: 'submit' }, base, beijingInstant('2027-01-01'));
    expect(reportWasLate(national2011, onTime, beijingInstant('2027-06-01'))).toBe(false);
    expect(reportWasLate(national2011, late, beijingInstant('2027-06-01'))).toBe(true);
    expect(reportApply(national2011, onTime, { type: 'withdraw' }, base, beijingInstant('2027-01-01'))).toMatchObject({ code: 'deadline_passed' });
  });
});

describe('grading', () => {
  const t = { excellent: 90, good: 75, pass: 60 };
  it.each([[90, 'excellent'], [89.99, 'good'], [75, 'good'], [74.99, 'pass'], [60, 'pass'], [59.99, 'fail']] as const)('score %d → %s (lower bound belongs to the band)', (score, grade) => {
    expect(gradeFromScore(score, t)).toBe(grade);
  });

  it('not_eligible (不符合评估条件) when the base was not assessable', () => {
    expect(gradeYear({ programme: national2011, year: 2026, score: null, eligible: false, reportLate: false }).grade).toBe('not_eligible');
  });

  it('a14.s1 + programme option: a late report is 不合格 only where the programme says so', () => {
    const strict = loadProgramme({ ...national2011, lineage: 'local-x', version: '1', level: 'local', consequences: { ...national2011.consequences, lateReportIsFail: true } });
    expect(gradeYear({ programme: national2011, year: 2026, score: 95, eligible: true, reportLate: true }).grade).toBe('excellent');
    const g = gradeYear({ programme: strict, year: 2026, score: 95, eligible: true, reportLate: true });
    expect(g.grade).toBe('fail');
    expect(g.verdict.clause).toBe('a14.s1');
  });

  it('a13.s1: the commendation list of a year is its excellent bases', () => {
    const results = [
      { baseId: 'A', year: 2025, grade: 'excellent' as Grade },
      { baseId: 'B', year: 2025, grade: 'good' as Grade },
      { baseId: 'C', year: 2024, grade: 'excellent' as Grade },
      { baseId: 'D', year: 2025, grade: 'excellent' as Grade },
    ];
    expect(commendationList(national2011, results, 2025)).toEqual(['A', 'D']);
  });
});

describe('a13.s3: three consecutive failed assessment years lead to a notice', () => {
  const rule = (results: [number, Grade][], roundYears: number[], throughYear: number, recognizedOn = '2019-09-01') =>
    failedYearsRule({ programme: national2011, recognizedOn, roundYears, results: results.map(([year, grade]) => ({ year, grade })), throughYear });
  const allRounds = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

  it('a13.s3: three failed years in a row lead to a notice', () => {
    const r = rule([[2020, 'pass'], [2021, 'fail'], [2022, 'fail'], [2023, 'fail']], allRounds, 2023);
    expect(r).toMatchObject({ triggered: true, triggeredInYear: 2023, run: [2021, 2022, 2023], clause: 'a13.s3' });
    expect(r.years[0]).toMatchObject({ year: 2019, reading: 'recognized_that_year' });
  });

  it('the third and fourth year: two failures are not enough, a pass resets the run', () => {
    expect(rule([[2020, 'fail'], [2021, 'fail']], allRounds, 2021).triggered).toBe(false);
    expect(rule([[2020, 'fail'], [2021, 'fail'], [2022, 'pass'], [2023, 'fail']], allRounds, 2023)).toMatchObject({ triggered: false, run: [2023] });
  });

  it('a13.s3: a second run of three failures after a pass is found too, dated by its own third year', () => {
    const results: [number, Grade][] = [[2016, 'fail'], [2017, 'fail'], [2018, 'fail'], [2019, 'pass'], [2020, 'fail'], [2021, 'fail'], [2022, 'fail'], [2023, 'fail']];
    const r = rule(results, [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023], 2023, '2015-05-01');
    expect(r).toMatchObject({ triggered: true, triggeredInYear: 2022, run: [2020, 2021, 2022, 2023] });
  });

  it('a year the ministry assessed nobody neither counts nor breaks the run', () => {
    const r = rule([[2020, 'fail'], [2021, 'fail'], [2023, 'fail']], [2019, 2020, 2021, 2023], 2023);
    expect(r.triggered).toBe(true);
    expect(r.years.find((y) => y.year === 2022)).toMatchObject({ reading: 'no_round', runLength: 2 });
  });

  it('not_eligible is skipped; a missing result in a round year breaks the run (no sanction from missing data)', () => {
    expect(rule([[2020, 'fail'], [2021, 'not_eligible'], [2022, 'fail'], [2023, 'fail']], allRounds, 2023).triggered).toBe(true);
    const r = rule([[2020, 'fail'], [2021, 'fail'], [2023, 'fail']], allRounds, 2023);
    expect(r.triggered).toBe(false);
    expect(r.years.find((y) => y.year === 2022)?.reading).toBe('missing');
  });

  it('every year is explained', () => {
    const r = rule([[2021, 'fail']], allRounds, 2022);
    expect(r.years.map((y) => [y.year, y.reading])).toEqual([[2019, 'recognized_that_year'], [2020, 'missing'], [2021, 'fail'], [2022, 'missing']]);
    expect(r.because.zh).toContain('未达3年');
  });
});

describe('a13.s4 / a13.s5: revocation and the ban', () => {
  it('a13.s4: revocation only for a notified base with a recorded serious violation', () => {
    const serious = [{ recordedOn: '2025-03-01', serious: true }];
    expect(revocationAllowed({ status: 'notified', violations: serious }).ok).toBe(true);
    expect(revocationAllowed({ status: 'active', violations: serious })).toMatchObject({ ok: false, code: 'revocation_not_allowed', clause: 'a13.s4' });
    expect(revocationAllowed({ status: 'notified', violations: [{ recordedOn: '2025-03-01', serious: false }] })).toMatchObject({ ok: false, code: 'revocation_not_allowed' });
  });

  it('a13.s5: the ban ends on the third anniversary (29 Feb → 28 Feb)', () => {
    expect(mayApplyAgainOn(national2011, '2023-05-11')).toBe('2026-05-11');
    expect(mayApplyAgainOn(national2011, '2024-02-29')).toBe('2027-02-28');
  });
});
