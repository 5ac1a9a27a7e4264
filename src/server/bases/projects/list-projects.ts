import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { BaseProject } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import { projects } from '../../projects/tables.js';
import { baseProjects } from './tables.js';

export const baseProjectColumns = {
  id: projects.id, kind: projects.kind, title: projects.title, field: projects.field, partnerCountry: projects.partnerCountry,
  partnerInstitution: baseProjects.partnerInstitution, startYear: projects.startYear, endYear: projects.endYear,
  fundingWan: projects.fundingWan, matchingWan: projects.matchingWan, status: baseProjects.status,
};

/** A base's projects; with `year`, those running in that year (what the year's summary reports). */
export async function projectsOfBase(db: Db, baseId: string, year?: number): Promise<BaseProject[]> {
  const conds: SQL[] = [eq(baseProjects.baseId, baseId)];
  if (year !== undefined) conds.push(lte(projects.startYear, year), gte(projects.endYear, year));
  return db.select(baseProjectColumns).from(baseProjects).innerJoin(projects, eq(projects.id, baseProjects.projectId))
    .where(and(...conds)).orderBy(asc(projects.startYear), asc(projects.title));
}
