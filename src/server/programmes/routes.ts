// Local programmes (a21.s1): the issuer's editor API — drafts, validation with paths, preview of
// the application form and step bar, publishing, new versions, calls and the issuing step.
import { z } from 'zod';
import {
  ZLocalCall, ZLocalCallInput, ZLocalCallOpen, ZLocalIssueInput, ZLocalIssueResult, ZPreviewQuery, ZProgrammeCreate, ZProgrammeEdit,
  ZProgrammeLibrary, ZProgrammeListQuery, ZProgrammeNewVersion, ZProgrammePreview, ZProgrammePublish, ZProgrammeVersion,
} from '../../contracts/programmes.js';
import type { Api, AppContext } from '../platform/http/context.js';
import { auditActor, requireActor } from '../platform/http/context.js';
import { keysOf } from '../recognition/routes/deps.js';
import {
  createLocalCall, createProgramme, programmeLibrary, editProgramme, getProgramme, issueLocal, listLocalCalls, listProgrammes, newVersion,
  previewProgramme, publishProgramme, setLocalCallStatus,
} from './service.js';

export function programmeRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['programmes'];
  const id = z.object({ id: z.uuid() });

  app.get('/api/programmes', { schema: { tags, summary: 'Local programmes: an issuer its own, the ministry all (a21.s1)', querystring: ZProgrammeListQuery, response: { 200: z.array(ZProgrammeVersion) } } }, async (req) =>
    listProgrammes(db, requireActor(req), req.query));
  app.get('/api/programmes/library', { schema: { tags, summary: 'The library a programme composes: condition kinds and step kinds with their params (JSON Schema)', response: { 200: ZProgrammeLibrary } } }, async (req) =>
    programmeLibrary(requireActor(req)));
  app.post('/api/programmes', { schema: { tags, summary: 'Create a draft programme from data (validated: path and rule of every problem)', body: ZProgrammeCreate, response: { 201: ZProgrammeVersion } } }, async (req, reply) =>
    reply.status(201).send(await createProgramme(db, requireActor(req), auditActor(req), req.body.data)));
  app.get('/api/programmes/:id', { schema: { tags, summary: 'One programme version', params: id, response: { 200: ZProgrammeVersion } } }, async (req) =>
    getProgramme(db, requireActor(req), req.params.id));
  app.patch('/api/programmes/:id', { schema: { tags, summary: 'Edit a draft (a published version never changes: 409 programme_published)', params: id, body: ZProgrammeEdit, response: { 200: ZProgrammeVersion } } }, async (req) =>
    editProgramme(db, requireActor(req), auditActor(req), req.params.id, req.body));
  app.get('/api/programmes/:id/preview', { schema: { tags, summary: 'Preview the application form (sections per condition clause) and step bar; 公示 end in China working days', params: id, querystring: ZPreviewQuery, response: { 200: ZProgrammePreview } } }, async (req) =>
    previewProgramme(db, requireActor(req), req.params.id, req.query.noticeFrom));
  app.post('/api/programmes/:id/publish', { schema: { tags, summary: 'Publish the draft as an immutable version lineage@version', params: id, body: ZProgrammePublish, response: { 200: ZProgrammeVersion } } }, async (req) =>
    publishProgramme(db, requireActor(req), auditActor(req), req.params.id, req.body.version));
  app.post('/api/programmes/:id/versions', { schema: { tags, summary: 'A new draft version replacing a published one (a23)', params: id, body: ZProgrammeNewVersion, response: { 201: ZProgrammeVersion } } }, async (req, reply) =>
    reply.status(201).send(await newVersion(db, requireActor(req), auditActor(req), req.params.id, req.body)));
  app.get('/api/programmes/:id/calls', { schema: { tags, summary: 'Calls under this version', params: id, response: { 200: z.array(ZLocalCall) } } }, async (req) =>
    listLocalCalls(db, requireActor(req), req.params.id));
  app.post('/api/programmes/:id/calls', { schema: { tags, summary: 'Create a call under a published version; quota from the programme', params: id, body: ZLocalCallInput, response: { 201: ZLocalCall } } }, async (req, reply) =>
    reply.status(201).send(await createLocalCall(db, requireActor(req), auditActor(req), req.params.id, req.body)));
  app.post('/api/programmes/calls/:id/open', { schema: { tags, summary: 'Open a local call (checks the holiday calendar covers its 公示)', params: id, body: ZLocalCallOpen, response: { 200: ZLocalCall } } }, async (req) =>
    setLocalCallStatus(db, requireActor(req), auditActor(req), req.params.id, req.body.version, 'open'));
  app.post('/api/programmes/calls/:id/close', { schema: { tags, summary: 'Close a local call', params: id, body: ZLocalCallOpen, response: { 200: ZLocalCall } } }, async (req) =>
    setLocalCallStatus(db, requireActor(req), auditActor(req), req.params.id, req.body.version, 'closed'));
  app.post('/api/programmes/applications/:id/issue', { schema: { tags, summary: 'The issuing step of a local programme: document number, signed opinion, base recorded', params: id, body: ZLocalIssueInput, response: { 200: ZLocalIssueResult } } }, async (req) =>
    issueLocal(db, { keys: keysOf(ctx), audit: auditActor(req) }, requireActor(req), req.params.id, req.body));
}
