// The server's actor (a user of an organization with platform roles) seen as the regulation's
// actor (an organization kind with domain roles), and an application seen as the regulation's
// party. The regulation judges turn and remit; the server's scope table judges what can be read.
import type { Actor as DomainActor, ApplicationParty, OrgKind as DomainOrgKind, Role as DomainRole } from '../../regulation/index.js';
import type { Actor } from '../platform/authz/actor.js';
import type { Role } from '../platform/authz/roles.js';
import { isHostKind, isOrgKind, type OrgKind } from '../organizations/registry/kinds.js';
import { provinceOf, territorialJurisdictionOf } from '../organizations/registry/regions.js';

const KIND: Partial<Record<OrgKind, DomainOrgKind>> = {
  ministry: 'ministry',
  ministry_department: 'ministry_intl_dept',
  torch_center: 'torch_center',
  state_council_department: 'state_council_department',
  provincial_government: 'provincial_government',
  provincial_st_department: 'provincial_st_department',
  high_tech_zone: 'high_tech_zone',
};

export function domainKindOf(serverKind: string): DomainOrgKind | null {
  if (!isOrgKind(serverKind)) return null;
  if (isHostKind(serverKind)) return 'host_institution';
  return KIND[serverKind] ?? null;
}

// Officers of the ministry and the Torch Center handle steps and sign documents (the leaders of
// those bodies hold these accounts); everyone else handles steps for their organization.
const ROLES: Record<Role, DomainRole[]> = {
  ministry_officer: ['officer', 'leader'],
  torch_officer: ['officer', 'leader'],
  recommender_officer: ['officer'],
  provincial_government_officer: ['officer'],
  zone_officer: ['officer'],
  institution_user: ['officer'],
  expert: ['expert'],
  secretariat_officer: ['viewer'],
  sys_admin: [],
  security_admin: [],
  audit_admin: [],
};

/**
 * A provincial government's remit is its whole province (a5.p2.i2); a provincial S&T department's
 * is its territorial jurisdiction — the 计划单列市 bureaus recommend for their cities (a11.s0).
 */
function provinceOfActor(kind: DomainOrgKind, regionCode: string | null): string | undefined {
  if (!regionCode) return undefined;
  if (kind === 'provincial_government') return provinceOf(regionCode) ?? undefined;
  if (kind === 'provincial_st_department') return territorialJurisdictionOf(regionCode) ?? undefined;
  return undefined;
}

export function domainActorOf(actor: Actor): DomainActor | null {
  const orgKind = domainKindOf(actor.orgKind);
  if (!orgKind) return null;
  const roles = [...new Set(actor.roles.flatMap((r) => ROLES[r] ?? []))];
  const d: DomainActor = { orgId: actor.orgId, orgKind, roles };
  const p = provinceOfActor(orgKind, actor.regionCode);
  if (p) d.provinceOf = p;
  if (orgKind === 'high_tech_zone') d.zoneOf = actor.orgId;
  return d;
}

export type PartyColumns = {
  applicantOrgId: string;
  filedByOrgId: string;
  regionCode: string | null;
  affiliationOrgId: string | null;
  zoneId: string | null;
};

/**
 * The application as the regulation's party, matched to the comparison inScope makes for this
 * actor: the province for a provincial government, the territorial jurisdiction for an S&T
 * department. For an innovation park the filing government stands in the applicant's place.
 */
export function partyOf(app: PartyColumns, viewer: DomainActor | null): ApplicationParty {
  const region = app.regionCode ?? '';
  const provinceId = viewer?.orgKind === 'provincial_government' ? (provinceOf(region) ?? '') : (territorialJurisdictionOf(region) ?? '');
  const applicantOrgId = viewer && viewer.orgId === app.filedByOrgId ? app.filedByOrgId : app.applicantOrgId;
  const party: ApplicationParty = { applicantOrgId, provinceId };
  if (app.affiliationOrgId) party.affiliationOrgId = app.affiliationOrgId;
  if (app.zoneId) party.zoneId = app.zoneId;
  return party;
}
