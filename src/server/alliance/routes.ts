// The bases' alliance (a18): membership, member directory, working groups, shared resources,
// announcements, events with registration, attendance and materials, a20.s1 alignment links, and
// the secretariat's work report with its Excel export. Each route parses, calls one use case, shapes.
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { Api, AppContext } from '../platform/http/context.js';
import { auditActor, requestLang, requireActor } from '../platform/http/context.js';
import { contentDisposition } from '../recognition/routes/attachment-routes.js';
import {
  ZAlignment, ZAnnouncement, ZAnnouncementInput, ZApply, ZAttendanceInput, ZContribution, ZDecide, ZEvent, ZEventDetail, ZEventInput, ZGroup, ZGroupInput,
  ZGroupJoin, ZLeave, ZLinkInput, ZMaterial, ZMember, ZMembership, ZOverview, ZRegistrationInput, ZResource, ZResourceInput, ZWorkReport, ZYearQuery,
  membershipStatuses, resourceKinds,
} from '../../contracts/alliance.js';
import { addLink, alignmentOf, removeLink } from './alignment.js';
import { createGroup, joinGroup, listAnnouncements, listGroups, listResources, memberDirectory, postResource, publishAnnouncement } from './community.js';
import { contributionOf } from './contribution.js';
import { MAX_MATERIAL_BYTES, createEvent, downloadMaterial, eventDetail, listEvents, recordAttendance, register, uploadMaterial } from './events.js';
import { applyToJoin, decideApplication, leaveAlliance, listMemberships, membershipById } from './memberships.js';
import { overview } from './overview.js';
import { allianceBase } from './scope.js';
import { workReport } from './work-report.js';
import { workReportXlsx } from './work-report-xlsx.js';
import { readUpload } from '../platform/files/read-upload.js';

const tags = ['alliance'];
const id = z.object({ id: z.uuid() });
const created = z.object({ id: z.uuid() });

export async function allianceRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;

  app.get('/api/alliance/overview', { schema: { tags, summary: 'My standing in the alliance and my bases’ memberships (a18.s1)', response: { 200: ZOverview } } },
    async (req) => overview(db, requireActor(req)));

  // Membership (a18.s1), decided by the secretariat (a18.s2).
  app.get('/api/alliance/memberships', { schema: { tags, summary: 'Memberships in scope (the secretariat: all)', querystring: z.object({ status: z.enum(membershipStatuses).optional() }), response: { 200: z.array(ZMembership) } } },
    async (req) => listMemberships(db, requireActor(req), req.query.status));
  app.post('/api/alliance/memberships', { schema: { tags, summary: 'A base applies to join the alliance (a18.s1)', body: ZApply, response: { 201: ZMembership } } }, async (req, reply) => {
    const actor = requireActor(req);
    const mid = await applyToJoin(db, actor, auditActor(req), req.body);
    return reply.status(201).send(await membershipById(db, actor, mid));
  });
  app.post('/api/alliance/memberships/:id/accept', { schema: { tags, summary: 'The secretariat admits the base (a18.s2)', params: id, body: ZDecide, response: { 200: ZMembership } } }, async (req) => {
    await decideApplication(db, requireActor(req), auditActor(req), req.params.id, req.body, true);
    return membershipById(db, requireActor(req), req.params.id);
  });
  app.post('/api/alliance/memberships/:id/decline', { schema: { tags, summary: 'The secretariat declines, with a reason (a18.s2)', params: id, body: ZDecide, response: { 200: ZMembership } } }, async (req) => {
    await decideApplication(db, requireActor(req), auditActor(req), req.params.id, req.body, false);
    return membershipById(db, requireActor(req), req.params.id);
  });
  app.post('/api/alliance/memberships/:id/leave', { schema: { tags, summary: 'The base leaves the alliance or withdraws its application (a18.s1)', params: id, body: ZLeave, response: { 200: ZMembership } } }, async (req) => {
    await leaveAlliance(db, requireActor(req), auditActor(req), req.params.id, req.body);
    return membershipById(db, requireActor(req), req.params.id);
  });

  // Member-only data.
  app.get('/api/alliance/members', { schema: { tags, summary: 'Member directory (members, secretariat, ministry)', response: { 200: z.array(ZMember) } } },
    async (req) => memberDirectory(db, requireActor(req)));
  app.get('/api/alliance/groups', { schema: { tags, summary: 'Working groups by field (a15.s1) or region', response: { 200: z.array(ZGroup) } } },
    async (req) => listGroups(db, requireActor(req)));
  app.post('/api/alliance/groups', { schema: { tags, summary: 'The secretariat creates a working group', body: ZGroupInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send({ id: await createGroup(db, requireActor(req), auditActor(req), req.body) }));
  app.post('/api/alliance/groups/:id/members', { schema: { tags, summary: 'A member base joins a working group', params: id, body: ZGroupJoin, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    await joinGroup(db, requireActor(req), auditActor(req), req.params.id, req.body.baseId);
    return { ok: true as const };
  });
  app.get('/api/alliance/resources', { schema: { tags, summary: 'Shared resource directory (a18.s1 资源共享)', querystring: z.object({ kind: z.enum(resourceKinds).optional() }), response: { 200: z.array(ZResource) } } },
    async (req) => listResources(db, requireActor(req), req.query.kind));
  app.post('/api/alliance/resources', { schema: { tags, summary: 'A member base offers equipment, a partner or a service', body: ZResourceInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send({ id: await postResource(db, requireActor(req), auditActor(req), req.body) }));
  app.get('/api/alliance/announcements', { schema: { tags, summary: 'The secretariat’s announcements', response: { 200: z.array(ZAnnouncement) } } },
    async (req) => listAnnouncements(db, requireActor(req)));
  app.post('/api/alliance/announcements', { schema: { tags, summary: 'The secretariat publishes an announcement (a18.s2)', body: ZAnnouncementInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send({ id: await publishAnnouncement(db, requireActor(req), auditActor(req), req.body) }));

  // Events (a18.s2; trainings a17.s1).
  app.get('/api/alliance/events', { schema: { tags, summary: 'Meetings, trainings and delegations', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: z.array(ZEvent) } } },
    async (req) => listEvents(db, requireActor(req), req.query.year));
  app.post('/api/alliance/events', { schema: { tags, summary: 'The secretariat announces an event', body: ZEventInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send({ id: await createEvent(db, requireActor(req), auditActor(req), req.body) }));
  app.get('/api/alliance/events/:id', { schema: { tags, summary: 'An event with registrations (the secretariat: all; a base: its own) and materials', params: id, response: { 200: ZEventDetail } } },
    async (req) => eventDetail(db, requireActor(req), req.params.id));
  app.post('/api/alliance/events/:id/registrations', { schema: { tags, summary: 'A member base registers participants', params: id, body: ZRegistrationInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send({ id: await register(db, requireActor(req), auditActor(req), req.params.id, req.body) }));
  app.post('/api/alliance/events/:id/attendance', { schema: { tags, summary: 'The secretariat records attendance; it reaches the bases’ annual summaries (a17.s1)', params: id, body: ZAttendanceInput, response: { 200: ZEventDetail } } }, async (req) => {
    await recordAttendance(db, requireActor(req), auditActor(req), req.params.id, req.body);
    return eventDetail(db, requireActor(req), req.params.id);
  });
  await app.register(async (scoped: Api) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_MATERIAL_BYTES, files: 1, fields: 2 } });
    scoped.post('/api/alliance/events/:id/materials', { schema: { tags, summary: 'The secretariat uploads a material (multipart "file"; PDF, DOC/DOCX, PNG, JPEG)', params: id, response: { 201: ZMaterial } } }, async (req, reply) => {
      const actor = requireActor(req);
      return reply.status(201).send(await uploadMaterial(db, actor, auditActor(req), req.params.id, await readUpload(req, MAX_MATERIAL_BYTES)));
    });
  });
  app.get('/api/alliance/materials/:id', { schema: { tags, summary: 'Download an event material (member-only)', params: id } }, async (req, reply) => {
    const m = await downloadMaterial(db, requireActor(req), req.params.id);
    return reply.header('content-type', m.mime).header('content-disposition', contentDisposition('attachment', m.filename)).header('x-content-sm3', m.sm3).send(m.content);
  });

  // a20.s1 alignment and a17.s1 contribution of one base.
  app.get('/api/alliance/bases/:id/alignment', { schema: { tags, summary: 'The base’s links to programmes and 产学研 partners, with the a20.s1 reading', params: id, response: { 200: ZAlignment } } },
    async (req) => alignmentOf(db, requireActor(req), req.params.id));
  app.post('/api/alliance/links', { schema: { tags, summary: 'The host or the recommending department records a link (a20.s1)', body: ZLinkInput, response: { 201: created } } },
    async (req, reply) => reply.status(201).send({ id: await addLink(db, requireActor(req), auditActor(req), req.body) }));
  app.delete('/api/alliance/links/:id', { schema: { tags, summary: 'Remove a link (a20.s1)', params: id, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    await removeLink(db, requireActor(req), auditActor(req), req.params.id);
    return { ok: true as const };
  });
  app.get('/api/alliance/bases/:id/contribution', { schema: { tags, summary: 'What the base attended in a year, as its annual summary reads it (a17.s1)', params: id, querystring: ZYearQuery, response: { 200: ZContribution } } }, async (req) => {
    const base = await allianceBase(db, requireActor(req), req.params.id, 'read');
    return contributionOf(db, base.id, req.query.year);
  });

  // The secretariat's annual work report (a18.s2).
  app.get('/api/alliance/work-report', { schema: { tags, summary: 'The secretariat’s annual work report, from the records', querystring: ZYearQuery, response: { 200: ZWorkReport } } },
    async (req) => workReport(db, requireActor(req), req.query.year));
  app.get('/api/alliance/work-report.xlsx', { schema: { tags, summary: 'The work report as Excel', querystring: ZYearQuery } }, async (req, reply) => {
    const report = await workReport(db, requireActor(req), req.query.year);
    const buf = await workReportXlsx(report, requestLang(req));
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="alliance-work-report-${req.query.year}.xlsx"`).send(buf);
  });
}
