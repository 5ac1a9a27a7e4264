import { z } from 'zod';
import { ZAggregate, ZAssignmentDetail, ZDeclarationInput, ZDraft, ZMyAssignment, ZSubmission } from '../../../contracts/review.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requireActor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { assignmentDetail, myAssignments } from '../scoring/assignments.js';
import { answerDeclaration } from '../scoring/declaration.js';
import { saveDraft, submitReview } from '../scoring/drafts.js';
import { panelForExpert } from '../scoring/panel.js';

export function scoringRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['scoring (评分)'];
  const id = z.object({ id: z.uuid() });

  app.get('/api/review/assignments', { schema: { tags, summary: 'My assignments (experts)', response: { 200: z.array(ZMyAssignment) } } }, async (req) => {
    const actor = requireActor(req);
    if (!scopeFor(actor.roles, 'review', 'read')) throw new AppError('forbidden');
    return myAssignments(db, actor);
  });
  app.get('/api/review/assignments/:id', { schema: { tags, summary: 'One of my assignments with the form and my draft (another’s: 404)', params: id, response: { 200: ZAssignmentDetail } } }, async (req) =>
    assignmentDetail(db, requireActor(req), req.params.id));
  app.post('/api/review/assignments/:id/declaration', { schema: { tags, summary: 'Sign the 回避与保密承诺, or decline (the slot is freed and a replacement proposed)', params: id, body: ZDeclarationInput, response: { 200: ZAssignmentDetail } } }, async (req) =>
    answerDeclaration(db, requireActor(req), auditActor(req), req.params.id, req.body));
  app.put('/api/review/assignments/:id/draft', { schema: { tags, summary: 'Save a draft (server-side, any time before submitting)', params: id, body: ZDraft, response: { 200: ZAssignmentDetail } } }, async (req) =>
    saveDraft(db, requireActor(req), req.params.id, req.body));
  app.post('/api/review/assignments/:id/submit', { schema: { tags, summary: 'Submit the scores, opinion and recommendation (推荐/不推荐)', params: id, body: ZSubmission, response: { 200: ZAssignmentDetail } } }, async (req) =>
    submitReview(db, requireActor(req), auditActor(req), req.params.id, req.body));
  app.get('/api/review/assignments/:id/panel', { schema: { tags, summary: 'The panel’s scores for my application: only at the panel stage (会评)', params: id, response: { 200: ZAggregate } } }, async (req) =>
    panelForExpert(db, requireActor(req), req.params.id));
}
