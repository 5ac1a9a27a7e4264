// a13.s3–s5: notice after three failed years, revocation, and the ban after revocation.
import { addYears, type IsoDate } from '../dates.js';
import type { Programme } from '../programme/schema.js';
import { refuse, type Refusal } from '../refusals.js';
import { met, type Text, type Verdict } from '../verdict.js';
import type { Grade } from './grading.js';

/**
 * How each calendar year was read for a13.s3 "连续三年考核不合格".
 * Legal reading: three consecutive ASSESSMENT YEARS of the base, each assessed and graded 不合格.
 * - no_round: the ministry assessed nobody that year. Skipped: neither counts nor breaks the run
 *   (the run is over the ministry's assessment years, not calendar years).
 * - recognized_that_year: the base was recognized that year and not assessed. Not counted.
 * - not_eligible: graded 不符合评估条件 — not graded, so not an assessment year of the base;
 *   skipped like no_round.
 * - missing: a round ran, the base was due, and no result is recorded. It breaks the run: a
 *   sanction is never inferred from missing data (record a 不合格 if that is what happened,
 *   e.g. under a programme where a late report is a fail).
 * - fail: counts. - passed (合格 or better): resets the run to zero.
 */
export type YearReading = 'no_round' | 'recognized_that_year' | 'not_eligible' | 'missing' | 'fail' | 'passed';

export type FailedYearsInput = {
  programme: Programme;
  recognizedOn: IsoDate;
  /** Years in which the ministry ran an assessment round. */
  roundYears: readonly number[];
  results: readonly { year: number; grade: Grade }[];
  /** Read the years from the recognition year up to this year, inclusive. */
  throughYear: number;
};

export type FailedYearsOutcome = {
  clause: 'a13.s3';
  triggered: boolean;
  /** The year whose result completed the run. */
  triggeredInYear?: number;
  /** The years of the run that triggered (or the current run, if none). */
  run: number[];
  years: { year: number; reading: YearReading; grade?: Grade; runLength: number }[];
  because: Text;
};

export function failedYearsRule(input: FailedYearsInput): FailedYearsOutcome {
  const need = input.programme.consequences.failedYearsForNotice;
  const recognizedYear = Number(input.recognizedOn.slice(0, 4));
  const years: FailedYearsOutcome['years'] = [];
  let run: number[] = [];
  // The most recent run that reached `need` years: after a pass resets the count, a later run of
  // failures is a new ground for a notice and must be found too, not only the first one.
  let triggeredRun: number[] | undefined;
  for (let year = recognizedYear; year <= input.throughYear; year++) {
    const result = input.results.find((r) => r.year === year);
    let reading: YearReading;
    if (result?.grade === 'fail') reading = 'fail';
    else if (result?.grade === 'not_eligible') reading = 'not_eligible';
    else if (result) reading = 'passed';
    else if (!input.roundYears.includes(year)) reading = 'no_round';
    else if (year === recognizedYear) reading = 'recognized_that_year';
    else reading = 'missing';
    if (reading === 'fail') run = [...run, year];
    else if (reading === 'passed' || reading === 'missing') run = [];
    years.push(result ? { year, reading, grade: result.grade, runLength: run.length } : { year, reading, runLength: run.length });
    if (run.length >= need) triggeredRun = run;
  }
  if (triggeredRun) {
    // The year whose result completed the run: its `need`-th failed year.
    const last = triggeredRun[need - 1];
    return {
      clause: 'a13.s3', triggered: true, triggeredInYear: last, run: triggeredRun, years,
      because: { zh: `${triggeredRun.join('、')}年连续${need}个考核年度不合格，应予通报`, en: `Failed ${need} consecutive assessment years (${triggeredRun.join(', ')}): a notice is due` },
    };
  }
  return {
    clause: 'a13.s3', triggered: false, run, years,
    because: { zh: `连续不合格${run.length}年，未达${need}年`, en: `${run.length} consecutive failed year(s); ${need} needed for a notice` },
  };
}

/**
 * a13.s4: revocation only of a NOTIFIED base (通报 under a13.s3) with a recorded serious
 * violation. The violation need not postdate the notice: the clause names the base by its
 * status ("被通报基地") and the violation by its gravity, not by their order.
 */
export function revocationAllowed(base: { status: 'active' | 'notified' | 'revoked' | 'exited'; violations: readonly { recordedOn: IsoDate; serious: boolean }[] }): { ok: true; verdict: Verdict } | Refusal {
  if (base.status !== 'notified') {
    return refuse('revocation_not_allowed', 'a13.s4', { zh: '只能取消已被通报基地的资格', en: 'Only a notified base can be revoked' }, { status: base.status });
  }
  const serious = base.violations.filter((v) => v.serious);
  if (!serious.length) {
    return refuse('revocation_not_allowed', 'a13.s4', { zh: '没有记录在案的严重违纪违规行为', en: 'No serious violation is on record' });
  }
  return { ok: true, verdict: met('a13.s4', { zh: '被通报基地有严重违纪违规行为，可取消资格', en: 'A notified base with a serious violation: revocation allowed' }, { violations: serious.map((v) => v.recordedOn) }) };
}

/** a13.s5: the first day a revoked unit may apply again (the ban covers [revokedOn, this day)). */
export const mayApplyAgainOn = (programme: Programme, revokedOn: IsoDate): IsoDate => addYears(revokedOn, programme.consequences.banYears);
