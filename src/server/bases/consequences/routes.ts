import { z } from 'zod';
import { ZCommendation, ZConfirmNotice, ZDismissNotice, ZMayApplyAgain, ZNoticeProposal, ZRevokeInput, ZThreeYearRow, ZViolationInput } from '../../../contracts/bases.js';
import { ZOk } from '../../../contracts/common.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requireActor } from '../../platform/http/context.js';
import { getOrganization } from '../../organizations/queries.js';
import { requireMinistry } from '../assessment/routes.js';
import { today } from '../clock.js';
import { banOf } from '../queries.js';
import { commendations } from './commendation.js';
import { confirmNotice, dismissNotice, listProposals } from './notices.js';
import { recordViolation, revokeBase } from './revoke.js';
import { failedRuns } from './three-year.js';

export function consequenceRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['consequences (a13)'];
  const id = z.object({ id: z.uuid() });
  // Bounded like every other year in the API: the year-by-year reading walks up to this year.
  const zYear = z.coerce.number().int().min(2000).max(2100);

  app.get('/api/assessment/:year/commendations', { schema: { tags, summary: 'a13.s1: the commendation list of a year', params: z.object({ year: zYear }), response: { 200: ZCommendation } } }, async (req) => {
    requireMinistry(requireActor(req));
    return commendations(db, req.params.year);
  });
  app.get('/api/bases/failed-years', { schema: { tags, summary: 'a13.s3: bases with failed years in a row, each with its year-by-year reading', querystring: z.object({ year: zYear.optional(), minRun: z.coerce.number().int().min(1).max(10).default(1) }), response: { 200: z.array(ZThreeYearRow) } } }, async (req) =>
    failedRuns(db, requireActor(req), req.query.year ?? Number(today().slice(0, 4)), req.query.minRun));
  app.get('/api/notice-proposals', { schema: { tags, summary: 'a13.s3: notices the system proposes', querystring: z.object({ status: z.enum(['proposed', 'confirmed', 'dismissed']).optional() }), response: { 200: z.array(ZNoticeProposal) } } }, async (req) =>
    listProposals(db, requireActor(req), req.query.status));
  app.post('/api/notice-proposals/:id/confirm', { schema: { tags, summary: 'a13.s3: confirm a notice with its document number (ministry) → base notified', params: id, body: ZConfirmNotice, response: { 200: ZOk } } }, async (req) => {
    const actor = requireActor(req);
    requireMinistry(actor);
    return confirmNotice(db, actor, auditActor(req), req.params.id, req.body);
  });
  app.post('/api/notice-proposals/:id/dismiss', { schema: { tags, summary: 'Dismiss a proposed notice with a reason (ministry)', params: id, body: ZDismissNotice, response: { 200: ZOk } } }, async (req) => {
    const actor = requireActor(req);
    requireMinistry(actor);
    return dismissNotice(db, actor, auditActor(req), req.params.id, req.body.reason);
  });
  app.post('/api/bases/:id/violations', { schema: { tags, summary: 'a13.s4: record a violation (ministry)', params: id, body: ZViolationInput, response: { 200: ZOk } } }, async (req) => {
    const actor = requireActor(req);
    requireMinistry(actor);
    return recordViolation(db, actor, auditActor(req), req.params.id, req.body);
  });
  app.post('/api/bases/:id/revoke', { schema: { tags, summary: 'a13.s4: revoke a notified base with a serious violation (ministry)', params: id, body: ZRevokeInput, response: { 200: ZOk } } }, async (req) => {
    const actor = requireActor(req);
    requireMinistry(actor);
    return revokeBase(db, actor, auditActor(req), req.params.id, req.body);
  });
  app.get('/api/organizations/:id/may-apply-again', { schema: { tags, summary: 'a13.s5: revocations of the unit and the first day it may apply again', params: id, response: { 200: ZMayApplyAgain } } }, async (req) => {
    await getOrganization(db, requireActor(req), req.params.id); // 404 outside scope
    return banOf(db, req.params.id);
  });
}
