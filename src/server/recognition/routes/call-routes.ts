import { z } from 'zod';
import { ZCall, ZCallInput, ZCallPatch, ZCallQuery, ZCallStatusChange, ZProgrammeDetail, ZProgrammeSummary } from '../../../contracts/recognition.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requireActor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Programme } from '../../../regulation/index.js';
import { allProgrammes, programmeOf } from '../programmes.js';
import { getCall, listCalls } from '../calls/list-calls.js';
import { createCall, setCallStatus, updateCall } from '../calls/save-call.js';

const summary = (p: Programme) => ({
  key: `${p.lineage}@${p.version}`, lineage: p.lineage, version: p.version, level: p.level, status: p.status,
  effectiveFrom: p.effectiveFrom, effectiveUntil: p.effectiveUntil, title: p.document.title,
  types: p.types.map((t) => ({ id: t.id, name: t.name, definitionClause: t.definitionClause, procedureClause: t.procedureClause })),
});

export function callRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['recognition'];
  const id = z.object({ id: z.uuid() });

  app.get('/api/recognition/programmes', { schema: { tags, summary: 'Programme versions (measures as data, a23/a21)', response: { 200: z.array(ZProgrammeSummary) } } }, async (req) => {
    requireActor(req);
    return (await allProgrammes(db)).map(summary);
  });
  app.get('/api/recognition/programmes/:key', { schema: { tags, summary: 'One programme version with its types, conditions and procedures', params: z.object({ key: z.string() }), response: { 200: ZProgrammeDetail } } }, async (req) => {
    requireActor(req);
    const p = await programmeOf(db, req.params.key).catch(() => { throw new AppError('not_found'); });
    return { ...summary(p), data: JSON.parse(JSON.stringify(p)) as Record<string, unknown> };
  });

  app.get('/api/recognition/calls', { schema: { tags, summary: 'Calls (申报通知); drafts only for the ministry', querystring: ZCallQuery, response: { 200: z.array(ZCall) } } }, async (req) =>
    listCalls(db, requireActor(req), req.query));
  app.get('/api/recognition/calls/:id', { schema: { tags, summary: 'One call', params: id, response: { 200: ZCall } } }, async (req) =>
    getCall(db, requireActor(req), req.params.id));
  app.post('/api/recognition/calls', { schema: { tags, summary: 'Create a call (ministry); a day deadline ends 23:59:59 Beijing time', body: ZCallInput, response: { 201: ZCall } } }, async (req, reply) =>
    reply.status(201).send(await createCall(db, requireActor(req), auditActor(req), req.body)));
  app.patch('/api/recognition/calls/:id', { schema: { tags, summary: 'Edit a call (ministry; version check)', params: id, body: ZCallPatch, response: { 200: ZCall } } }, async (req) =>
    updateCall(db, requireActor(req), auditActor(req), req.params.id, req.body));
  app.post('/api/recognition/calls/:id/open', { schema: { tags, summary: 'Open a call for filing', params: id, body: ZCallStatusChange, response: { 200: ZCall } } }, async (req) =>
    setCallStatus(db, requireActor(req), auditActor(req), req.params.id, req.body.version, 'open'));
  app.post('/api/recognition/calls/:id/close', { schema: { tags, summary: 'Close a call', params: id, body: ZCallStatusChange, response: { 200: ZCall } } }, async (req) =>
    setCallStatus(db, requireActor(req), auditActor(req), req.params.id, req.body.version, 'closed'));
}
