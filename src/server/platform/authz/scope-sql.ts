import { and, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../http/errors.js';
import type { Actor } from './actor.js';
import { scopeFor, type Action, type Resource, type Scope } from './policy.js';

/** How a resource's table expresses each kind of scope. A scope without a column denies. */
export interface ScopeColumns {
  orgId?: AnyPgColumn;
  recommenderId?: AnyPgColumn;
  zoneId?: AnyPgColumn;
  regionCode?: AnyPgColumn;
  userId?: AnyPgColumn;
  assigned?: (actor: Actor) => SQL;
}

const deny = sql`false`;

export function scopeCondition(scope: Scope, actor: Actor, cols: ScopeColumns): SQL {
  switch (scope) {
    case 'all':
      return sql`true`;
    case 'recommended':
      return anyOf(cols.recommenderId && eq(cols.recommenderId, actor.orgId), cols.orgId && eq(cols.orgId, actor.orgId));
    case 'province': {
      const prefix = actor.regionCode?.slice(0, 2);
      return prefix && cols.regionCode ? like(cols.regionCode, `${prefix}%`) : deny;
    }
    case 'zone':
      return anyOf(cols.zoneId && eq(cols.zoneId, actor.orgId), cols.orgId && eq(cols.orgId, actor.orgId));
    case 'own_org':
      return cols.orgId ? eq(cols.orgId, actor.orgId) : deny;
    case 'self':
      return cols.userId ? eq(cols.userId, actor.userId) : deny;
    case 'assigned':
      return cols.assigned ? cols.assigned(actor) : deny;
  }
}

function anyOf(...conds: (SQL | undefined)[]): SQL {
  const present = conds.filter((c): c is SQL => !!c);
  if (present.length === 0) return deny;
  return present.length === 1 ? present[0]! : or(...present)!;
}

/**
 * The WHERE condition limiting `resource` to what the actor may `action`. A role with no cell at
 * all gets 403; everything else is filtered in the query, so a guessed id outside scope is 404.
 */
export function scopeWhere(actor: Actor, resource: Resource, action: Action, cols: ScopeColumns): SQL {
  const scope = scopeFor(actor.roles, resource, action);
  if (!scope) throw new AppError('forbidden');
  return scopeCondition(scope, actor, cols);
}

export function whereAll(...conds: (SQL | undefined)[]): SQL | undefined {
  return and(...conds.filter((c): c is SQL => !!c));
}
