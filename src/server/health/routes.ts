import { z } from 'zod';
import type { Api, AppContext } from '../platform/http/context.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), up: z.boolean() }),
  time: z.string(),
});

export function healthRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: 'Health, with the database state', response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const up = await ctx.database.ping();
      const body = { status: up ? 'ok' : 'degraded', database: { kind: ctx.database.kind, up }, time: new Date().toISOString() } as const;
      return reply.status(up ? 200 : 503).send(body);
    },
  );
}
