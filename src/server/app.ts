import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/client.js';
import type { Api, AppContext } from './platform/http/context.js';
import { errorHandler } from './platform/http/error-handler.js';
import { sessionHook } from './platform/http/session-hook.js';
import { capabilities } from './capabilities.js';
import { registerRateLimits } from './platform/ratelimit/plugin.js';
import { registerHsts } from './platform/http/hsts.js';
import { startAuditSealer } from './platform/audit/audit.js';
import { loadSmKeys, type SmKeys } from './platform/crypto/sm.js';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Default: loaded from the environment, or the development files under config.dataDir. */
  keys?: SmKeys;
}

/** Composition root: platform plugins, then each capability's routes. */
export async function buildApp({ config, database, logger, keys }: BuildOptions) {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    // A hop count trusts that many proxies nearest to us (proxy-addr's semantics for a number).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Router-level failures (a malformed or over-long path parameter) answer like every other error.
    frameworkErrors: errorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd's CSS-in-JS injects style tags
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false, // see registerHsts: only on requests that came over TLS
  });
  registerHsts(app);
  await registerRateLimits(app, { config, database });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Guohe API', version: '0.1.0', description: '国家国际科技合作基地信息管理系统 API' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const ctx: AppContext = { config, database, log: app.log, keys: keys ?? loadSmKeys({ dataDir: config.dataDir }) };
  app.decorateRequest('actor', null);
  app.addHook('preHandler', sessionHook(ctx));
  for (const register of capabilities) await register(app, ctx);

  // Audit records written by requests join the SM3 chain a moment after they commit.
  const sealer = startAuditSealer(database.db, config.auditSealMs, (err) => app.log.warn({ err }, 'audit sealing failed; retried'));
  app.addHook('onClose', () => sealer.stop());

  await serveWeb(app);
  return app;
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** The built web app (vite build → dist/web), with client-side routes falling back to index.html. */
async function serveWeb(app: Api) {
  const hasBuild = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasBuild) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && hasBuild) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: 'Not found' } });
  });
}
