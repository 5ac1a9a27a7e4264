// Organization kinds and the recommending-department rule of a11.s0.
import { territorialJurisdictionOf } from './regions.js';

export const ORG_KINDS = [
  'ministry',
  'ministry_department',
  'torch_center',
  'exchange_center',
  'state_council_department',
  'provincial_government',
  'provincial_st_department',
  'high_tech_zone',
  'science_park',
  'research_institute',
  'university',
  'innovative_enterprise',
  'st_intermediary',
  'foreign_partner',
] as const;

export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, { zh: string; en: string }>> = {
  ministry: { zh: '科技部', en: 'Ministry of Science and Technology' },
  ministry_department: { zh: '国际合作司', en: 'Department of International Cooperation' },
  torch_center: { zh: '火炬中心', en: 'Torch High Technology Industry Development Center' },
  // Also the secretariat of the bases' alliance (a18.s2).
  exchange_center: { zh: '中国科学技术交流中心', en: 'China Science and Technology Exchange Center' },
  state_council_department: { zh: '国务院有关部门', en: 'State Council department' },
  provincial_government: { zh: '省级人民政府', en: 'Provincial government' },
  // Also the S&T bureaus of the 计划单列市 and of the Corps, which recommend on the same footing.
  provincial_st_department: { zh: '省级科技主管部门', en: 'Provincial S&T department' },
  high_tech_zone: { zh: '国家高新区', en: 'National high-tech zone' },
  science_park: { zh: '科技园区', en: 'Science park' },
  research_institute: { zh: '科研院所', en: 'Research institute' },
  university: { zh: '高等学校', en: 'University' },
  innovative_enterprise: { zh: '创新型企业', en: 'Innovative enterprise' },
  st_intermediary: { zh: '科技中介组织', en: 'S&T intermediary' },
  foreign_partner: { zh: '国外合作伙伴机构', en: 'Foreign partner institution' },
};

/** Domestic institutions that can host a base (a2.s1 lists exactly these five). */
export const HOST_KINDS = [
  'science_park',
  'research_institute',
  'university',
  'innovative_enterprise',
  'st_intermediary',
] as const satisfies readonly OrgKind[];
export type HostKind = (typeof HOST_KINDS)[number];

/** Kinds that may act as recommending department (a11.s0; a6.p2.i1, a7.p2.i1, a8.p2.i1). */
export const RECOMMENDER_KINDS = [
  'state_council_department',
  'provincial_st_department',
] as const satisfies readonly OrgKind[];
export type RecommenderKind = (typeof RECOMMENDER_KINDS)[number];

export const GOVERNMENT_KINDS = [
  'ministry',
  'ministry_department',
  'state_council_department',
  'provincial_government',
  'provincial_st_department',
  'high_tech_zone',
] as const satisfies readonly OrgKind[];

export function isOrgKind(value: string): value is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(value);
}
export function isHostKind(kind: OrgKind): kind is HostKind {
  return (HOST_KINDS as readonly OrgKind[]).includes(kind);
}
export function canRecommend(kind: OrgKind): kind is RecommenderKind {
  return (RECOMMENDER_KINDS as readonly OrgKind[]).includes(kind);
}

/** The fields the rule needs; ids are whatever the caller uses (database ids, demo keys). */
export interface RecommendableOrg {
  id: string;
  kind: OrgKind;
  regionCode: string | null;
  /** 隶属: the superior body, or null. */
  affiliationId: string | null;
}

export type RecommenderDerivation =
  | { ok: true; recommenderId: string; basis: 'affiliation' | 'territory'; clause: 'a11.s0' }
  | {
      ok: false;
      reason: 'not_host_kind' | 'affiliation_cycle' | 'unknown_affiliation' | 'no_region' | 'no_territorial_department';
      clause: 'a11.s0';
    };

// Deeper chains than this are data errors, not real administrative hierarchies.
const MAX_CHAIN = 16;

/**
 * a11.s0: the recommending department is the base's superior authority (上级主管部门, by 隶属) or
 * the local S&T department (属地科技主管部门). Rule applied: if the affiliation chain reaches a
 * State Council department, the nearest such department recommends; otherwise the S&T department
 * with territorial competence — the 计划单列市 bureau inside those cities, the Corps' bureau for
 * 66xxxx locations, else the provincial department. Chains that end at a provincial body fall
 * back to territory, since the provincial S&T department is then the recommender anyway.
 */
export function deriveRecommender(
  org: RecommendableOrg,
  orgsById: ReadonlyMap<string, RecommendableOrg>,
): RecommenderDerivation {
  const fail = (reason: Extract<RecommenderDerivation, { ok: false }>['reason']): RecommenderDerivation => ({
    ok: false,
    reason,
    clause: 'a11.s0',
  });
  if (!isHostKind(org.kind)) return fail('not_host_kind');

  const seen = new Set<string>([org.id]);
  let parentId = org.affiliationId;
  while (parentId !== null) {
    if (seen.has(parentId) || seen.size > MAX_CHAIN) return fail('affiliation_cycle');
    seen.add(parentId);
    const parent = orgsById.get(parentId);
    if (!parent) return fail('unknown_affiliation');
    if (parent.kind === 'state_council_department') {
      return { ok: true, recommenderId: parent.id, basis: 'affiliation', clause: 'a11.s0' };
    }
    parentId = parent.affiliationId;
  }

  if (org.regionCode === null) return fail('no_region');
  const jurisdiction = territorialJurisdictionOf(org.regionCode);
  if (jurisdiction === null) return fail('no_region');
  for (const candidate of orgsById.values()) {
    if (candidate.kind === 'provincial_st_department' && candidate.regionCode === jurisdiction) {
      return { ok: true, recommenderId: candidate.id, basis: 'territory', clause: 'a11.s0' };
    }
  }
  return fail('no_territorial_department');
}
