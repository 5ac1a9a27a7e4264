import { z } from 'zod';
import { ZBaseDetail, ZBaseListItem, ZBaseListQuery, ZOperatingModelPatch } from '../../../contracts/bases.js';
import { zPage } from '../../../contracts/common.js';
import { gradeNames, type Grade } from '../../../regulation/index.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requestLang, requireActor } from '../../platform/http/context.js';
import { toXlsx } from '../../platform/excel/export.js';
import { regionName } from '../../organizations/registry/regions.js';
import { today } from '../clock.js';
import { getBase } from './get-base.js';
import { listBases } from './list-bases.js';
import { updateOperatingModel } from './update-operating-model.js';
import { typeNameOf } from '../type-names.js';

export function basePageRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['bases'];
  const params = z.object({ id: z.uuid() });

  app.get('/api/bases', { schema: { tags, summary: 'Bases in my scope (filters: type, status, province, field, year of recognition)', querystring: ZBaseListQuery, response: { 200: zPage(ZBaseListItem) } } }, async (req) =>
    listBases(db, requireActor(req), req.query));

  app.get('/api/bases/export.xlsx', { schema: { tags, summary: 'Excel export of the filtered list (max 10,000 rows)', querystring: ZBaseListQuery } }, async (req, reply) => {
    const lang = requestLang(req);
    const en = lang === 'en';
    const { items } = await listBases(db, requireActor(req), req.query, 10_000);
    type Row = (typeof items)[number];
    const buf = await toXlsx<Row>(en ? 'Bases' : '国合基地', [
      { header: en ? 'Code' : '编号', value: (r) => r.code },
      { header: en ? 'Name' : '名称', width: 40, value: (r) => (en ? r.nameEn || r.nameZh : r.nameZh) },
      { header: en ? 'Type' : '类型', width: 24, value: (r) => typeNameOf(r.typeId)[lang] },
      { header: en ? 'Host institution' : '依托单位', width: 30, value: (r) => (en ? r.hostNameEn || r.hostNameZh : r.hostNameZh) },
      { header: en ? 'Recommending department' : '推荐部门', width: 24, value: (r) => r.recommenderNameZh },
      { header: en ? 'Region' : '地区', value: (r) => (r.regionCode ? (regionName(r.regionCode, lang) ?? r.regionCode) : '') },
      { header: en ? 'Recognized on' : '认定日期', value: (r) => r.recognizedOn },
      { header: en ? 'Status' : '状态', value: (r) => r.status },
      { header: en ? 'Last assessment' : '最近考核', value: (r) => (r.lastResult ? `${r.lastResult.year} ${gradeNames[r.lastResult.grade as Grade][lang]}` : '') },
    ], items);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="bases.xlsx"').send(buf);
  });

  app.get('/api/bases/:id', { schema: { tags, summary: 'The base page: host, partners, documents, timeline, status, assessment history (a13.s2), projects', params, response: { 200: ZBaseDetail } } }, async (req) =>
    getBase(db, requireActor(req), req.params.id, today()));

  app.patch('/api/bases/:id', { schema: { tags, summary: 'Record the operating model (a12.s2)', params, body: ZOperatingModelPatch, response: { 200: z.object({ id: z.uuid(), version: z.number() }) } } }, async (req) =>
    updateOperatingModel(db, requireActor(req), auditActor(req), req.params.id, req.body));
}
