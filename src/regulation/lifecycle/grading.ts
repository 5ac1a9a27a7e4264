// Assessment grades (a10.i4 assessment by MOST; used by a13.s1–s3). Four grades and
// 'not_eligible' (不符合评估条件: not assessable in this round, e.g. recognized too recently).
// Score bands are dated programme values; a band's lower bound belongs to it (90 is 优秀 at 90).
import { valueAt } from '../dated.js';
import { isoDate } from '../dates.js';
import type { GradeThresholds, Programme } from '../programme/schema.js';
import { met, unmet, type Text, type Verdict } from '../verdict.js';

export const grades = ['excellent', 'good', 'pass', 'fail', 'not_eligible'] as const;
export type Grade = (typeof grades)[number];

export const gradeNames: Record<Grade, Text> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
  not_eligible: { zh: '不符合评估条件', en: 'Not eligible for this round' },
};

export function gradeFromScore(score: number, t: GradeThresholds): Exclude<Grade, 'not_eligible'> {
  if (score >= t.excellent) return 'excellent';
  if (score >= t.good) return 'good';
  if (score >= t.pass) return 'pass';
  return 'fail';
}

export type YearGrading = { grade: Grade; verdict: Verdict };

/**
 * The grade of one base for one assessment year. A late annual report is graded 不合格 only
 * where the programme says so (`lateReportIsFail`, a local rule — the Measures are silent).
 */
export function gradeYear(input: { programme: Programme; year: number; score: number | null; eligible: boolean; reportLate: boolean }): YearGrading {
  const { programme, year } = input;
  if (!input.eligible || input.score === null) {
    return { grade: 'not_eligible', verdict: unmet('a10.i4', { zh: '本轮不符合评估条件', en: 'Not eligible for assessment this round' }, { year }) };
  }
  if (input.reportLate && programme.consequences.lateReportIsFail) {
    return { grade: 'fail', verdict: unmet('a14.s1', { zh: '年度报告逾期报送，按不合格处理', en: 'Annual report late: graded Fail under this programme' }, { year }) };
  }
  const t = valueAt(programme.grading.thresholds, isoDate(year, 12, 31));
  if (!t) throw new Error(`no grade thresholds in force for ${year}`);
  const grade = gradeFromScore(input.score, t);
  const because = { zh: `得分${input.score}，评为${gradeNames[grade].zh}`, en: `Score ${input.score}: ${gradeNames[grade].en}` };
  const data = { year, score: input.score, thresholds: t };
  return { grade, verdict: grade === 'fail' ? unmet('a10.i4', because, data) : met('a10.i4', because, data) };
}

export type YearResult = { baseId: string; year: number; grade: Grade };

/** a13.s1: the bases to commend for a year — those graded in the programme's commended grades. */
export function commendationList(programme: Programme, results: readonly YearResult[], year: number): string[] {
  const commended: readonly Grade[] = programme.consequences.commendGrades;
  return results.filter((r) => r.year === year && commended.includes(r.grade)).map((r) => r.baseId);
}
