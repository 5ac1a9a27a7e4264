// Who edits the public column: the ministry (ministry_officer) and the alliance secretariat
// (secretariat_officer, a18.s2). The authorization policy has no cell for the column yet, so the
// rule lives here, in one place.
import type { Actor } from '../../platform/authz/actor.js';
import type { Role } from '../../platform/authz/roles.js';
import { AppError } from '../../platform/http/errors.js';

export const EDITOR_ROLES: readonly Role[] = ['ministry_officer', 'secretariat_officer'];

export const isEditor = (actor: Actor): boolean => actor.roles.some((r) => EDITOR_ROLES.includes(r));

export function requireEditor(actor: Actor): void {
  if (!isEditor(actor)) throw new AppError('forbidden');
}
