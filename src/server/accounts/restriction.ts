import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { SecuritySettings } from '../security/settings.js';
import { isExpert, isOfficial } from '../security/role-classes.js';
import type { SessionRestriction } from './sessions.js';
import { userRoles } from './tables.js';

export interface RestrictionInput {
  roles: readonly string[];
  passwordChangedAt: Date;
  totpEnabled: boolean;
  /** At least one security key (WebAuthn): satisfies the second-factor requirement like TOTP. */
  webauthnEnabled?: boolean;
}

/**
 * What a new session of this user must fix first: an official's password past its maximum age
 * (GB/T 22239-2019 8.1.4.1 a, 定期更换), then a missing second factor where the policy requires one
 * (8.1.4.1 d). Pure, so the rule is unit-tested.
 */
export function restrictionFor(u: RestrictionInput, s: SecuritySettings, now = Date.now()): SessionRestriction | null {
  const official = isOfficial(u.roles);
  if (official && s.passwordMaxAgeDaysOfficials > 0 && u.passwordChangedAt.getTime() + s.passwordMaxAgeDaysOfficials * 86_400_000 <= now) {
    return 'password_expired';
  }
  const mfaRequired = (official && s.requireMfaForOfficials) || (isExpert(u.roles) && s.requireMfaForExperts);
  if (mfaRequired && !u.totpEnabled && !u.webauthnEnabled) return 'mfa_enrolment_required';
  return null;
}

export function mfaRequiredFor(roles: readonly string[], s: SecuritySettings): boolean {
  return (isOfficial(roles) && s.requireMfaForOfficials) || (isExpert(roles) && s.requireMfaForExperts);
}

export async function rolesOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.role);
}
