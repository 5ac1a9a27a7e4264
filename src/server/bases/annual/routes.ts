import { z } from 'zod';
import multipart from '@fastify/multipart';
import {
  ZReport, ZReportAction, ZReportKind, ZReportPrefill, ZReportSave, ZReportingYear, ZReportingYearInput, ZYearReportRow, ZYearReportsQuery,
} from '../../../contracts/bases.js';
import { zPage } from '../../../contracts/common.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requireActor } from '../../platform/http/context.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { AppError } from '../../platform/http/errors.js';
import { baseInScope } from '../scope.js';
import { actOnReport } from './act-on-report.js';
import { createReport } from './create-report.js';
import { listReportingYears, openReportingYear } from './open-year.js';
import { prefill } from './prefill.js';
import { remindYear } from './remind.js';
import { reportInScope, reportsOfBase, toReport } from './report-query.js';
import { saveReport } from './save-report.js';
import { MAX_ATTACHMENT_BYTES, downloadReportAttachment, uploadReportAttachment } from './report-attachments.js';
import { contentDisposition } from '../../recognition/routes/attachment-routes.js';
import { yearReports } from './year-reports.js';
import { readUpload } from '../../platform/files/read-upload.js';

export function annualRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['annual reports (a14.s1)'];
  const id = z.object({ id: z.uuid() });
  const year = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

  app.post('/api/reporting-years', { schema: { tags, summary: 'Open a reporting year with its deadlines (ministry)', body: ZReportingYearInput, response: { 201: ZReportingYear } } }, async (req, reply) => {
    const row = await openReportingYear(db, requireActor(req), auditActor(req), req.body);
    return reply.status(201).send(row);
  });
  app.get('/api/reporting-years', { schema: { tags, summary: 'Reporting years and deadlines', response: { 200: z.array(ZReportingYear) } } }, async (req) => {
    requireActor(req);
    return listReportingYears(db);
  });
  app.get('/api/reporting-years/:year/reports', { schema: { tags, summary: 'Plans and summaries of the year in my scope, with late and missing flags', params: year, querystring: ZYearReportsQuery, response: { 200: zPage(ZYearReportRow) } } }, async (req) =>
    yearReports(db, requireActor(req), req.params.year, req.query));
  app.post('/api/reporting-years/:year/reminders', { schema: { tags, summary: 'Remind every base that has not yet submitted (ministry)', params: year, body: z.object({ kind: ZReportKind }), response: { 200: z.object({ bases: z.number(), users: z.number() }) } } }, async (req) => {
    if (scopeFor(requireActor(req).roles, 'base', 'decide') !== 'all') throw new AppError('forbidden');
    return remindYear(db, auditActor(req), req.params.year, req.body.kind);
  });

  app.get('/api/bases/:id/reports', { schema: { tags, summary: 'A base’s plans and summaries', params: id, response: { 200: z.array(z.object({ id: z.uuid(), year: z.number(), kind: z.string(), status: z.string(), late: z.boolean() })) } } }, async (req) => {
    await baseInScope(db, requireActor(req), req.params.id, 'read', 'annual_report');
    return reportsOfBase(db, req.params.id);
  });
  app.get('/api/bases/:id/reports/prefill', { schema: { tags, summary: 'What carries over from earlier reports', params: id, querystring: z.object({ year: z.coerce.number().int(), kind: ZReportKind }), response: { 200: ZReportPrefill } } }, async (req) => {
    await baseInScope(db, requireActor(req), req.params.id, 'read', 'annual_report');
    return prefill(db, req.params.id, req.query.year, req.query.kind);
  });
  app.post('/api/bases/:id/reports', { schema: { tags, summary: 'Start the plan or summary of a year (prefilled); returns the existing one if started', params: id, body: z.object({ year: z.number().int(), kind: ZReportKind }), response: { 200: ZReport } } }, async (req) =>
    createReport(db, requireActor(req), auditActor(req), req.params.id, req.body));

  app.get('/api/reports/:id', { schema: { tags, summary: 'One plan or summary', params: id, response: { 200: ZReport } } }, async (req) => {
    const r = await reportInScope(db, requireActor(req), req.params.id, 'read');
    return toReport(db, r.report, r.base, r.due);
  });
  app.put('/api/reports/:id', { schema: { tags, summary: 'Save a draft or returned report (the base)', params: id, body: ZReportSave, response: { 200: ZReport } } }, async (req) =>
    saveReport(db, requireActor(req), auditActor(req), req.params.id, req.body));
  app.post('/api/reports/:id/actions', { schema: { tags, summary: 'submit | withdraw | sign (审核意见) | return | receive — a14.s1', params: id, body: ZReportAction, response: { 200: ZReport } } }, async (req) =>
    actOnReport(db, requireActor(req), auditActor(req), req.params.id, req.body));

  reportAttachmentRoutes(app, ctx);
}

const ZReportAttachment = z.object({ id: z.uuid(), filename: z.string(), declaredName: z.string().nullable(), mime: z.string(), size: z.number().int(), sm3: z.string(), createdAt: z.string() });

/** a14.s1 attachments: multipart upload in its own plugin scope (the rest of the API takes JSON). */
function reportAttachmentRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['annual reports (a14.s1)'];
  void app.register(async (scoped: Api) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } });
    scoped.post('/api/reports/:id/attachments', {
      schema: { tags, summary: 'Upload one file to a draft or returned report (multipart "file"; PDF, DOC/DOCX, PNG, JPEG; ≤ 20 MB); include its id in attachmentIds when saving', params: z.object({ id: z.uuid() }), response: { 201: ZReportAttachment } },
    }, async (req, reply) => {
      const actor = requireActor(req);
      return reply.status(201).send(await uploadReportAttachment(db, actor, auditActor(req), req.params.id, await readUpload(req, MAX_ATTACHMENT_BYTES)));
    });
  });
  app.get('/api/report-attachments/:id', { schema: { tags, summary: 'Download a report attachment (within the report’s scope; SM3 checked)', params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const a = await downloadReportAttachment(db, requireActor(req), req.params.id);
    return reply.header('content-type', a.mime).header('content-disposition', contentDisposition('attachment', a.filename)).header('x-content-sm3', a.sm3).send(a.content);
  });
}
