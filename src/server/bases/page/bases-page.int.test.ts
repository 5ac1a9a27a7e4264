import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describeEachDb } from '../../testing/db.js';
import { testApp, type TestApp } from '../../testing/app.js';
import { apiAs } from '../test-helpers.js';
import { bases } from '../tables.js';

describeEachDb('the base page and list', (getDb) => {
  let app: TestApp;
  let call: ReturnType<typeof apiAs>;
  let tsinghuaBase: string;
  beforeAll(async () => {
    app = await testApp(getDb());
    call = apiAs(app);
    const [b] = await getDb().db.select({ id: bases.id }).from(bases).where(eq(bases.code, 'GH-2012-JRC-0001'));
    const list = (await call('moist', 'GET', '/api/bases?q=清华大学')).json();
    tsinghuaBase = list.items[0].id;
    expect(b).toBeDefined();
  });
  afterAll(async () => { await app.close(); });

  it('lists the demo bases for the ministry, filtered by type, status, province, field and year', async () => {
    const all = (await call('moist', 'GET', '/api/bases?pageSize=200')).json();
    expect(all.total).toBeGreaterThanOrEqual(25);
    expect(new Set(all.items.map((b: { typeId: string }) => b.typeId)).size).toBe(4);
    const notified = (await call('moist', 'GET', '/api/bases?status=notified')).json();
    expect(notified.items.map((b: { hostNameZh: string }) => b.hostNameZh)).toEqual(['华中科技大学']);
    const jrc = (await call('moist', 'GET', '/api/bases?type=joint_research_center&pageSize=200')).json();
    expect(jrc.items.every((b: { typeId: string }) => b.typeId === 'joint_research_center')).toBe(true);
    const sichuan = (await call('moist', 'GET', '/api/bases?province=510000&pageSize=200')).json();
    expect(sichuan.items.length).toBeGreaterThan(0);
    expect(sichuan.items.every((b: { regionCode: string }) => b.regionCode.startsWith('51'))).toBe(true);
    const agri = (await call('moist', 'GET', '/api/bases?field=agriculture&pageSize=200')).json();
    expect(agri.items.every((b: { fields: string[] }) => b.fields.includes('agriculture'))).toBe(true);
    const y2012 = (await call('moist', 'GET', '/api/bases?year=2012&pageSize=200')).json();
    expect(y2012.items.every((b: { recognizedOn: string }) => b.recognizedOn.startsWith('2012'))).toBe(true);
    expect(y2012.items[0].lastResult).toMatchObject({ year: 2024 });
  });

  it('a9.s1: a recommending department lists only its own bases; another department’s base by id is 404', async () => {
    const mine = (await call('sichuan', 'GET', '/api/bases?pageSize=200')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((b: { recommenderNameZh: string }) => b.recommenderNameZh === '四川省科学技术厅')).toBe(true);
    const res = await call('sichuan', 'GET', `/api/bases/${tsinghuaBase}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('清华');
    expect((await call('moe', 'GET', `/api/bases/${tsinghuaBase}`)).statusCode).toBe(200);
    expect((await call('tsinghua', 'GET', '/api/bases')).json().total).toBe(1);
  });

  it('a12.s1, a13.s2: the page shows host and unchanged affiliation, partners, plaques, documents, timeline, assessment history and projects', async () => {
    const b = (await call('moist', 'GET', `/api/bases/${tsinghuaBase}`)).json();
    expect(b.host).toMatchObject({ nameZh: '清华大学', affiliationNameZh: '教育部' });
    expect(b.affiliationRule.clause).toBe('a12.s1');
    expect(b.affiliationRule.text.zh).toContain('隶属关系不变');
    expect(b.recommenderNameZh).toBe('教育部');
    expect(b.typeName.zh).toBe('国际联合研究中心');
    expect(b.foreignPartners.length).toBeGreaterThan(0);
    expect(b.foreignPlaques.length).toBe(1);
    expect(b.documents[0]).toMatchObject({ kind: 'recognition' });
    expect(b.timeline.filter((e: { report?: unknown }) => !e.report).map((e: { kind: string }) => e.kind)).toEqual(['recognized', 'foreign_plaque']);
    // a14.s1: the steps of its plans and summaries are on the timeline too, linked to the report.
    const reportSteps = b.timeline.filter((e: { report?: unknown }) => e.report);
    expect(reportSteps.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['report_submitted', 'report_signed']));
    expect(reportSteps[0]).toMatchObject({ clauses: ['a14.s1'], report: { year: 2025, kind: 'summary' } });
    expect(b.timeline.map((e: { on: string }) => e.on)).toEqual([...b.timeline.map((e: { on: string }) => e.on)].sort());
    expect(b.assessments.map((a: { year: number }) => a.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2023, 2024]);
    expect(b.projects.length).toBeGreaterThan(0);
    expect(b.failedYears).toMatchObject({ clause: 'a13.s3', triggered: false });
    expect(b.failedYears.years.find((y: { year: number }) => y.year === 2022).reading).toBe('no_round');
  });

  it('a13.s3: the notified base shows its status, notice document and the reading across the skipped year 2022', async () => {
    const list = (await call('moist', 'GET', '/api/bases?status=notified')).json();
    const b = (await call('moist', 'GET', `/api/bases/${list.items[0].id}`)).json();
    expect(b.status).toBe('notified');
    expect(b.statusChangedOn).toBe('2024-06-12');
    expect(b.documents.map((d: { kind: string }) => d.kind)).toEqual(['recognition', 'notice']);
    expect(b.timeline.filter((e: { report?: unknown }) => !e.report).at(-1)).toMatchObject({ kind: 'notified', clauses: ['a13.s3'], documentNumber: '国科外函〔2024〕38号' });
    expect(b.failedYears.run).toEqual([2020, 2021, 2023]);
    expect(b.failedYears.triggered).toBe(true);
  });

  it('a12.s2: the base records its operating model; a stale version is a conflict; a department of another province may not', async () => {
    const b = (await call('tsinghua', 'GET', `/api/bases/${tsinghuaBase}`)).json();
    const ok = await call('tsinghua', 'PATCH', `/api/bases/${tsinghuaBase}`, { version: b.version, operatingModel: '理事会领导下的主任负责制' });
    expect(ok.statusCode).toBe(200);
    expect((await call('tsinghua', 'PATCH', `/api/bases/${tsinghuaBase}`, { version: b.version, operatingModel: 'x' })).statusCode).toBe(409);
    expect((await call('sichuan', 'PATCH', `/api/bases/${tsinghuaBase}`, { version: ok.json().version, operatingModel: 'x' })).statusCode).toBe(404);
    expect((await call('moist', 'GET', `/api/bases/${tsinghuaBase}`)).json().operatingModel).toBe('理事会领导下的主任负责制');
  });

  it('exports the filtered list to Excel in the request language', async () => {
    const res = await call('moist', 'GET', '/api/bases/export.xlsx?type=tech_transfer_center', undefined, 'en');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('Type');
    expect(ws.rowCount).toBe(4);
    expect(String(ws.getRow(2).getCell(3).value)).toContain('Technology Transfer');
  });
});
