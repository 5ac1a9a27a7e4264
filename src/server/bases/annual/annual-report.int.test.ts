import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { beijingInstant } from '../../../regulation/index.js';
import { describeEachDb } from '../../testing/db.js';
import { testApp, type TestApp } from '../../testing/app.js';
import { notifications, users } from '../../accounts/tables.js';
import { clock } from '../clock.js';
import { apiAs, insertBase } from '../test-helpers.js';

const realNow = clock.now;
const at = (day: string, hh = 10) => { clock.now = () => beijingInstant(day, hh); };

describeEachDb('a14.s1: annual plans and summaries — filed by the base, signed by the recommender, received by MOST', (getDb) => {
  let app: TestApp;
  let call: ReturnType<typeof apiAs>;
  let baseId: string;
  beforeAll(async () => {
    app = await testApp(getDb());
    call = apiAs(app);
    // A fresh Sichuan demonstration base (host 四川省农业科学院 → 四川省科学技术厅).
    baseId = (await insertBase(getDb().db, 'inst-saas', '2019-05-20', [], 'demonstration_base')).id;
  });
  afterEach(() => { clock.now = realNow; });
  afterAll(async () => { await app.close(); });

  it('a14.s1: only the ministry opens a reporting year; the summary is due 31 December by default', async () => {
    expect((await call('sichuan', 'POST', '/api/reporting-years', { year: 2027, planDue: '2027-03-31' })).statusCode).toBe(403);
    const res = await call('moist', 'POST', '/api/reporting-years', { year: 2027, planDue: '2027-03-31' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2027, planDue: '2027-03-31', summaryDue: '2027-12-31' });
    expect((await call('moist', 'POST', '/api/reporting-years', { year: 2027, planDue: '2027-03-31' })).statusCode).toBe(409);
    const refused = await call('saas', 'POST', `/api/bases/${baseId}/reports`, { year: 2030, kind: 'plan' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.clause).toBe('a14.s1');
  });

  it('a14.s1, a16.s2, a17.s1: projects and talent/training records feed the summary — typed once', async () => {
    const p = await call('saas', 'POST', `/api/bases/${baseId}/projects`, {
      kind: 'national_special', title: '水稻抗逆分子育种国际合作', field: 'agriculture', partnerCountry: 'FR', partnerInstitution: 'Institut Loire de Recherche Agronomique',
      startYear: 2026, endYear: 2028, fundingWan: 300, matchingWan: 90,
    });
    expect(p.statusCode).toBe(201);
    await call('saas', 'POST', `/api/bases/${baseId}/projects`, { kind: 'other', title: '往年项目', partnerCountry: 'PK', partnerInstitution: 'IVAU', startYear: 2020, endYear: 2022, fundingWan: 50 });
    for (const a of [{ kind: 'talent_introduced', people: 2 }, { kind: 'talent_trained', people: 12 }, { kind: 'training_held', people: 40 }, { kind: 'info_service', people: 1 }, { kind: 'visit_in', people: 5 }]) {
      expect((await call('saas', 'POST', `/api/bases/${baseId}/activities`, { year: 2027, title: a.kind, ...a })).statusCode).toBe(201);
    }
    expect((await call('sichuan', 'GET', `/api/bases/${baseId}/projects?year=2027`)).json()).toHaveLength(1);
    at('2027-02-01');
    const plan = await call('saas', 'POST', `/api/bases/${baseId}/reports`, { year: 2027, kind: 'plan' });
    expect(plan.statusCode).toBe(200);
    const c = plan.json().computed;
    expect(c.projects.map((x: { title: string }) => x.title)).toEqual(['水稻抗逆分子育种国际合作']);
    expect(c.funding).toEqual({ programmeWan: 300, matchingWan: 90 });
    expect(c.talent).toEqual({ introduced: 2, trained: 12 });
    expect(c.trainings).toEqual({ held: 1, trainees: 40, infoServices: 1 });
  });

  it('a14.s1: plan → submit → the recommender returns it with a reason → resubmit → signed by a named person → received by MOST', async () => {
    at('2027-02-10');
    const plan = (await call('saas', 'POST', `/api/bases/${baseId}/reports`, { year: 2027, kind: 'plan' })).json();
    const content = { goals: [{ goal: '新签国际合作协议2项', result: '', achieved: false }], partners: [{ name: 'ILRA', country: 'FR', agreement: true }] };
    const saved = await call('saas', 'PUT', `/api/reports/${plan.id}`, { version: plan.version, content, narrative: '2027年度工作计划' });
    expect(saved.statusCode).toBe(200);
    expect((await call('saas', 'PUT', `/api/reports/${plan.id}`, { version: plan.version, content, narrative: 'stale' })).statusCode).toBe(409);
    const act = (who: string, body: object) => call(who, 'POST', `/api/reports/${plan.id}/actions`, body);
    expect((await act('saas', { type: 'submit' })).json().status).toBe('submitted');
    // Who acts at which state is the domain's: the base cannot sign, the ministry cannot receive yet.
    const wrong = await act('saas', { type: 'sign', opinion: '同意', signedBy: '张三' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ clause: 'a14.s1', data: { code: 'wrong_actor' } });
    expect((await act('moist', { type: 'receive' })).json().error.data.code).toBe('invalid_state');
    // Another province's department: the report does not exist for it.
    expect((await act('beijing', { type: 'return', reason: 'x' })).statusCode).toBe(404);
    expect((await act('sichuan', { type: 'return', reason: ' ' })).json().error.data.code).toBe('reason_required');
    const returned = await act('sichuan', { type: 'return', reason: '请补充外方合作协议' });
    expect(returned.json().status).toBe('returned');
    const [saasUser] = await getDb().db.select({ id: users.id }).from(users).where(eq(users.username, 'saas'));
    const told = await getDb().db.select().from(notifications).where(and(eq(notifications.userId, saasUser!.id), eq(notifications.kind, 'annual_report_returned')));
    expect(told[0]?.params).toMatchObject({ reason: '请补充外方合作协议', clause: 'a14.s1' });
    // Edited while returned, then resubmitted and signed by a named person at a time.
    const again = (await call('saas', 'GET', `/api/reports/${plan.id}`)).json();
    expect((await call('saas', 'PUT', `/api/reports/${plan.id}`, { version: again.version, content, narrative: '已补充' })).statusCode).toBe(200);
    expect((await act('saas', { type: 'submit' })).json().status).toBe('submitted');
    expect((await act('sichuan', { type: 'sign', opinion: '', signedBy: '李处长' })).json().error.data.code).toBe('opinion_required');
    const signed = (await act('sichuan', { type: 'sign', opinion: '经审核，同意报送。', signedBy: '李处长', score: 80 })).json();
    expect(signed).toMatchObject({ status: 'signed_by_recommender', opinion: '经审核，同意报送。', opinionSignedBy: '李处长', recommenderScore: 80 });
    expect(signed.opinionSignedAt).toBe(beijingInstant('2027-02-10', 10).toISOString());
    // Signed: frozen for the base.
    expect((await call('saas', 'PUT', `/api/reports/${plan.id}`, { version: signed.version, content, narrative: 'x' })).statusCode).toBe(422);
    const received = (await act('moist', { type: 'receive' })).json();
    expect(received.status).toBe('received_by_ministry');
    expect(received.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'return', 'submit', 'sign', 'receive']);
    expect(received.late).toBe(false);
  });

  it('a14.s1: the summary starts from the year’s plan goals and last partners (prefill); withdraw before the due date only', async () => {
    const pre = (await call('saas', 'GET', `/api/bases/${baseId}/reports/prefill?year=2027&kind=summary`)).json();
    expect(pre.carried).toEqual(['goals', 'partners']);
    expect(pre.content.goals[0]).toEqual({ goal: '新签国际合作协议2项', result: '', achieved: false });
    at('2027-12-01');
    const s = (await call('saas', 'POST', `/api/bases/${baseId}/reports`, { year: 2027, kind: 'summary' })).json();
    expect(s.content.goals).toHaveLength(1);
    expect((await call('saas', 'POST', `/api/reports/${s.id}/actions`, { type: 'submit' })).json().status).toBe('submitted');
    expect((await call('saas', 'POST', `/api/reports/${s.id}/actions`, { type: 'withdraw' })).json().status).toBe('draft');
    await call('saas', 'POST', `/api/reports/${s.id}/actions`, { type: 'submit' });
    at('2028-01-01', 0);
    const late = await call('saas', 'POST', `/api/reports/${s.id}/actions`, { type: 'withdraw' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.data.code).toBe('deadline_passed');
  });

  it('a14.s1: late and missing reports are flagged for the ministry; the department sees its own bases only', async () => {
    // Another Sichuan base files its plan after the due date; a third files nothing.
    const lateBase = (await insertBase(getDb().db, 'inst-cib', '2018-01-10')).id;
    await insertBase(getDb().db, 'inst-szu', '2018-01-10');
    at('2027-04-02');
    const p = (await call('cib', 'POST', `/api/bases/${lateBase}/reports`, { year: 2027, kind: 'plan' })).json();
    const sub = (await call('cib', 'POST', `/api/reports/${p.id}/actions`, { type: 'submit' })).json();
    expect(sub.late).toBe(true);
    const all = (await call('moist', 'GET', '/api/reporting-years/2027/reports?pageSize=200')).json();
    const row = (id: string) => all.items.find((r: { baseId: string }) => r.baseId === id);
    expect(row(baseId).plan).toMatchObject({ status: 'received_by_ministry', late: false, missing: false });
    expect(row(lateBase).plan).toMatchObject({ status: 'submitted', late: true, missing: false });
    const missing = (await call('moist', 'GET', '/api/reporting-years/2027/reports?flag=missing&pageSize=200')).json();
    expect(missing.items.every((r: { plan: { missing: boolean }; summary: { missing: boolean } }) => r.plan.missing || r.summary.missing)).toBe(true);
    expect(missing.items.some((r: { nameZh: string }) => r.nameZh.includes('深圳大学'))).toBe(true);
    const mine = (await call('sichuan', 'GET', '/api/reporting-years/2027/reports?pageSize=200')).json();
    expect(mine.items.every((r: { recommenderNameZh: string }) => r.recommenderNameZh === '四川省科学技术厅')).toBe(true);
    // Reminders reach bases that have not submitted.
    at('2027-12-20');
    const sent = (await call('moist', 'POST', '/api/reporting-years/2027/reminders', { kind: 'summary' })).json();
    expect(sent.bases).toBeGreaterThan(0);
  });

  it('a14.s1: the workbench shows what waits for each party', async () => {
    const wb = (await call('moist', 'GET', '/api/workbench')).json();
    expect(wb.todos.some((t: { kind: string }) => t.kind === 'annual_report_to_receive')).toBe(true);
    const dept = (await call('sichuan', 'GET', '/api/workbench')).json();
    expect(dept.todos, JSON.stringify(dept)).toBeDefined();
    expect(dept.todos.some((t: { kind: string }) => t.kind === 'annual_report_to_sign')).toBe(true);
  });
});
