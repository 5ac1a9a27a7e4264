import type { FastifyRequest } from 'fastify';
import { resolveSession, SESSION_COOKIE } from '../../accounts/sessions.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that may change state without a session's CSRF token (there is no session yet). */
const CSRF_EXEMPT = new Set(['/api/auth/sign-in', '/api/auth/sign-in/mfa', '/api/auth/register']);

/** Resolve the session cookie to an actor and enforce CSRF on every state change. */
export function sessionHook(ctx: AppContext) {
  const policy = { idleMinutes: ctx.config.sessionIdleMinutes, absoluteHours: ctx.config.sessionAbsoluteHours, cacheMs: ctx.config.sessionCacheMs };
  return async (req: FastifyRequest) => {
    req.actor = null;
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await resolveSession(ctx.database.db, token, policy);
    if (SAFE.has(req.method) || CSRF_EXEMPT.has(req.routeOptions.url ?? '')) return;
    if (!req.actor) return; // routes that need an actor answer 401 themselves
    if (req.headers['x-csrf-token'] !== req.actor.csrfToken) throw new AppError('csrf_failed');
  };
}
