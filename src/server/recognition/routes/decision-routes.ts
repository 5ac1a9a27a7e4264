import { z } from 'zod';
import { ZDecision, ZDecisionInput, ZDecisionResult, ZDocumentMeta, ZObjection, ZObjectionInput, ZObjectionResolve, ZSignInput, ZVerification, ZBaseEventResult, ZPostRecognitionInput, ZPublicNotice } from '../../../contracts/recognition.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { requireActor } from '../../platform/http/context.js';
import type { BaseTypeDef } from '../../../regulation/index.js';
import { issueDecision } from '../decisions/issue-decision.js';
import { cosignDecision, takeEffect } from '../decisions/cosign-decision.js';
import { recordObjection, resolveObjection } from '../decisions/objections.js';
import { baseDocuments, documentPdf, getDecision, listDecisions } from '../decisions/decision-view.js';
import { verifyDocument } from '../decisions/verify-document.js';
import { openNotices } from '../decisions/public-notices.js';
import { recordPostRecognition } from '../bases/record-post-recognition.js';
import { notifyAfterStep } from '../notify.js';
import { programmeOf } from '../programmes.js';
import type { ApplicationRow } from '../load.js';
import { depsOf, keysOf, transitionOut } from './deps.js';
import { contentDisposition } from './attachment-routes.js';

export function decisionRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['recognition'];
  const id = z.object({ id: z.uuid() });

  const notifyAll = async (log: typeof app.log, rows: ApplicationRow[]) => {
    for (const r of rows) {
      const type = (await programmeOf(db, r.programmeKey)).types.find((t) => t.id === r.typeId) as BaseTypeDef;
      await notifyAfterStep(db, log, r, type);
    }
  };
  const result = async (decisionId: string, actorReq: Parameters<typeof requireActor>[0]) => {
    const d = await getDecision(db, requireActor(actorReq), decisionId);
    return { decisionId, status: d.status, baseIds: d.baseIds };
  };

  app.get('/api/recognition/decisions', { schema: { tags, summary: 'Recognition decisions (national bodies)', response: { 200: z.array(ZDecision) } } }, async (req) => listDecisions(db, requireActor(req)));
  app.get('/api/recognition/decisions/:id', { schema: { tags, summary: 'One decision with its notice, objections and documents', params: id, response: { 200: ZDecision } } }, async (req) => getDecision(db, requireActor(req), req.params.id));

  app.post('/api/recognition/decisions', { schema: { tags, summary: 'Issue a decision (文号, date) for applications at the issuing step; optional 公示 first', body: ZDecisionInput, response: { 201: ZDecisionResult } } }, async (req, reply) => {
    const out = await issueDecision(db, depsOf(ctx, req), requireActor(req), req.body);
    await notifyAll(req.log, out.touched);
    return reply.status(201).send(await result(out.decisionId, req));
  });
  app.post('/api/recognition/decisions/:id/cosign', { schema: { tags, summary: 'Second signature of a jointly issued document (a7.p2.i3)', params: id, body: ZSignInput, response: { 200: ZDecisionResult } } }, async (req) => {
    const out = await cosignDecision(db, depsOf(ctx, req), requireActor(req), req.params.id, req.body.opinion);
    await notifyAll(req.log, out.touched);
    return result(out.decisionId, req);
  });
  app.post('/api/recognition/decisions/:id/take-effect', { schema: { tags, summary: 'Sign after the 公示 has ended with every objection resolved', params: id, body: ZSignInput, response: { 200: ZDecisionResult } } }, async (req) => {
    const out = await takeEffect(db, depsOf(ctx, req), requireActor(req), req.params.id, req.body.opinion);
    await notifyAll(req.log, out.touched);
    return result(out.decisionId, req);
  });
  app.post('/api/recognition/decisions/:id/objections', { schema: { tags, summary: 'Record an objection received during the 公示', params: id, body: ZObjectionInput, response: { 201: ZObjection } } }, async (req, reply) => {
    const o = await recordObjection(db, depsOf(ctx, req), requireActor(req), req.params.id, req.body);
    return reply.status(201).send({ id: o.id, applicationId: o.applicationId, text: o.text, contact: o.contact, status: o.status as 'open', resolution: o.resolution, receivedAt: o.receivedAt.toISOString(), resolvedAt: null });
  });
  app.post('/api/recognition/decisions/:id/objections/:objectionId/resolve', { schema: { tags, summary: 'Resolve an objection; upheld against an application rejects it at the issuing step', params: z.object({ id: z.uuid(), objectionId: z.uuid() }), body: ZObjectionResolve, response: { 200: ZObjection } } }, async (req) => {
    const { objection: o, rejected } = await resolveObjection(db, depsOf(ctx, req), requireActor(req), req.params.id, req.params.objectionId, req.body);
    if (rejected) await notifyAll(req.log, [rejected]);
    return { id: o.id, applicationId: o.applicationId, text: o.text, contact: o.contact, status: o.status as 'upheld' | 'dismissed', resolution: o.resolution, receivedAt: o.receivedAt.toISOString(), resolvedAt: o.resolvedAt?.toISOString() ?? null };
  });

  app.get('/api/recognition/documents/:id/pdf', { schema: { tags, summary: 'The PDF of a recognition document or plaque certificate (within scope)', params: id } }, async (req, reply) => {
    const doc = await documentPdf(db, requireActor(req), req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition('inline', `${doc.kind}-${doc.verificationCode}.pdf`)).header('x-content-sm3', doc.sm3).send(doc.pdf);
  });
  app.get('/api/recognition/bases/:id/documents', { schema: { tags, summary: 'The recognition document and plaque certificate of a base', params: id, response: { 200: z.array(ZDocumentMeta) } } }, async (req) =>
    baseDocuments(db, requireActor(req), req.params.id));

  for (const record of ['foreign_acknowledgement', 'foreign_plaque'] as const) {
    const path = record === 'foreign_acknowledgement' ? 'foreign-acknowledgement' : 'foreign-plaque';
    app.post(`/api/recognition/bases/:id/${path}`, {
      schema: { tags, summary: record === 'foreign_acknowledgement' ? 'a6.p2.i4: partner government’s acknowledgement confirmed through the bilateral mechanism (国际合作司)' : 'a6.p2.i4: plaque at the foreign partner (the center)', params: id, body: ZPostRecognitionInput, response: { 201: ZBaseEventResult } },
    }, async (req, reply) => {
      const out = await recordPostRecognition(db, depsOf(ctx, req), requireActor(req), req.params.id, record, req.body);
      await notifyAfterStep(db, req.log, out.row, out.type);
      return reply.status(201).send({ eventId: out.eventId, application: transitionOut(out.row) });
    });
  }

  // Public: anyone holding a document can check it; no session, nothing but what the document prints.
  app.get('/api/verify/:code', { schema: { tags: ['public'], summary: 'Verify a document or certificate by its verification code (SM2 seal)', params: z.object({ code: z.string().max(40) }), response: { 200: ZVerification } } }, async (req) => {
    return verifyDocument(db, keysOf(ctx), req.params.code);
  });
  app.get('/api/public/notices', { schema: { tags: ['public'], summary: 'Recognition results under public comment (公示) now', response: { 200: z.array(ZPublicNotice) } } }, async () => openNotices(db));
}
