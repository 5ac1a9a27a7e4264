// Carry over what stays true from one report to the next (a14.s1 is filed every year): the
// foreign partners, and the goals — a summary starts from the goals of the same year's plan, a
// plan from last year's plan with the results cleared. Yearly counts and narratives never carry.
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { ZReportContent, type ReportContent } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import { annualReports } from './tables.js';

export async function prefill(db: Db, baseId: string, year: number, kind: 'plan' | 'summary') {
  const empty = ZReportContent.parse({});
  // Where the goals come from: the plan of the same year for a summary, the last plan for a plan.
  const goalsFrom = kind === 'summary'
    ? and(eq(annualReports.baseId, baseId), eq(annualReports.kind, 'plan'), eq(annualReports.year, year))
    : and(eq(annualReports.baseId, baseId), eq(annualReports.kind, 'plan'), lt(annualReports.year, year));
  const [goalsRow] = await db.select({ year: annualReports.year, content: annualReports.content }).from(annualReports).where(goalsFrom).orderBy(desc(annualReports.year)).limit(1);
  // The latest report before this one: an earlier year's, or this year's plan for a summary.
  const before = kind === 'summary' ? or(lt(annualReports.year, year), and(eq(annualReports.year, year), eq(annualReports.kind, 'plan'))) : lt(annualReports.year, year);
  const [last] = await db.select({ year: annualReports.year, content: annualReports.content }).from(annualReports)
    .where(and(eq(annualReports.baseId, baseId), before))
    .orderBy(desc(annualReports.year), desc(annualReports.kind)).limit(1);
  const carried: string[] = [];
  const content: ReportContent = { ...empty };
  if (goalsRow) {
    const prev = ZReportContent.parse(goalsRow.content);
    content.goals = prev.goals.map((g) => ({ goal: g.goal, result: '', achieved: false }));
    if (content.goals.length) carried.push('goals');
  }
  if (last) {
    const prev = ZReportContent.parse(last.content);
    content.partners = prev.partners;
    if (content.partners.length) carried.push('partners');
  }
  return { fromYear: last?.year ?? goalsRow?.year ?? null, content, narrative: '', carried };
}
