import type { Api } from './context.js';

/**
 * HSTS only on requests that arrived over TLS: directly, or through a trusted proxy that says
 * X-Forwarded-Proto: https (req.protocol honours GUOHE_TRUST_PROXY). Browsers ignore the header on
 * plain HTTP anyway; sending it there would only confuse a health check or a development server.
 */
export function registerHsts(app: Api): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
