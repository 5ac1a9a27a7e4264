import { z } from 'zod';
import multipart from '@fastify/multipart';
import {
  ZAcceptInvitation, ZConflictRuleCatalogue, ZConflictRules, ZDeclaredConflict, ZDeclaredConflictInput, ZExpert, ZExpertInvite, ZExpertPatch,
  ZExpertQuery, ZImportReport, ZInvitation, ZNamedPeople, ZProfileSelf, ZRelation, ZRelationInput,
} from '../../../contracts/review.js';
import { zPage } from '../../../contracts/common.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requestLang, requireActor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { contentDisposition } from '../../recognition/routes/attachment-routes.js';
import { CONFLICT_RULES } from '../assignment/index.js';
import { getExpert, listExperts } from '../pool/expert-view.js';
import { acceptInvitation, inviteExpert } from '../pool/invite-expert.js';
import { completeOwnProfile, patchExpert } from '../pool/update-profile.js';
import { exportExperts, importExperts } from '../pool/excel.js';
import { getConflictRules, setConflictRules } from '../conflicts/rules-config.js';
import { addRelation, declareConflict, listRelations, setNamedPeople } from '../conflicts/relations.js';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function poolRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const ring = ctx.keys?.sm4;
  const tags = ['experts (专家库)'];
  const id = z.object({ id: z.uuid() });
  const needRing = () => { if (!ring) throw new Error('the expert pool needs the SM4 key ring (AppContext.keys)'); return ring; };

  app.get('/api/experts', { schema: { tags, summary: 'The pool in scope (ministry: all; department: its institutions and invitees); experts may not list it', querystring: ZExpertQuery, response: { 200: zPage(ZExpert) } } }, async (req) =>
    listExperts(db, requireActor(req), req.query, ring));
  app.get('/api/experts/me', { schema: { tags, summary: 'My own profile (experts)', response: { 200: ZExpert } } }, async (req) => {
    const actor = requireActor(req);
    return getExpert(db, actor, actor.userId, ring);
  });
  app.put('/api/experts/me', { schema: { tags, summary: 'Complete my profile (experts; version check)', body: ZProfileSelf, response: { 200: ZExpert } } }, async (req) => {
    const actor = requireActor(req);
    await completeOwnProfile(db, actor, auditActor(req), req.body);
    return getExpert(db, actor, actor.userId, ring);
  });
  app.get('/api/experts/export.xlsx', { schema: { tags, summary: 'Export the pool in scope (also the import template)' } }, async (req, reply) => {
    const buf = await exportExperts(db, requireActor(req), ring);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', '专家库.xlsx')).send(buf);
  });
  app.get('/api/experts/:id', { schema: { tags, summary: 'One expert in scope', params: id, response: { 200: ZExpert } } }, async (req) =>
    getExpert(db, requireActor(req), req.params.id, ring));
  app.patch('/api/experts/:id', { schema: { tags, summary: 'Status, fields, affiliations (ministry; version check)', params: id, body: ZExpertPatch, response: { 200: ZExpert } } }, async (req) => {
    const actor = requireActor(req);
    await patchExpert(db, actor, auditActor(req), req.params.id, req.body);
    return getExpert(db, actor, req.params.id, ring);
  });
  app.post('/api/experts/invitations', { schema: { tags, summary: 'Invite an expert: a pending account and a one-time token (ministry or department)', body: ZExpertInvite, response: { 201: ZInvitation } } }, async (req, reply) =>
    reply.status(201).send(await inviteExpert(db, requireActor(req), auditActor(req), needRing(), req.body)));
  app.post('/api/experts/invitations/accept', { schema: { tags, summary: 'Accept an invitation: set the password (public; the token is the credential)', body: ZAcceptInvitation, response: { 200: z.object({ username: z.string() }) } } }, async (req) =>
    acceptInvitation(db, req.ip ?? null, req.body, requestLang(req)));

  app.get('/api/experts/:id/relations', { schema: { tags, summary: 'Co-authorships and shared projects (conflict facts)', params: id, response: { 200: z.array(ZRelation) } } }, async (req) =>
    listRelations(db, requireActor(req), req.params.id));
  app.post('/api/experts/:id/relations', { schema: { tags, summary: 'Record a co-authorship or shared project', params: id, body: ZRelationInput, response: { 201: ZRelation } } }, async (req, reply) =>
    reply.status(201).send(await addRelation(db, requireActor(req), auditActor(req), req.params.id, req.body)));
  app.post('/api/experts/:id/conflicts', { schema: { tags, summary: 'Declare a conflict with an application (the expert, or the ministry on their word)', params: id, body: ZDeclaredConflictInput, response: { 201: ZDeclaredConflict } } }, async (req, reply) =>
    reply.status(201).send(await declareConflict(db, requireActor(req), auditActor(req), req.params.id, req.body)));

  app.get('/api/review/conflict-rules', { schema: { tags, summary: 'Configured conflict rules (回避规则) and the catalogue of all rules', response: { 200: z.object({ config: ZConflictRules, rules: ZConflictRuleCatalogue }) } } }, async (req) => {
    requireActor(req);
    return { config: await getConflictRules(db), rules: CONFLICT_RULES.map((r) => ({ id: r.id, configurable: r.configurable, zh: r.zh, en: r.en })) };
  });
  app.put('/api/review/conflict-rules', { schema: { tags, summary: 'Configure the switchable conflict rules (ministry; version check)', body: ZConflictRules, response: { 200: ZConflictRules } } }, async (req) =>
    setConflictRules(db, requireActor(req), auditActor(req), req.body));
  app.put('/api/review/applications/:id/people', { schema: { tags, summary: 'People an application names (leader, team, partners), for the named-in-application and collaboration rules', params: id, body: ZNamedPeople, response: { 200: ZNamedPeople } } }, async (req) =>
    setNamedPeople(db, requireActor(req), auditActor(req), req.params.id, req.body));

  // Multipart only in this plugin's scope: the rest of the API takes JSON.
  await app.register(async (scoped: Api) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2 } });
    scoped.post('/api/experts/import', { schema: { tags, summary: 'Bulk invitation from Excel (multipart "file"): row-by-row report; bad rows skipped, good rows kept', response: { 200: ZImportReport } } }, async (req) => {
      const actor = requireActor(req);
      const file = await req.file().catch(() => undefined);
      if (!file) throw new AppError('validation_failed', { fields: [{ field: 'file', rule: 'required', message: 'a multipart file field is required' }] });
      const content = await file.toBuffer().catch(() => { throw new AppError('import_unreadable'); });
      return importExperts(db, actor, auditActor(req), needRing(), content);
    });
  });
}
