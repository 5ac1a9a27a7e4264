// The metrics computed indicators read, for every base of a year at once: a few grouped queries,
// never one query per base (the ministry runs ~1,000 bases in one go).
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { ZReportContent, type MetricId } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import { projects } from '../../projects/tables.js';
import { annualReports } from '../annual/tables.js';
import { baseActivities, baseProjects } from '../projects/tables.js';

export type Metrics = Partial<Record<MetricId, number>>;
export type SummaryFacts = { content: unknown; status: string; late: boolean; firstSubmittedAt: Date | null; recommenderScore: number | null; history: unknown[] } | undefined;
type ProjectAgg = { active: number; national: number; funding: number; matching: number };

/** Pure: a base's metrics from its summary, its projects running that year, its records and partners. */
export function metricsOf(summary: SummaryFacts, onTime: boolean, p: ProjectAgg | undefined, acts: Record<string, { n: number; people: number }>, basePartners: number): Metrics {
  const c = ZReportContent.parse(summary?.content ?? {});
  const people = (k: string) => acts[k]?.people ?? 0;
  const n = (k: string) => acts[k]?.n ?? 0;
  const reportPartners = new Set(c.partners.map((x) => `${x.country}:${x.name}`)).size;
  return {
    projects_active: p?.active ?? 0,
    projects_national: p?.national ?? 0,
    funding_wan: p?.funding ?? 0,
    matching_wan: p?.matching ?? 0,
    partners: Math.max(basePartners, reportPartners),
    visits: people('visit_in') + people('visit_out'),
    talent_introduced: people('talent_introduced'),
    talent_trained: people('talent_trained'),
    trainings_held: n('training_held'),
    info_services: n('info_service'),
    papers: c.papers.total,
    papers_international: c.papers.international,
    patents: c.patents.filed + c.patents.granted,
    standards: c.standards.total,
    transfer_contracts: c.techTransfer.contracts,
    transfer_value_wan: c.techTransfer.valueWan,
    report_on_time: onTime ? 1 : 0,
    goals_achieved_ratio: c.goals.length ? c.goals.filter((g) => g.achieved).length / c.goals.length : 0,
  };
}

export async function loadYearFacts(db: Db, year: number, baseIds: string[]) {
  const summaries = new Map<string, NonNullable<SummaryFacts>>();
  const projectAgg = new Map<string, ProjectAgg>();
  const activities = new Map<string, Record<string, { n: number; people: number }>>();
  for (let i = 0; i < baseIds.length; i += 2000) {
    const ids = baseIds.slice(i, i + 2000);
    const [s, p, a] = await Promise.all([
      db.select({ baseId: annualReports.baseId, content: annualReports.content, status: annualReports.status, late: annualReports.late, firstSubmittedAt: annualReports.firstSubmittedAt, recommenderScore: annualReports.recommenderScore, history: annualReports.history })
        .from(annualReports).where(and(eq(annualReports.year, year), eq(annualReports.kind, 'summary'), inArray(annualReports.baseId, ids))),
      db.select({
        baseId: baseProjects.baseId, active: sql<number>`count(*)::int`,
        national: sql<number>`count(*) filter (where ${projects.kind} in ('national_special', 'intergovernmental'))::int`,
        funding: sql<number>`coalesce(sum(${projects.fundingWan}), 0)::int`, matching: sql<number>`coalesce(sum(${projects.matchingWan}), 0)::int`,
      }).from(baseProjects).innerJoin(projects, eq(projects.id, baseProjects.projectId))
        .where(and(inArray(baseProjects.baseId, ids), lte(projects.startYear, year), gte(projects.endYear, year))).groupBy(baseProjects.baseId),
      db.select({ baseId: baseActivities.baseId, kind: baseActivities.kind, n: sql<number>`count(*)::int`, people: sql<number>`coalesce(sum(${baseActivities.people}), 0)::int` })
        .from(baseActivities).where(and(eq(baseActivities.year, year), inArray(baseActivities.baseId, ids))).groupBy(baseActivities.baseId, baseActivities.kind),
    ]);
    for (const r of s) summaries.set(r.baseId, r);
    for (const r of p) projectAgg.set(r.baseId, r);
    for (const r of a) {
      const m = activities.get(r.baseId) ?? {};
      m[r.kind] = { n: r.n, people: r.people };
      activities.set(r.baseId, m);
    }
  }
  return { summaries, projectAgg, activities };
}
