// The sections of a summary that records already hold (a14.s1 fed by a16 and a17.s1): typed once
// as projects and talent/training records, read here — nothing is typed twice.
import { and, eq, sql } from 'drizzle-orm';
import type { ReportComputed } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import { projectsOfBase } from '../projects/list-projects.js';
import { baseActivities } from '../projects/tables.js';
import { contributionOf } from '../../alliance/contribution.js';

type ActivityTotals = Record<string, { n: number; people: number }>;

export async function activityTotals(db: Db, baseId: string, year: number): Promise<ActivityTotals> {
  const rows = await db.select({ kind: baseActivities.kind, n: sql<number>`count(*)::int`, people: sql<number>`coalesce(sum(${baseActivities.people}), 0)::int` })
    .from(baseActivities).where(and(eq(baseActivities.baseId, baseId), eq(baseActivities.year, year))).groupBy(baseActivities.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, { n: r.n, people: r.people }]));
}

export function sectionsFrom(projects: ReportComputed['projects'], a: ActivityTotals): ReportComputed {
  const people = (k: string) => a[k]?.people ?? 0;
  const n = (k: string) => a[k]?.n ?? 0;
  return {
    projects,
    funding: { programmeWan: projects.reduce((s, p) => s + p.fundingWan, 0), matchingWan: projects.reduce((s, p) => s + p.matchingWan, 0) },
    talent: { introduced: people('talent_introduced'), trained: people('talent_trained') },
    trainings: { held: n('training_held'), trainees: people('training_held'), infoServices: n('info_service') },
    visits: { incoming: people('visit_in'), outgoing: people('visit_out') },
  };
}

export async function computedSections(db: Db, baseId: string, year: number): Promise<ReportComputed> {
  const [projects, totals, alliance] = await Promise.all([projectsOfBase(db, baseId, year), activityTotals(db, baseId, year), contributionOf(db, baseId, year)]);
  // a17.s1, typed once: the alliance's attendance record, read-only, beside the base's own records.
  const { clause: _clause, ...fromAlliance } = alliance;
  return { ...sectionsFrom(projects, totals), alliance: fromAlliance };
}
