// a13.s3 read year by year for one base, through the domain's failedYearsRule; the rule's own
// sentence travels with the reading so that screens show the rule and its reading, never a paraphrase.
import { asc } from 'drizzle-orm';
import { clause, failedYearsRule, type Grade, type Programme } from '../../../regulation/index.js';
import type { FailedYearsReading } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import { assessmentRounds } from '../assessment/tables.js';

const a13s3 = clause('a13.s3');
export const failedYearsRuleText = { zh: a13s3.text_zh, en: a13s3.gloss_en };

/** The years the ministry ran an assessment round; a year without a round is skipped by the rule. */
export async function roundYears(db: Db): Promise<number[]> {
  const rows = await db.select({ year: assessmentRounds.year }).from(assessmentRounds).orderBy(asc(assessmentRounds.year));
  return rows.map((r) => r.year);
}

export function readFailedYears(programme: Programme, recognizedOn: string, rounds: readonly number[], results: readonly { year: number; grade: string }[], throughYear: number): FailedYearsReading {
  const outcome = failedYearsRule({ programme, recognizedOn, roundYears: rounds, results: results.map((r) => ({ year: r.year, grade: r.grade as Grade })), throughYear });
  return { ...outcome, rule: failedYearsRuleText };
}
