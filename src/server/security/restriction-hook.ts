import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/http/errors.js';
import { restrictionOf, type SessionRestriction } from '../accounts/sessions.js';

/** What a restricted session may still do: see itself, sign out, and fix the restriction. */
const always = [
  'GET /api/auth/me', 'POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere', 'GET /api/auth/password-policy',
  // Public routes stay public whatever cookie comes along (e.g. signing in as someone else).
  'POST /api/auth/sign-in', 'POST /api/auth/sign-in/mfa', 'POST /api/auth/register', 'GET /api/health',
  'POST /api/auth/sign-in/webauthn/options', 'POST /api/auth/sign-in/webauthn',
];
const allowed: Record<SessionRestriction, Set<string>> = {
  password_expired: new Set([...always, 'POST /api/auth/password']),
  mfa_enrolment_required: new Set([
    ...always, 'POST /api/auth/password', 'GET /api/auth/mfa', 'POST /api/auth/mfa/totp', 'POST /api/auth/mfa/totp/confirm',
    // A security key satisfies the requirement as well (WebAuthn).
    'GET /api/auth/webauthn/credentials', 'POST /api/auth/webauthn/registration/options', 'POST /api/auth/webauthn/registration',
  ]),
};

/**
 * Runs after the session hook: a session that must first change an expired password or enrol a
 * second factor answers 403 with that code on every other route (GB/T 22239-2019 8.1.4.1 a, d).
 */
export async function restrictionHook(req: FastifyRequest) {
  if (!req.actor || !req.url.startsWith('/api/')) return;
  const restriction = restrictionOf(req.actor);
  if (!restriction) return;
  if (allowed[restriction].has(`${req.method} ${req.routeOptions.url ?? ''}`)) return;
  throw new AppError(restriction);
}
