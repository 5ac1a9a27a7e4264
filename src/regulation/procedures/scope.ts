// Whose application is it to handle? A step names org kinds; an actor of that kind handles only
// applications within its remit: the applicant itself; a provincial body its province (属地);
// a department the units affiliated to it (隶属); a zone its own enterprises; national bodies all.
// The server's data scope (a9.s1, two-level management) applies the same remit to reading.
import type { Actor, ApplicationParty, OrgKind } from '../actors.js';

export type Relation = 'affiliation_or_territory' | 'territory' | 'affiliation';

const territorial = (actor: Actor, party: ApplicationParty): boolean => {
  switch (actor.orgKind) {
    case 'provincial_government':
    case 'provincial_st_department':
      return actor.provinceOf !== undefined && actor.provinceOf === party.provinceId;
    case 'municipal_st_department':
      return actor.prefectureOf !== undefined && actor.prefectureOf === party.prefectureId;
    default:
      return false;
  }
};

const affiliated = (actor: Actor, party: ApplicationParty): boolean =>
  party.affiliationOrgId !== undefined && actor.orgId === party.affiliationOrgId;

const nationalKinds: readonly OrgKind[] = ['ministry', 'ministry_intl_dept', 'torch_center', 'commissioned_agency'];

/** Is this application within the actor's remit? `relation` applies to recommending steps. */
export function inScope(actor: Actor, party: ApplicationParty, relation: Relation = 'affiliation_or_territory'): boolean {
  if (nationalKinds.includes(actor.orgKind)) return true;
  if (actor.orgKind === 'host_institution') return actor.orgId === party.applicantOrgId;
  if (actor.orgKind === 'high_tech_zone') return actor.zoneOf !== undefined && actor.zoneOf === party.zoneId;
  if (relation === 'affiliation') return affiliated(actor, party);
  if (relation === 'territory') return territorial(actor, party);
  return affiliated(actor, party) || territorial(actor, party);
}

/** Org kinds that recommend under the Measures or local measures; used to tell a wrong recommender from a stray actor. */
export const recommendingKinds: readonly OrgKind[] = ['state_council_department', 'provincial_st_department', 'provincial_department', 'municipal_st_department'];
