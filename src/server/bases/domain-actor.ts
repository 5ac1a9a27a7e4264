// The domain speaks of organization kinds as the Measures name them; the registry has its own
// kinds. One mapping, here, so a transition's "who acts" is judged on the Measures' terms.
import type { Actor as DomainActor, OrgKind } from '../../regulation/index.js';
import type { Actor } from '../platform/authz/actor.js';
import { isHostKind, isOrgKind } from '../organizations/registry/kinds.js';

const direct: Partial<Record<string, OrgKind>> = {
  ministry: 'ministry',
  ministry_department: 'ministry_intl_dept', // 国际合作司 acts for MOST (a10.s0)
  torch_center: 'torch_center',
  state_council_department: 'state_council_department',
  provincial_government: 'provincial_government',
  provincial_st_department: 'provincial_st_department',
  high_tech_zone: 'high_tech_zone',
};

export function domainActor(actor: Actor): DomainActor {
  const kind: OrgKind = direct[actor.orgKind] ?? (isOrgKind(actor.orgKind) && isHostKind(actor.orgKind) ? 'host_institution' : 'commissioned_agency');
  const roles: DomainActor['roles'] = actor.roles.includes('expert') ? ['expert'] : ['officer'];
  return { orgId: actor.orgId, orgKind: kind, roles, ...(actor.regionCode ? { provinceOf: actor.regionCode.slice(0, 2) + '0000' } : {}) };
}
