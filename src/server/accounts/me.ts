import type { Actor } from '../platform/authz/actor.js';
import { actions, resources, scopeFor, type Scope } from '../platform/authz/policy.js';

/** The signed-in user as the web app sees it, with the permission cells its menu is built from. */
export function describeMe(actor: Actor) {
  const permissions: Record<string, Record<string, Scope>> = {};
  for (const resource of resources) {
    for (const action of actions) {
      const scope = scopeFor(actor.roles, resource, action);
      if (scope) (permissions[resource] ??= {})[action] = scope;
    }
  }
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    locale: actor.locale,
    org: { id: actor.orgId, kind: actor.orgKind, nameZh: actor.orgNameZh, nameEn: actor.orgNameEn, regionCode: actor.regionCode },
    permissions,
    csrfToken: actor.csrfToken,
  };
}
