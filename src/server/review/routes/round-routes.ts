import { z } from 'zod';
import {
  ZAdjustInput, ZAggregate, ZAssessmentRoundCreate, ZAssessment, ZAssessmentInput, ZExplanation, ZPanel, ZPanelInput, ZRound, ZRoundCreate, ZRoundParamsPatch, ZVersion, ZViolation,
} from '../../../contracts/review.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requireActor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { desc } from 'drizzle-orm';
import { reviewRounds } from '../tables.js';
import { createRound, patchRoundParams } from '../rounds/create-round.js';
import { createAssessmentRound } from '../rounds/create-assessment-round.js';
import { proposeRound } from '../rounds/propose-round.js';
import { adjustRound, applyRound } from '../rounds/adjust-round.js';
import { explainRound } from '../rounds/explain-round.js';
import { roundOf, roundView } from '../rounds/round-store.js';
import { applyReplacements } from '../scoring/replacements.js';
import { concludePanel, openPanelStage, roundAggregate } from '../scoring/panel.js';
import { recordAssessment } from '../scoring/assessment.js';

export function roundRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['review rounds (a5.p2–a8.p2 专家评审)'];
  const id = z.object({ id: z.uuid() });
  const idApp = z.object({ id: z.uuid(), applicationId: z.uuid() });

  app.get('/api/review/rounds', { schema: { tags, summary: 'Review rounds (the organizing body)', response: { 200: z.array(ZRound) } } }, async (req) => {
    if (scopeFor(requireActor(req).roles, 'review', 'read') !== 'all') throw new AppError('forbidden');
    const rows = await db.select().from(reviewRounds).orderBy(desc(reviewRounds.createdAt));
    return Promise.all(rows.map((r) => roundView(db, r)));
  });
  app.post('/api/review/rounds', { schema: { tags, summary: 'Create a round for a call and type with its parameters; the scoring form comes from the type’s conditions', body: ZRoundCreate, response: { 201: ZRound } } }, async (req, reply) =>
    reply.status(201).send(await createRound(db, requireActor(req), auditActor(req), req.body)));
  app.post('/api/review/assessment-rounds', { schema: { tags, summary: 'Create an annual assessment round (a10.i4): the year’s annual summaries of a base type; the form from the type’s expert-scored indicators', body: ZAssessmentRoundCreate, response: { 201: ZRound } } }, async (req, reply) =>
    reply.status(201).send(await createAssessmentRound(db, requireActor(req), auditActor(req), req.body)));
  app.get('/api/review/rounds/:id', { schema: { tags, summary: 'One round with its proposal, feasibility advice and pending replacements', params: id, response: { 200: ZRound } } }, async (req) =>
    roundView(db, await roundOf(db, requireActor(req), req.params.id, 'read')));
  app.patch('/api/review/rounds/:id', { schema: { tags, summary: 'Change parameters (draft or proposed; the proposal is kept and re-checked on apply)', params: id, body: ZRoundParamsPatch, response: { 200: ZRound } } }, async (req) =>
    patchRoundParams(db, requireActor(req), auditActor(req), req.params.id, req.body));
  app.post('/api/review/rounds/:id/proposal', { schema: { tags, summary: 'Compute a proposal: feasibility → seeded random draw → min-cost flow (nothing is assigned yet)', params: id, body: z.object({ seed: z.string().trim().min(1).max(64).optional() }), response: { 200: ZRound } } }, async (req) =>
    proposeRound(db, requireActor(req), auditActor(req), req.params.id, req.body));
  app.get('/api/review/rounds/:id/applications/:applicationId/explanation', { schema: { tags, summary: 'Why each panel member (matched fields) and why not each other candidate', params: idApp, querystring: z.object({ expertId: z.union([z.uuid(), z.array(z.uuid())]).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }), response: { 200: ZExplanation } } }, async (req) => {
    const expertIds = req.query.expertId === undefined ? undefined : [req.query.expertId].flat();
    return explainRound(db, requireActor(req), req.params.id, req.params.applicationId, { expertIds, ...(req.query.limit ? { limit: req.query.limit } : {}) });
  });
  app.post('/api/review/rounds/:id/adjustments', { schema: { tags, summary: 'Adjust the proposal by hand; every constraint is re-checked and a violation refuses the change (422 assignment_violation)', params: id, body: ZAdjustInput, response: { 200: z.object({ round: ZRound, warnings: z.array(ZViolation) }) } } }, async (req) =>
    adjustRound(db, requireActor(req), auditActor(req), req.params.id, req.body));
  app.post('/api/review/rounds/:id/apply', { schema: { tags, summary: 'Apply the proposal: re-check everything, then write the assignments', params: id, body: ZVersion, response: { 200: ZRound } } }, async (req) =>
    applyRound(db, requireActor(req), auditActor(req), req.params.id, req.body.version));
  app.post('/api/review/rounds/:id/replacements/apply', { schema: { tags, summary: 'Apply the replacements computed after declines (re-checked)', params: id, body: ZVersion, response: { 200: ZRound } } }, async (req) =>
    applyReplacements(db, requireActor(req), auditActor(req), req.params.id, req.body.version));
  app.post('/api/review/rounds/:id/panel-stage', { schema: { tags, summary: 'Open the panel stage (会评): experts then see the panel’s scores', params: id, body: ZVersion, response: { 200: ZRound } } }, async (req) =>
    openPanelStage(db, requireActor(req), auditActor(req), req.params.id, req.body.version));
  app.get('/api/review/rounds/:id/applications/:applicationId/scores', { schema: { tags, summary: 'Aggregation: mean, trimmed mean, spread, outliers', params: idApp, response: { 200: ZAggregate } } }, async (req) =>
    roundAggregate(db, requireActor(req), req.params.id, req.params.applicationId));
  app.post('/api/review/rounds/:id/applications/:applicationId/panel', { schema: { tags, summary: 'Conclude the panel: consensus opinion and vote; writes the review result (trimmed mean) into recognition', params: idApp, body: ZPanelInput, response: { 201: ZPanel } } }, async (req, reply) =>
    reply.status(201).send(await concludePanel(db, requireActor(req), auditActor(req), req.params.id, req.params.applicationId, req.body)));
  app.post('/api/review/applications/:id/assessments', { schema: { tags, summary: 'Record an assessment (考核: site visit or defence); writes the assessment result into recognition', params: id, body: ZAssessmentInput, response: { 201: ZAssessment } } }, async (req, reply) =>
    reply.status(201).send(await recordAssessment(db, requireActor(req), auditActor(req), req.params.id, req.body)));
}
