// From the database to the engine's pure input (assignment/types.ts): applications with their
// institutions and parents, the active pool, relations, declared conflicts and the rules in force.
// Ids stay ids: experts are user ids (so "named in the application" can match an expert), and
// an application's institutions include the parents of the applicant, of the filer and of the
// foreign partners it names (registry affiliation chain), since any of those is a conflict.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { organizations } from '../../organizations/tables.js';
import { provinceOf } from '../../organizations/registry/regions.js';
import { applications } from '../../recognition/tables.js';
import { assessmentSubjects } from '../../bases/assessment/review-adapter.js';
import { users } from '../../accounts/tables.js';
import type { Application, AssignmentInput, ConflictConfig, Expert, ExpertStatus } from '../assignment/index.js';
import { declaredConflicts, expertRelations, namedPeople } from '../tables.js';
import { expertQuery, regionOf } from '../pool/expert-view.js';
import type { RoundParams } from '../types.js';

const NO_PROVINCE = 'unknown';
const STATUS: Record<string, ExpertStatus> = { active: 'active', paused: 'suspended', retired: 'retired' };

async function parentsOf(db: Db): Promise<(id: string) => string[]> {
  const rows = await db.select({ id: organizations.id, parent: organizations.affiliationId }).from(organizations);
  const parent = new Map(rows.map((r) => [r.id, r.parent]));
  return (id) => {
    const chain: string[] = [];
    for (let cur: string | null | undefined = id; cur && !chain.includes(cur); cur = parent.get(cur)) chain.push(cur);
    return chain;
  };
}

export interface RoundInput {
  input: AssignmentInput;
  names: Map<string, string>;
}

/**
 * An assessment round's subjects are annual summaries (bases/assessment/review-adapter.ts): the
 * institution rule reads the base's host institution and its parents, the recommending-department
 * rule the base's recommending department; nobody is named in a summary.
 */
async function summarySubjects(db: Db, ids: string[], chain: (id: string) => string[]): Promise<Application[]> {
  const order = new Map(ids.map((id, i) => [id, i]));
  const subjects = (await assessmentSubjects(db, ids)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return subjects.map((s) => ({
    id: s.id, fields: s.fields.map((field) => ({ field, weight: 1 })), keywords: [],
    province: (s.regionCode ? provinceOf(s.regionCode) : null) ?? NO_PROVINCE, institutionIds: chain(s.hostOrgId),
    recommendingOrgId: s.recommenderId ?? `none:${s.id}`, namedPeopleIds: [],
  }));
}

export async function roundInput(db: Db, applicationIds: string[], params: RoundParams, seed: string, conflictConfig: ConflictConfig, kind = 'recognition'): Promise<RoundInput> {
  const apps = applicationIds.length && kind !== 'assessment' ? await db.select().from(applications).where(inArray(applications.id, applicationIds)) : [];
  const chain = await parentsOf(db);
  const named = applicationIds.length ? await db.select().from(namedPeople).where(inArray(namedPeople.applicationId, applicationIds)) : [];
  const order = new Map(applicationIds.map((id, i) => [id, i]));
  const engineApps: Application[] = kind === 'assessment' ? await summarySubjects(db, applicationIds, chain) : apps.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((a) => {
    const partnerOrgs = a.foreignPartners.map((p) => p.orgId).filter((x): x is string => !!x);
    const institutions = [...new Set([a.applicantOrgId, a.filedByOrgId, ...partnerOrgs].flatMap(chain))];
    const province = a.provinceCode ?? (a.regionCode ? provinceOf(a.regionCode) : null) ?? NO_PROVINCE;
    return {
      id: a.id, fields: a.fields.map((field) => ({ field, weight: 1 })), keywords: [], province, institutionIds: institutions,
      // No recommender (an innovation park, filed by the government): a key no expert can hold.
      recommendingOrgId: a.recommenderId ?? `none:${a.id}`,
      namedPeopleIds: named.filter((p) => p.applicationId === a.id).map((p) => p.personKey),
    };
  });

  // The assignable pool: active accounts (an invited expert who has not accepted is not in it).
  // In a fixed order: the seeded random draw picks experts by position, so the same seed must
  // meet the same order for the draw to replay (row order changes when profiles are updated).
  const rows = await expertQuery(db).where(eq(users.status, 'active')).orderBy(users.id);
  const names = new Map(rows.map((r) => [r.user.id, r.user.displayName]));
  const experts: Expert[] = rows.map((r) => {
    const region = regionOf(r);
    return {
      id: r.user.id, fields: r.profile.fields, keywords: r.profile.keywords,
      province: (region ? provinceOf(region) : null) ?? NO_PROVINCE, institutionId: r.user.orgId,
      affiliationIds: r.profile.affiliationOrgIds,
      employment: r.profile.employment.map((j) => ({ institutionId: j.orgId, untilYear: j.untilYear })),
      status: STATUS[r.profile.status] ?? 'suspended',
      // Load is counted within the round: its own pairs are fixed pairs of the flow.
      currentLoad: 0,
    };
  });
  const keys = [...new Set(named.map((p) => p.personKey))];
  const relations = keys.length ? await db.select().from(expertRelations).where(inArray(expertRelations.personKey, keys)) : [];
  const declared = applicationIds.length ? await db.select().from(declaredConflicts).where(inArray(declaredConflicts.applicationId, applicationIds)) : [];
  return {
    names,
    input: {
      applications: engineApps, experts,
      relations: relations.map((r) => ({ expertId: r.expertUserId, personId: r.personKey, kind: r.kind as 'coauthor' | 'project', year: r.year })),
      declared: declared.map((d) => ({ expertId: d.expertUserId, applicationId: d.applicationId })),
      conflictConfig,
      params: {
        reviewers: params.reviewers, maxLoad: params.maxLoad, maxPerProvince: params.maxPerProvince,
        weights: params.weights, randomShare: params.randomShare, seed,
      },
    },
  };
}
