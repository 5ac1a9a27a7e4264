import { z } from 'zod';
import { zPage } from '../../../contracts/common.js';
import {
  ZApplicationCreate, ZApplicationDetail, ZApplicationForm, ZApplicationPatch, ZApplicationQuery, ZApplicationSummary,
  ZEvaluationQuery, ZEvaluationScreen, ZProcedureActionInput, ZReviewResult, ZReviewResultInput, ZSubmitInput, ZTransitionResult,
} from '../../../contracts/recognition.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requestLang, requireActor } from '../../platform/http/context.js';
import { toXlsx } from '../../platform/excel/export.js';
import { regionName } from '../../organizations/registry/regions.js';
import { createApplication } from '../applications/create-application.js';
import { updateApplication } from '../applications/update-application.js';
import { submitApplication } from '../applications/submit-application.js';
import { actOnApplication } from '../applications/act-on-application.js';
import { listApplications } from '../applications/list-applications.js';
import { applicationDetail } from '../applications/application-detail.js';
import { applicationForm } from '../applications/application-form.js';
import { recordReviewResult } from '../review/record-review-result.js';
import { evaluationScreen } from '../evaluation/evaluation-screen.js';
import { notifyAfterStep } from '../notify.js';
import { depsOf, transitionOut } from './deps.js';

export function applicationRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['recognition'];
  const id = z.object({ id: z.uuid() });

  app.get('/api/recognition/applications', { schema: { tags, summary: 'Applications in my scope (filters: call, type, status, step, province)', querystring: ZApplicationQuery, response: { 200: zPage(ZApplicationSummary) } } }, async (req) =>
    listApplications(db, requireActor(req), req.query));

  app.get('/api/recognition/applications/export.xlsx', { schema: { tags, summary: 'Excel export of the filtered list (max 10,000 rows)', querystring: ZApplicationQuery } }, async (req, reply) => {
    const en = requestLang(req) === 'en';
    const { items } = await listApplications(db, requireActor(req), req.query, 10_000);
    type Row = (typeof items)[number];
    const buf = await toXlsx<Row>(en ? 'Applications' : '申报', [
      { header: en ? 'Year' : '年度', width: 8, value: (r) => r.year },
      { header: en ? 'Type' : '类型', width: 24, value: (r) => r.typeName[en ? 'en' : 'zh'] },
      { header: en ? 'Title' : '名称', width: 40, value: (r) => (en ? r.titleEn || r.title : r.title) },
      { header: en ? 'Applicant' : '申报机构', width: 36, value: (r) => (en ? r.applicant.nameEn || r.applicant.nameZh : r.applicant.nameZh) },
      { header: en ? 'Recommending department' : '推荐部门', width: 30, value: (r) => (r.recommender ? (en ? r.recommender.nameEn || r.recommender.nameZh : r.recommender.nameZh) : '') },
      { header: en ? 'Province' : '省份', value: (r) => (r.provinceCode ? (regionName(r.provinceCode, en ? 'en' : 'zh') ?? r.provinceCode) : '') },
      { header: en ? 'Step' : '当前环节', width: 24, value: (r) => r.stepName[en ? 'en' : 'zh'] },
      { header: en ? 'Status' : '状态', value: (r) => r.status },
      { header: en ? 'Submitted' : '提交时间', width: 22, value: (r) => r.submittedAt },
    ], items);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="applications.xlsx"').send(buf);
  });

  app.post('/api/recognition/applications', { schema: { tags, summary: 'Create a draft (institution; for an innovation park the provincial government, a5.p2.i2)', body: ZApplicationCreate, response: { 201: ZTransitionResult } } }, async (req, reply) =>
    reply.status(201).send(transitionOut(await createApplication(db, requireActor(req), auditActor(req), req.body))));

  app.get('/api/recognition/applications/:id', { schema: { tags, summary: 'Detail: step bar with clauses, signed history, files, review results, available actions', params: id, response: { 200: ZApplicationDetail } } }, async (req) =>
    applicationDetail(db, requireActor(req), req.params.id));

  app.patch('/api/recognition/applications/:id', { schema: { tags, summary: 'Edit a draft or returned application (409 with currentVersion on a stale version)', params: id, body: ZApplicationPatch, response: { 200: ZTransitionResult } } }, async (req) =>
    transitionOut(await updateApplication(db, requireActor(req), auditActor(req), req.params.id, req.body)));

  app.get('/api/recognition/applications/:id/form', { schema: { tags, summary: 'The form generated from the type’s conditions, with verdicts and eligibility', params: id, response: { 200: ZApplicationForm } } }, async (req) =>
    applicationForm(db, requireActor(req), req.params.id));

  app.post('/api/recognition/applications/:id/submit', { schema: { tags, summary: 'File the application (eligibility: deadline, a13.s5 ban, a4.s1 duplicate, conditions)', params: id, body: ZSubmitInput, response: { 200: ZTransitionResult } } }, async (req) => {
    const { row, type } = await submitApplication(db, depsOf(ctx, req), requireActor(req), req.params.id, req.body);
    await notifyAfterStep(db, req.log, row, type);
    return transitionOut(row);
  });

  app.post('/api/recognition/applications/:id/actions', { schema: { tags, summary: 'Approve (signed opinion), return, reject or withdraw — validated by the procedure machine', params: id, body: ZProcedureActionInput, response: { 200: ZTransitionResult } } }, async (req) => {
    const { row, type } = await actOnApplication(db, depsOf(ctx, req), requireActor(req), req.params.id, req.body);
    await notifyAfterStep(db, req.log, row, type);
    return transitionOut(row);
  });

  app.post('/api/recognition/applications/:id/review-results', { schema: { tags, summary: 'Record an expert review score or assessment result (ministry / Torch Center as the review body)', params: id, body: ZReviewResultInput, response: { 201: ZReviewResult } } }, async (req, reply) =>
    reply.status(201).send(await recordReviewResult(db, requireActor(req), auditActor(req), req.params.id, req.body)));

  app.get('/api/recognition/evaluation', { schema: { tags, summary: 'Comprehensive evaluation screen: scores, results, verdicts and the layout effect of each candidate', querystring: ZEvaluationQuery, response: { 200: ZEvaluationScreen } } }, async (req) =>
    evaluationScreen(db, requireActor(req), req.query));
}
