import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Actor } from '../authz/actor.js';
import type { AuditActor } from '../audit/audit.js';
import type { SmKeys } from '../crypto/sm.js';
import { AppError, langOf, type Lang } from './errors.js';

/** What every capability's routes receive from the composition root. */
export interface AppContext {
  config: Config;
  database: Database;
  log: FastifyBaseLogger;
  /** SM2 signing key and SM4 key ring, loaded once at start (buildApp). */
  keys?: SmKeys;
}

export type Api = FastifyInstance<any, any, any, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}

export function auditActor(req: FastifyRequest): AuditActor {
  return { userId: req.actor?.userId ?? null, orgId: req.actor?.orgId ?? null, ip: req.ip ?? null };
}

export function requestLang(req: FastifyRequest): Lang {
  const explicit = req.headers['x-guohe-lang'];
  if (typeof explicit === 'string') return langOf(explicit);
  return langOf(req.headers['accept-language']);
}
