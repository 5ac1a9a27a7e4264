import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { loadSmKeys, type SmKeys } from '../../platform/crypto/sm.js';
import { auditActor } from '../../platform/http/context.js';
import type { DecisionDeps } from '../decisions/sign-decision.js';
import type { ApplicationRow } from '../load.js';

// The composition root normally passes the keys; otherwise they load once, as buildApp would.
const loaded = new Map<string, SmKeys>();
export function keysOf(ctx: AppContext): SmKeys {
  if (ctx.keys) return ctx.keys;
  const hit = loaded.get(ctx.config.dataDir) ?? loadSmKeys({ dataDir: ctx.config.dataDir });
  loaded.set(ctx.config.dataDir, hit);
  return hit;
}

export function depsOf(ctx: AppContext, req: FastifyRequest): DecisionDeps {
  return { keys: keysOf(ctx), audit: auditActor(req), publicBaseUrl: ctx.config.publicBaseUrl };
}

export const transitionOut = (r: ApplicationRow) => ({
  id: r.id, status: r.status as 'draft' | 'in_progress' | 'returned' | 'rejected' | 'recognized' | 'withdrawn', stepId: r.stepId, stepIndex: r.stepIndex, version: r.version,
});
