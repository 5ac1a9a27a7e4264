import { z } from 'zod';
import { ZBoard } from '../../../contracts/bases.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { requireActor } from '../../platform/http/context.js';
import { today } from '../clock.js';
import { board } from './board.js';

export function boardRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  app.get('/api/bases/board', { schema: { tags: ['board (a10.i4)'], summary: 'Dynamic management board of my scope for a year', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: ZBoard } } }, async (req) =>
    board(db, requireActor(req), req.query.year ?? Number(today().slice(0, 4))));
}
