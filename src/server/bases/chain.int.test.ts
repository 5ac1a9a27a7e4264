// The full chain for one base (issue 5): plan → summary → department opinion → ministry receipt →
// assessment → a third failed year → notice → violation → revocation → the a13.s5 ban.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { banVerdict, beijingInstant, national2011 } from '../../regulation/index.js';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { notifications, users } from '../accounts/tables.js';
import { clock } from './clock.js';
import { heldBasesOf, revocationsOf } from './queries.js';
import { apiAs, insertBase, orgId } from './test-helpers.js';

const realNow = clock.now;
const at = (day: string) => { clock.now = () => beijingInstant(day, 10); };

describeEachDb('a14.s1 → a10.i4 → a13.s3 → a13.s4 → a13.s5: one base through its whole life', (getDb) => {
  let app: TestApp;
  let call: ReturnType<typeof apiAs>;
  let baseId: string;
  let host: string;
  beforeAll(async () => {
    app = await testApp(getDb());
    call = apiAs(app);
    host = await orgId(getDb().db, 'inst-lhzs');
    // A Beijing enterprise's demonstration base, failed in 2023 and 2024 (2022: no round).
    baseId = (await insertBase(getDb().db, 'inst-lhzs', '2019-05-20', [[2020, 'pass'], [2021, 'pass'], [2023, 'fail'], [2024, 'fail']])).id;
  });
  afterAll(async () => { clock.now = realNow; await app.close(); });

  const act = (who: string, id: string, body: object) => call(who, 'POST', `/api/reports/${id}/actions`, body);

  it('a14.s1: plan of 2025 filed, signed by the Beijing department, received by the ministry', async () => {
    at('2025-03-01');
    const plan = (await call('lhzs', 'POST', `/api/bases/${baseId}/reports`, { year: 2025, kind: 'plan' })).json();
    await call('lhzs', 'PUT', `/api/reports/${plan.id}`, { version: plan.version, content: { goals: [{ goal: '联合申报国际合作项目' }] }, narrative: '2025年度计划' });
    expect((await act('lhzs', plan.id, { type: 'submit' })).json().late).toBe(false);
    expect((await act('beijing', plan.id, { type: 'sign', opinion: '同意报送', signedBy: '王处长' })).json().status).toBe('signed_by_recommender');
    expect((await act('moist', plan.id, { type: 'receive' })).json().status).toBe('received_by_ministry');
  });

  it('a14.s1: summary of 2025 — returned once, re-signed with a low rating, received', async () => {
    at('2025-12-15');
    const s = (await call('lhzs', 'POST', `/api/bases/${baseId}/reports`, { year: 2025, kind: 'summary' })).json();
    expect(s.content.goals.map((g: { goal: string }) => g.goal)).toEqual(['联合申报国际合作项目']);
    await act('lhzs', s.id, { type: 'submit' });
    expect((await act('beijing', s.id, { type: 'return', reason: '目标均未完成，请说明原因' })).json().status).toBe('returned');
    const r = (await call('lhzs', 'GET', `/api/reports/${s.id}`)).json();
    await call('lhzs', 'PUT', `/api/reports/${s.id}`, { version: r.version, content: { ...r.content, difficulties: '合作方撤出' }, narrative: '2025年度总结' });
    await act('lhzs', s.id, { type: 'submit' });
    expect((await act('beijing', s.id, { type: 'sign', opinion: '情况属实', signedBy: '王处长', score: 20 })).json().recommenderScore).toBe(20);
    expect((await act('moist', s.id, { type: 'receive' })).json().status).toBe('received_by_ministry');
  });

  it('a10.i4, a13.s3: the 2025 assessment fails it a third time in a row; a notice is proposed with the reading', async () => {
    at('2026-04-20');
    expect((await call('moist', 'POST', '/api/assessment/2025/run')).statusCode).toBe(200);
    const mine = (await call('moist', 'GET', '/api/assessment/2025/results')).json().find((x: { baseId: string }) => x.baseId === baseId);
    expect(mine.grade).toBe('fail');
    expect(mine.reportLate).toBe(false);
    const p = (await call('moist', 'GET', '/api/notice-proposals?status=proposed')).json().find((x: { baseId: string }) => x.baseId === baseId);
    expect(p.run).toEqual([2023, 2024, 2025]);
    expect(p.reading.years.find((y: { year: number }) => y.year === 2022).reading).toBe('no_round');
    // Nothing changes for the base until the ministry confirms.
    expect((await call('moist', 'GET', `/api/bases/${baseId}`)).json().status).toBe('active');
    // a13.s4 before a notice: refused with the clause.
    const early = await call('moist', 'POST', `/api/bases/${baseId}/revoke`, { documentNumber: '国科外函〔2026〕1号', on: '2026-05-01' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.clause).toBe('a13.s4');
  });

  it('a13.s3: the ministry confirms the notice with a document → status notified, timeline, the base is told why', async () => {
    const p = (await call('moist', 'GET', '/api/notice-proposals?status=proposed')).json().find((x: { baseId: string }) => x.baseId === baseId);
    expect((await call('beijing', 'POST', `/api/notice-proposals/${p.id}/confirm`, { documentNumber: '国科外函〔2026〕12号', on: '2026-05-10' })).statusCode).toBe(403);
    expect((await call('moist', 'POST', `/api/notice-proposals/${p.id}/confirm`, { documentNumber: '国科外函〔2026〕12号', on: '2026-05-10' })).statusCode).toBe(200);
    expect((await call('moist', 'POST', `/api/notice-proposals/${p.id}/confirm`, { documentNumber: '国科外函〔2026〕12号', on: '2026-05-10' })).statusCode).toBe(422);
    const b = (await call('lhzs', 'GET', `/api/bases/${baseId}`)).json();
    expect(b).toMatchObject({ status: 'notified', statusChangedOn: '2026-05-10' });
    expect(b.timeline.filter((e: { report?: unknown }) => !e.report).at(-1)).toMatchObject({ kind: 'notified', clauses: ['a13.s3'], documentNumber: '国科外函〔2026〕12号' });
    const [u] = await getDb().db.select({ id: users.id }).from(users).where(eq(users.username, 'lhzs'));
    const [n] = await getDb().db.select().from(notifications).where(and(eq(notifications.userId, u!.id), eq(notifications.kind, 'base_notified')));
    expect((n!.params as { because: { zh: string } }).because.zh).toContain('2023、2024、2025');
  });

  it('a13.s4: a notified base is revoked only after a SERIOUS violation is recorded', async () => {
    await call('moist', 'POST', `/api/bases/${baseId}/violations`, { on: '2026-06-01', serious: false, description: '年度报告数据不实（情节轻微）' });
    const notSerious = await call('moist', 'POST', `/api/bases/${baseId}/revoke`, { documentNumber: '国科外函〔2026〕20号', on: '2026-06-15' });
    expect(notSerious.statusCode).toBe(422);
    expect(notSerious.json().error).toMatchObject({ clause: 'a13.s4', data: { code: 'revocation_not_allowed' } });
    await call('moist', 'POST', `/api/bases/${baseId}/violations`, { on: '2026-06-10', serious: true, description: '伪造国际合作协议', documentNumber: '国科外函〔2026〕19号' });
    expect((await call('moist', 'POST', `/api/bases/${baseId}/revoke`, { documentNumber: '国科外函〔2026〕20号', on: '2026-06-15' })).statusCode).toBe(200);
    const b = (await call('moist', 'GET', `/api/bases/${baseId}`)).json();
    expect(b).toMatchObject({ status: 'revoked', statusChangedOn: '2026-06-15' });
    expect(b.documents.map((d: { kind: string }) => d.kind)).toEqual(['notice', 'revocation']);
    expect(b.timeline.filter((e: { report?: unknown }) => !e.report).map((e: { kind: string }) => e.kind)).toEqual(['notified', 'violation', 'violation', 'revoked']);
  });

  it('a13.s5: the host may apply again three years after revocation — not a day before', async () => {
    const ban = (await call('moist', 'GET', `/api/organizations/${host}/may-apply-again`)).json();
    expect(ban).toMatchObject({ clause: 'a13.s5', revocations: [{ revokedOn: '2026-06-15', mayApplyAgainOn: '2029-06-15' }], mayApplyFrom: '2029-06-15' });
    const revocations = await revocationsOf(getDb().db, host);
    expect(revocations).toEqual([{ revokedOn: '2026-06-15' }]);
    expect(banVerdict(national2011, revocations, '2029-06-14').verdict.met).toBe(false);
    expect(banVerdict(national2011, revocations, '2029-06-15').verdict.met).toBe(true);
    expect(await heldBasesOf(getDb().db, host)).toEqual([{ typeId: 'demonstration_base', status: 'revoked' }]);
    // A revoked base files nothing more.
    const refused = await call('lhzs', 'POST', `/api/bases/${baseId}/reports`, { year: 2026, kind: 'summary' });
    expect(refused.statusCode).toBe(422);
  });
});
