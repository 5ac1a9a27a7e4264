import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addDays } from '../../regulation/index.js';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { publicNotices } from './tables.js';
import { approve, client, openCall, reviewAndEvaluate, today, type Api } from './testing.js';

describeEachDb('a8.p2: 示范型国际科技合作基地, institution → department → 国际合作司, with 公示', (getDb) => {
  let app: TestApp;
  let api: Api;
  beforeAll(async () => {
    app = await testApp(getDb());
    api = client(app);
  });
  afterAll(async () => app?.close());

  it('a8.p1.i1, a8.p2.i1–i3: Hunan Agricultural University through Hunan; 公示 of 10 working days, an objection dismissed, then the decision takes effect', async () => {
    const call = await openCall(api, ['demonstration_base']);
    const created = await api.ok('hunau', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'demonstration_base', title: '湖南农业大学示范型国际科技合作基地', titleEn: 'Hunan Agricultural University Demonstration Base', fields: ['agriculture'] });
    const id = created.id as string;
    const form = (await api.get('hunau', `/api/recognition/applications/${id}/form`)).json();
    expect(form.sections.find((s: { clause: string }) => s.clause === 'a8.p1.i1').verdicts[0]).toMatchObject({ clause: 'a8.p1.i1', met: true });
    await api.ok('hunau', 'POST', `/api/recognition/applications/${id}/submit`, { version: created.version });
    await approve(api, 'hunan', id, '同意推荐');
    // a8.p2.i2: 国际合作司 alone organizes the review; 火炬中心 has no part in it.
    const torch = await api.post('torch', `/api/recognition/applications/${id}/actions`, { action: 'approve', opinion: '同意' });
    expect(torch.json().error).toMatchObject({ clause: 'a8.p2.i2', data: { code: 'wrong_actor' } });
    // Review steps are approved only once their result is recorded.
    await approve(api, 'moist', id, '形式审查通过');
    const noScore = await api.post('moist', `/api/recognition/applications/${id}/actions`, { action: 'approve', opinion: '评审通过' });
    expect(noScore.json().error).toMatchObject({ clause: 'a8.p2.i2', data: { code: 'review_result_missing' } });
    await api.ok('moist', 'POST', `/api/recognition/applications/${id}/review-results`, { kind: 'review', score: 81, opinion: '评审通过', judgements: [{ clause: 'a8.p1.i4', met: true, note: '合作成效显著' }] });
    await approve(api, 'moist', id, '专家评审通过');
    await api.ok('moist', 'POST', `/api/recognition/applications/${id}/review-results`, { kind: 'assessment', result: 'pass', opinion: '考核合格' });
    await approve(api, 'moist', id, '考核合格');
    // The judgement recorded at review now answers the narrative condition a8.p1.i4.
    const judged = (await api.get('moist', `/api/recognition/applications/${id}/form`)).json();
    expect(judged.sections.find((s: { clause: string }) => s.clause === 'a8.p1.i4').verdicts[0]).toMatchObject({ met: true });
    const screen = (await api.get('moist', `/api/recognition/evaluation?callId=${call.id}&typeId=demonstration_base`)).json();
    const c = screen.candidates.find((x: { applicationId: string }) => x.applicationId === id);
    expect(c.effect.province).toMatchObject({ key: '430000' });
    expect(c.effect.type.with).toBe(c.effect.type.without + 1);
    expect(screen.factors.map((f: { id: string }) => f.id)).toContain('national_layout');
    await approve(api, 'moist', id, '综合评价：符合认定标准，兼顾全国布局');

    const decided = await api.ok('moist', 'POST', '/api/recognition/decisions', { applicationIds: [id], documentNumber: '国科外字〔2026〕40号', issuedOn: today(), opinion: '同意认定', publicNotice: { workingDays: 10 } });
    expect(decided).toMatchObject({ status: 'notice', baseIds: [] });
    const decision = (await api.get('moist', `/api/recognition/decisions/${decided.decisionId}`)).json();
    expect(decision.notice).toMatchObject({ startsOn: today(), workingDays: 10, status: 'open' });
    expect(decision.notice.endsOn > addDays(today(), 13)).toBe(true); // ten working days span at least two weekends

    // The notice is public: no sign-in needed to read it.
    const published = (await api.get(null, '/api/public/notices')).json();
    expect(published).toEqual([expect.objectContaining({ decisionId: decided.decisionId, candidates: [expect.objectContaining({ hostInstitution: '湖南农业大学' })] })]);
    const objection = await api.ok('moist', 'POST', `/api/recognition/decisions/${decided.decisionId}/objections`, { text: '对合作成效有疑问', contact: '来信', applicationId: id });
    const running = await api.post('moist', `/api/recognition/decisions/${decided.decisionId}/take-effect`, { opinion: '公示期满，同意' });
    expect(running.json().error).toMatchObject({ data: { code: 'notice_period_running', endsOn: decision.notice.endsOn } });
    // Let the notice period pass.
    await getDb().db.update(publicNotices).set({ startsOn: addDays(today(), -20), endsOn: addDays(today(), -1) }).where(eq(publicNotices.decisionId, decided.decisionId));
    const open = await api.post('moist', `/api/recognition/decisions/${decided.decisionId}/take-effect`, { opinion: '公示期满，同意' });
    expect(open.json().error).toMatchObject({ data: { code: 'objections_open' } });
    await api.ok('moist', 'POST', `/api/recognition/decisions/${decided.decisionId}/objections/${objection.id}/resolve`, { upheld: false, resolution: '经核实，合作成效材料属实' });
    const issued = await api.ok('moist', 'POST', `/api/recognition/decisions/${decided.decisionId}/take-effect`, { opinion: '公示期满，同意认定' });
    expect(issued).toMatchObject({ status: 'issued', baseIds: [expect.any(String)] });
    const after = (await api.get('moist', `/api/recognition/decisions/${decided.decisionId}`)).json();
    expect(after.notice).toMatchObject({ status: 'closed', objections: [{ status: 'dismissed' }] });
    expect((await api.get('hunau', `/api/recognition/applications/${id}`)).json()).toMatchObject({ status: 'recognized' });
    expect((await api.get(null, '/api/public/notices')).json()).toEqual([]);
    // The list filters by call, type, status, step and province; the same filters export to Excel.
    const q = `callId=${call.id}&typeId=demonstration_base&status=recognized&province=430000`;
    const list = (await api.get('hunan', `/api/recognition/applications?${q}`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ id, status: 'recognized', recommender: { nameZh: '湖南省科学技术厅' } }] });
    expect((await api.get('hunan', `/api/recognition/applications?${q.replace('430000', '510000')}`)).json().total).toBe(0);
    const xlsx = await api.get('hunan', `/api/recognition/applications/export.xlsx?${q}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The OpenAPI document includes the recognition API.
    const spec = (await api.get(null, '/api/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/recognition/applications/{id}/actions', '/api/recognition/decisions', '/api/verify/{code}']));
  });
});
