// Shared builders for the domain tests (not part of the public API).
import type { Actor, ApplicationParty, OrgKind, Role } from './actors.js';
import type { Facts } from './conditions/facts.js';
import { beijingInstant, endOfBeijingDay } from './dates.js';

export const facts = (over: Partial<Facts> = {}): Facts => ({
  orgKind: 'research_institute',
  registeredOn: '2010-01-01',
  independentLegalEntity: true,
  zoneId: null,
  projects: [],
  foreignPartners: [],
  documents: [],
  ...over,
});

export const actor = (orgKind: OrgKind, orgId: string, extra: Partial<Actor> = {}, roles: Role[] = ['officer', 'leader']): Actor => ({
  orgId, orgKind, roles, ...extra,
});

/** An applicant in province P1, affiliated to department D1, located in zone Z1. */
export const party: ApplicationParty = { applicantOrgId: 'U1', provinceId: 'P1', prefectureId: 'C1', affiliationOrgId: 'D1', zoneId: 'Z1' };

export const actors = {
  applicant: actor('host_institution', 'U1'),
  otherApplicant: actor('host_institution', 'U2'),
  province: actor('provincial_st_department', 'PST1', { provinceOf: 'P1' }),
  otherProvince: actor('provincial_st_department', 'PST2', { provinceOf: 'P2' }),
  provGov: actor('provincial_government', 'PG1', { provinceOf: 'P1' }),
  department: actor('state_council_department', 'D1'),
  otherDepartment: actor('state_council_department', 'D2'),
  city: actor('municipal_st_department', 'CST1', { prefectureOf: 'C1' }),
  zone: actor('high_tech_zone', 'ZA1', { zoneOf: 'Z1' }),
  otherZone: actor('high_tech_zone', 'ZA2', { zoneOf: 'Z2' }),
  ministry: actor('ministry', 'MOST'),
  intl: actor('ministry_intl_dept', 'MOST-INTL'),
  torch: actor('torch_center', 'TORCH'),
  intlOfficerOnly: actor('ministry_intl_dept', 'MOST-INTL', {}, ['officer']),
};

export const call2026 = {
  opensAt: beijingInstant('2026-04-01'),
  deadline: endOfBeijingDay('2026-05-20'),
};
export const duringCall = beijingInstant('2026-05-10', 10);
export const afterCall = beijingInstant('2026-06-10', 10);
