// Who acts. Organization kinds are the bodies the Measures (and local measures modelled on them,
// a21.s1) name; host kinds are the institutions a base may rest on (a2.s1).
import { z } from 'zod';

export const orgKinds = [
  'ministry', // 科技部
  'ministry_intl_dept', // 科技部国际合作司 — MOST's functional body for the bases (a10.s0)
  'torch_center', // 科技部火炬中心 (a7.p2)
  'state_council_department', // 国务院有关部门 (recommends by affiliation)
  'provincial_government', // 省级人民政府 (a5.p2)
  'provincial_st_department', // 省级科技主管部门 (recommends by territory)
  'provincial_department', // 省直部门 — recommends by affiliation under local measures
  'municipal_st_department', // 市（州）科技主管部门 — recommends by territory under local measures
  'high_tech_zone', // 国家高新区管委会 (a7.p2.i1 support opinion)
  'host_institution', // 申报机构 / 依托单位
  'commissioned_agency', // 受托机构 — reviews on a department's behalf under local measures
] as const;
export type OrgKind = (typeof orgKinds)[number];
export const ZOrgKind = z.enum(orgKinds);

/** a2.s1: 科技园区、科研院所、高等学校、创新型企业和科技中介组织. */
export const hostKinds = ['science_park', 'research_institute', 'university', 'innovative_enterprise', 'st_intermediary'] as const;
export type HostKind = (typeof hostKinds)[number];
export const ZHostKind = z.enum(hostKinds);

/** Roles inside an organization: officers handle steps, leaders sign decisions. */
export const roles = ['officer', 'leader', 'expert', 'viewer'] as const;
export type Role = (typeof roles)[number];
export const ZRole = z.enum(roles);

/**
 * The acting user's organization and the facts needed to judge scope: the province of a
 * provincial body (territory), the prefecture of a municipal one, the zone of a zone authority.
 * Affiliation is judged by orgId (the applicant names its superior department).
 */
export type Actor = {
  orgId: string;
  orgKind: OrgKind;
  roles: readonly Role[];
  provinceOf?: string;
  prefectureOf?: string;
  zoneOf?: string;
};

/** Where an application sits, for scope: its applicant, territory, affiliation and zone. */
export type ApplicationParty = {
  applicantOrgId: string;
  provinceId: string;
  prefectureId?: string;
  /** The State Council department or provincial department the applicant belongs to, if any. */
  affiliationOrgId?: string;
  zoneId?: string;
};
