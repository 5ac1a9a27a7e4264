// Rate limits (issue 8; GB/T 22239-2019 8.1.4.1 b and resource control): @fastify/rate-limit with
// two tiers.
//  - Routes an attacker would hammer — sign-in (and its second step), registration, the public
//    objection form and certificate verification — are counted per address in PostgreSQL, so the
//    limit holds across all instances behind the proxy.
//  - Every other route gets a generous per-instance limit in memory. Per-instance is acceptable
//    there: these are reads and signed-in work whose worst case is load, which N instances absorb N
//    times over; the proxy or WAF limits volume at the edge (deployment).
// The address is req.ip, which honours GUOHE_TRUST_PROXY (X-Forwarded-For only from trusted hops).
// A 429 carries Retry-After and the catalogue's `rate_limited` message in the user's language.
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest, RouteOptions } from 'fastify';
import type { Api, AppContext } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { hybridStore } from './store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface SensitiveRoute { method: string; url: RegExp; max: (c: AppContext['config']['rateLimits']) => number; window: number; group: string }

/** Route patterns (as registered) that are counted in the database, and their limits. */
export const SENSITIVE_ROUTES: SensitiveRoute[] = [
  { method: 'POST', url: /^\/api\/auth\/sign-in(\/.*)?$/, max: (c) => c.signInPerMinute, window: MINUTE, group: 'sign-in' },
  { method: 'POST', url: /^\/api\/auth\/register$/, max: (c) => c.registerPerHour, window: HOUR, group: 'register' },
  { method: 'POST', url: /\/publicity\/:id\/objections$/, max: (c) => c.objectionPerHour, window: HOUR, group: 'objection' },
  { method: 'GET', url: /^(\/api)?\/verify\/:code$/, max: (c) => c.verifyPerMinute, window: MINUTE, group: 'verify' },
  { method: 'GET', url: /^(\/[a-z-]+)*\/verify$/, max: (c) => c.verifyPerMinute, window: MINUTE, group: 'verify' },
];

function methods(route: RouteOptions): string[] {
  return [route.method].flat().map(String);
}

export async function registerRateLimits(app: Api, ctx: Pick<AppContext, 'config' | 'database'>): Promise<void> {
  const limits = ctx.config.rateLimits;
  if (!limits.enabled) return;
  // Runs before the plugin's own onRoute hook (registered below), so it sees our per-route config.
  app.addHook('onRoute', (route) => {
    if (route.config && (route.config as { rateLimit?: unknown }).rateLimit !== undefined) return;
    const hit = SENSITIVE_ROUTES.find((s) => methods(route).includes(s.method) && s.url.test(route.url ?? ''));
    if (!hit) return;
    const max = hit.max(limits);
    route.config = {
      ...(route.config ?? {}),
      // One counter per group (e.g. both sign-in steps, every language's verify page).
      rateLimit: max > 0 ? { max, timeWindow: hit.window, shared: true, keyGenerator: (req: FastifyRequest) => `${hit.group}|${req.ip}` } : false,
    } as never;
  });
  await app.register(rateLimit, {
    global: limits.readPerMinute > 0,
    max: limits.readPerMinute || 1,
    timeWindow: MINUTE,
    store: hybridStore(ctx.database.db) as never, // its child() reads our `shared` flag from the merged route options
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', { data: { retryAfterSeconds: Math.ceil(ctx.ttl / 1000), limit: ctx.max } }),
  });
}
