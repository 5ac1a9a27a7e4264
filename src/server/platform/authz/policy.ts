import type { Role } from './roles.js';

/**
 * The one table of (role × resource × action) → data scope (a9.s1: two-level management).
 * Queries consult it through `scopeFor`; the UI menu is derived from it too, so the two cannot
 * disagree. A missing cell means "no access". Every cell is tested (policy.int.test.ts).
 *
 * Scopes:
 * - all: the whole country (the ministry).
 * - recommended: the organizations a department recommends (derived from affiliation and
 *   territory, a11.s0) and their records.
 * - province: records located in the actor's province (provincial government, a5.p2.i2).
 * - zone: institutions located in the actor's national high-tech zone (a7.p2.i1).
 * - own_org: the actor's own organization.
 * - self: the actor's own user record.
 * - assigned: records assigned to the actor (experts).
 */
export type Scope = 'all' | 'recommended' | 'province' | 'zone' | 'own_org' | 'self' | 'assigned';
// annual_report: a base's plans and summaries (a14.s1) — the recommender decides (signs/returns), the ministry receives.
// expert: the expert pool (专家库) — profiles; review: rounds, assignments, scores and panels (a5.p2–a8.p2).
// alliance: the bases' alliance (a18) — membership, groups, resources, events; read scopes name whose
// bases' standing one sees, member-only data is further gated on a current membership (alliance/scope.ts).
export const resources = ['organization', 'user', 'registration', 'audit_log', 'application', 'base', 'annual_report', 'expert', 'review', 'alliance'] as const;
export type Resource = (typeof resources)[number];
export const actions = ['read', 'create', 'update', 'decide'] as const;
export type Action = (typeof actions)[number];

type Cells = Partial<Record<Resource, Partial<Record<Action, Scope>>>>;

const ministry: Cells = {
  organization: { read: 'all', create: 'all', update: 'all' },
  user: { read: 'all' },
  registration: { read: 'all', decide: 'all' },
  application: { read: 'all', decide: 'all' },
  base: { read: 'all', update: 'all', decide: 'all' },
  annual_report: { read: 'all', decide: 'all' },
  expert: { read: 'all', create: 'all', update: 'all' },
  review: { read: 'all', create: 'all', update: 'all', decide: 'all' },
  alliance: { read: 'all' },
};

export const policy: Record<Role, Cells> = {
  ministry_officer: ministry,
  torch_officer: {
    organization: { read: 'all' },
    application: { read: 'all', decide: 'all' },
    base: { read: 'all' },
    annual_report: { read: 'all' },
    // a7.p2.i2: the Torch Center reviews technology transfer centers together with the Department.
    expert: { read: 'all' },
    review: { read: 'all', create: 'all', update: 'all', decide: 'all' },
  },
  secretariat_officer: {
    organization: { read: 'all' },
    base: { read: 'all' },
    // a18.s2: the secretariat runs the alliance's daily work.
    alliance: { read: 'all', create: 'all', update: 'all', decide: 'all' },
  },
  recommender_officer: {
    organization: { read: 'recommended', update: 'recommended' },
    user: { read: 'recommended' },
    registration: { read: 'recommended', decide: 'recommended' },
    application: { read: 'recommended', decide: 'recommended' },
    base: { read: 'recommended', update: 'recommended' },
    annual_report: { read: 'recommended', decide: 'recommended' },
    // A department invites experts and sees those of the institutions it recommends (or it invited).
    expert: { read: 'recommended', create: 'recommended' },
    // a20.s1: a recommending department links its bases to its cooperation programmes.
    alliance: { read: 'recommended', update: 'recommended' },
  },
  provincial_government_officer: {
    organization: { read: 'province' },
    application: { read: 'province', create: 'own_org', update: 'own_org', decide: 'province' },
    base: { read: 'province' },
    annual_report: { read: 'province' },
  },
  zone_officer: {
    organization: { read: 'zone' },
    application: { read: 'zone', decide: 'zone' },
    base: { read: 'zone' },
    annual_report: { read: 'zone' },
  },
  institution_user: {
    organization: { read: 'own_org', update: 'own_org' },
    user: { read: 'own_org' },
    application: { read: 'own_org', create: 'own_org', update: 'own_org' },
    base: { read: 'own_org', update: 'own_org' },
    annual_report: { read: 'own_org', create: 'own_org', update: 'own_org' },
    alliance: { read: 'own_org', create: 'own_org', update: 'own_org' },
  },
  expert: {
    user: { read: 'self' },
    application: { read: 'assigned' },
    // Own profile only: listing the pool needs a wider scope. Reviews: own assignments only.
    expert: { read: 'self', update: 'self' },
    review: { read: 'assigned', update: 'assigned' },
  },
  // 三员分立: administrators manage the platform; none may read applications or reviews.
  sys_admin: {
    organization: { read: 'all', create: 'all', update: 'all' },
    user: { read: 'all', create: 'all', update: 'all' },
  },
  security_admin: {
    user: { read: 'all', update: 'all' },
  },
  audit_admin: {
    audit_log: { read: 'all' },
  },
};

/** Scopes ranked from widest to narrowest, to pick the widest a user's roles grant. */
const rank: Scope[] = ['all', 'recommended', 'province', 'zone', 'own_org', 'assigned', 'self'];

/** The widest scope any of the actor's roles grants for (resource, action), or null. */
export function scopeFor(userRoles: readonly Role[], resource: Resource, action: Action): Scope | null {
  const granted = userRoles.map((r) => policy[r][resource]?.[action]).filter((s): s is Scope => !!s);
  if (granted.length === 0) return null;
  return granted.sort((a, b) => rank.indexOf(a) - rank.indexOf(b))[0] ?? null;
}

/** Roles that no one account may combine (三员分立, issue 8). */
export const separatedRoles: readonly Role[] = ['sys_admin', 'security_admin', 'audit_admin'];
