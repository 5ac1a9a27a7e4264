import type { Role } from '../platform/authz/roles.js';
import { separatedRoles } from '../platform/authz/policy.js';

/** Officials: everyone who acts for a government body or runs the platform (not institutions, not experts). */
export const officialRoles: readonly Role[] = [
  'ministry_officer', 'torch_officer', 'secretariat_officer', 'recommender_officer',
  'provincial_government_officer', 'zone_officer', 'sys_admin', 'security_admin', 'audit_admin',
];

/** Roles whose grant or revocation needs a second security administrator's approval (issue 8). */
export const ministryRoles: readonly Role[] = ['ministry_officer', 'torch_officer', ...separatedRoles];

export const isOfficial = (roles: readonly string[]) => roles.some((r) => (officialRoles as readonly string[]).includes(r));
export const isExpert = (roles: readonly string[]) => roles.includes('expert');
export const needsSecondApproval = (role: Role) => ministryRoles.includes(role);

/** The separated role an account already holds that conflicts with `role`, if any (三员分立). */
export function separationConflict(held: readonly string[], role: Role): Role | null {
  if (!separatedRoles.includes(role)) return null;
  return separatedRoles.find((r) => r !== role && held.includes(r)) ?? null;
}
