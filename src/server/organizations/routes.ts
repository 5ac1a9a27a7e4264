import { z } from 'zod';
import { ZOrganization, ZOrganizationPatch, ZOrganizationQuery } from '../../contracts/organizations.js';
import { zPage } from '../../contracts/common.js';
import type { Api, AppContext } from '../platform/http/context.js';
import { requestLang, requireActor } from '../platform/http/context.js';
import { toXlsx } from '../platform/excel/export.js';
import { ORG_KIND_LABELS, isOrgKind } from './registry/kinds.js';
import { regionName } from './registry/regions.js';
import { getOrganization, listOrganizations, updateOrganization } from './queries.js';

export function organizationRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['organizations'];
  const params = z.object({ id: z.uuid() });

  app.get('/api/organizations', { schema: { tags, summary: 'Organizations in my data scope', querystring: ZOrganizationQuery, response: { 200: zPage(ZOrganization) } } }, async (req) =>
    listOrganizations(db, requireActor(req), req.query));

  app.get('/api/organizations/export.xlsx', { schema: { tags, summary: 'Excel export of the filtered list (max 10,000 rows)', querystring: ZOrganizationQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const en = requestLang(req) === 'en';
    const { items } = await listOrganizations(db, actor, req.query, 10_000);
    type Row = (typeof items)[number];
    const buf = await toXlsx<Row>(en ? 'Organizations' : '机构', [
      { header: en ? 'Name' : '名称', width: 40, value: (r) => (en ? r.nameEn || r.nameZh : r.nameZh) },
      { header: en ? 'Kind' : '类别', value: (r) => (isOrgKind(r.kind) ? ORG_KIND_LABELS[r.kind][en ? 'en' : 'zh'] : r.kind) },
      { header: en ? 'Unified social credit code' : '统一社会信用代码', width: 24, value: (r) => r.uscc },
      { header: en ? 'Region' : '地区', value: (r) => (r.regionCode ? (regionName(r.regionCode, en ? 'en' : 'zh') ?? r.regionCode) : '') },
      { header: en ? 'Recommending department' : '推荐部门', width: 30, value: (r) => r.recommenderNameZh },
      { header: en ? 'Status' : '状态', value: (r) => r.status },
    ], items);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="organizations.xlsx"`)
      .send(buf);
  });

  app.get('/api/organizations/:id', { schema: { tags, summary: 'One organization (404 outside my scope)', params, response: { 200: ZOrganization } } }, async (req) =>
    getOrganization(db, requireActor(req), req.params.id));

  app.patch('/api/organizations/:id', { schema: { tags, summary: 'Edit an organization (optimistic concurrency by version)', params, body: ZOrganizationPatch, response: { 200: z.object({ id: z.uuid(), version: z.number() }) } } }, async (req) => {
    const after = await updateOrganization(db, requireActor(req), req.params.id, req.body, req.ip);
    return { id: after.id, version: after.version };
  });
}
