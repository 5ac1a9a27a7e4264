import { z } from 'zod';
import { ZAssessmentResult, ZBaseTypeId, ZExpertScoreInput, ZIndicatorSystem, ZIndicatorSystemInput, ZRunYearResult } from '../../../contracts/bases.js';
import { ZOk } from '../../../contracts/common.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requireActor } from '../../platform/http/context.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { AppError } from '../../platform/http/errors.js';
import { baseInScope } from '../scope.js';
import { recordExpertScore } from './expert-scores.js';
import { publishYear } from './publish.js';
import { yearResults } from './results.js';
import { runAssessmentYear } from './run-year.js';
import { createSystem, listSystems } from './systems.js';

/** Configuring, running and publishing the assessment is the ministry's (a10.i4). */
export function requireMinistry(actor: Actor) {
  if (scopeFor(actor.roles, 'base', 'decide') !== 'all') throw new AppError('forbidden');
}

export function assessmentRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['assessment (a10.i4)'];
  const year = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

  app.get('/api/assessment/indicator-systems', { schema: { tags, summary: 'Indicator system versions of a base type (newest first; the default last)', querystring: z.object({ typeId: ZBaseTypeId }), response: { 200: z.array(ZIndicatorSystem) } } }, async (req) => {
    requireActor(req);
    return listSystems(db, req.query.typeId);
  });
  app.post('/api/assessment/indicator-systems', { schema: { tags, summary: 'Add a version of a type’s indicator system (ministry)', body: ZIndicatorSystemInput, response: { 201: ZIndicatorSystem } } }, async (req, reply) => {
    requireMinistry(requireActor(req));
    return reply.status(201).send(await createSystem(db, auditActor(req), req.body));
  });
  app.post('/api/assessment/:year/run', { schema: { tags, summary: 'Compute every base’s indicators and grade for the year, then the a13.s3 reading (ministry)', params: year, response: { 200: ZRunYearResult } } }, async (req) => {
    requireMinistry(requireActor(req));
    return runAssessmentYear(db, auditActor(req), req.params.year);
  });
  app.post('/api/assessment/:year/publish', { schema: { tags, summary: 'Publish the year’s results (ministry)', params: year, response: { 200: z.object({ year: z.number(), published: z.boolean() }) } } }, async (req) => {
    requireMinistry(requireActor(req));
    return publishYear(db, auditActor(req), req.params.year);
  });
  app.get('/api/assessment/:year/results', { schema: { tags, summary: 'Results of the year in my scope (published years; the ministry also sees computed ones)', params: year, response: { 200: z.array(ZAssessmentResult) } } }, async (req) =>
    yearResults(db, requireActor(req), req.params.year));
  app.put('/api/assessment/:year/bases/:baseId/expert-scores', { schema: { tags, summary: 'Enter an expert score for an indicator scored by experts', params: year.extend({ baseId: z.uuid() }), body: ZExpertScoreInput, response: { 200: ZOk } } }, async (req) => {
    const actor = requireActor(req);
    requireMinistry(actor);
    await baseInScope(db, actor, req.params.baseId, 'decide');
    return recordExpertScore(db, auditActor(req), { year: req.params.year, baseId: req.params.baseId, indicatorId: req.body.indicatorId, expertUserId: req.body.expertUserId ?? actor.userId, score: req.body.score, comment: req.body.comment });
  });
}
