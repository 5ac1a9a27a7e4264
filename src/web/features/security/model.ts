// Types of the identification/authentication and security-administration API (issue 8), taken
// from the server's own schemas (type-only imports: nothing of the server is bundled).
import type { z } from 'zod';
import type { Me } from '../../../contracts/auth';
import type {
  ZMfaStatus, ZPasswordPolicy, ZRecoveryCodes, ZRestriction, ZSessionInfo, ZSignedIn, ZSignInAnswer, ZSignInEvent, ZTotpEnrolment,
} from '../../../server/accounts/contracts';
import type { ZAuthenticationOptions, ZRegistrationOptions, ZSecurityKey } from '../../../server/accounts/webauthn-contracts';
import type { ZAdminUser, ZNewRoleRequest, ZRoleRequest, ZRoleRequestRow } from '../../../server/security/routes';
import type { SecuritySettings as ServerSecuritySettings } from '../../../server/security/settings';

export type Restriction = z.infer<typeof ZRestriction>;
export type SignedIn = z.infer<typeof ZSignedIn>;
export type SignInAnswer = z.infer<typeof ZSignInAnswer>;
export type MfaStatus = z.infer<typeof ZMfaStatus>;
export type TotpEnrolment = z.infer<typeof ZTotpEnrolment>;
export type RecoveryCodes = z.infer<typeof ZRecoveryCodes>;
export type PasswordPolicy = z.infer<typeof ZPasswordPolicy>;
export type SessionInfo = z.infer<typeof ZSessionInfo>;
export type SignInEvent = z.infer<typeof ZSignInEvent>;
export type SecurityKey = z.infer<typeof ZSecurityKey>;
export type RegistrationOptions = z.infer<typeof ZRegistrationOptions>;
export type AuthenticationOptions = z.infer<typeof ZAuthenticationOptions>;
export type AdminUser = z.infer<typeof ZAdminUser>;
export type NewRoleRequest = z.infer<typeof ZNewRoleRequest>;
export type RoleRequest = z.infer<typeof ZRoleRequest>;
export type RoleRequestRow = z.infer<typeof ZRoleRequestRow>;
export type SecuritySettings = ServerSecuritySettings;

/** The roles a security administrator may grant (server: src/server/platform/authz/roles.ts). */
export const grantableRoles = [
  'ministry_officer', 'torch_officer', 'secretariat_officer', 'recommender_officer', 'provincial_government_officer',
  'zone_officer', 'institution_user', 'expert', 'sys_admin', 'security_admin', 'audit_admin',
] as const satisfies ReadonlyArray<NewRoleRequest['role']>;

/** Roles whose change waits for a second security administrator (server: security/role-classes.ts). */
export const secondApprovalRoles: ReadonlyArray<string> = ['ministry_officer', 'torch_officer', 'sys_admin', 'security_admin', 'audit_admin'];

/**
 * The restriction of the signed-in session (`/api/auth/me` answers it beside Me): while it is set
 * the server refuses everything but fixing it, so the app sends the user to the account page.
 */
export function restrictionOf(me: Me | null | undefined): Restriction {
  return ((me as (Me & { restriction?: Restriction }) | null | undefined)?.restriction ?? null);
}

/**
 * Security administration (policy, unlocks, role grants) is not a cell of the server's policy
 * table: the server checks the security_admin role itself (requireSecurityAdmin, 三员分立). The
 * routes of those pages therefore carry `needsRole: 'security_admin'` beside the nearest cell
 * (user × update, which the system administrator also holds), and the pages check the same role
 * again, so a system administrator neither sees the menu entries nor gets a page that would only
 * answer 403.
 */
export const SECURITY_ADMIN = 'security_admin';
export function isSecurityAdmin(me: Pick<Me, 'roles'> | null | undefined): boolean {
  return !!me?.roles.includes(SECURITY_ADMIN);
}

/** A user agent as a short "browser on system" label. */
export function describeAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\/(\d+)/.exec(ua) ? `Edge ${/Edg\/(\d+)/.exec(ua)![1]}`
    : /Firefox\/(\d+)/.exec(ua) ? `Firefox ${/Firefox\/(\d+)/.exec(ua)![1]}`
    : /(?:Chrome|Chromium)\/(\d+)/.exec(ua) ? `${/HeadlessChrome/.test(ua) ? 'Headless Chrome' : 'Chrome'} ${/(?:Chrome|Chromium)\/(\d+)/.exec(ua)![1]}`
    : /Version\/(\d+).*Safari/.exec(ua) ? `Safari ${/Version\/(\d+)/.exec(ua)![1]}`
    : null;
  const os = /Windows NT/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Linux/.test(ua) ? 'Linux' : null;
  if (!browser && !os) return ua.slice(0, 60);
  return [browser, os].filter(Boolean).join(' · ');
}

/** The secret and issuer inside an otpauth:// URI, for typing in by hand. */
export function parseOtpauth(uri: string): { secret: string | null; issuer: string | null; label: string | null } {
  try {
    const u = new URL(uri);
    return { secret: u.searchParams.get('secret'), issuer: u.searchParams.get('issuer'), label: decodeURIComponent(u.pathname.replace(/^\/+/, '')) || null };
  } catch {
    return { secret: null, issuer: null, label: null };
  }
}

/** Groups of four for reading a base32 secret aloud or typing it. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}
