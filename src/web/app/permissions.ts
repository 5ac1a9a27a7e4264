import type { Me } from '../../contracts/auth';

/** Resources and actions of the server's policy table (src/server/platform/authz/policy.ts). */
export type Resource = 'organization' | 'user' | 'registration' | 'audit_log' | 'application' | 'base' | 'annual_report' | 'expert' | 'review' | 'alliance';
export type Action = 'read' | 'create' | 'update' | 'decide';
export type Scope = 'all' | 'recommended' | 'province' | 'zone' | 'own_org' | 'self' | 'assigned';

export interface Cell {
  resource: Resource;
  action: Action;
}

/** The scope a (resource, action) cell grants, or null: what the menu, guards and buttons ask. */
export function scopeOf(me: Pick<Me, 'permissions'> | null | undefined, resource: Resource, action: Action): Scope | null {
  return (me?.permissions[resource]?.[action] as Scope | undefined) ?? null;
}

export function can(me: Pick<Me, 'permissions'> | null | undefined, cell: Cell | null | undefined): boolean {
  return !cell || scopeOf(me, cell.resource, cell.action) !== null;
}

const rank: Scope[] = ['all', 'recommended', 'province', 'zone', 'own_org', 'assigned', 'self'];

/** The widest scope any cell grants: what the workbench names as "your data scope" (a9.s1). */
export function widestScope(me: Pick<Me, 'permissions'>): Scope | null {
  const scopes = Object.values(me.permissions).flatMap((actions) => Object.values(actions)) as Scope[];
  return scopes.sort((a, b) => rank.indexOf(a) - rank.indexOf(b))[0] ?? null;
}
