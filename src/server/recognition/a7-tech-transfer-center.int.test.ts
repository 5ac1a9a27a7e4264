import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { HAS_PDFTOTEXT, approve, client, openCall, pdfText, reviewAndEvaluate, type Api } from './testing.js';

describeEachDb('a7.p2: 国际技术转移中心, institution → zone support → recommender → 国际合作司 with 火炬中心', (getDb) => {
  let app: TestApp;
  let api: Api;
  beforeAll(async () => {
    app = await testApp(getDb());
    api = client(app);
  });
  afterAll(async () => app?.close());

  it('a7.p1.i1–i4, a7.p2.i1–i3: Hefei Kehui applies, the Hefei zone supports, Anhui recommends, the two bodies review and jointly issue', async () => {
    const call = await openCall(api, ['tech_transfer_center']);
    const created = await api.ok('khitt', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'tech_transfer_center', title: '合肥科汇国际技术转移中心', titleEn: 'Hefei Kehui International Technology Transfer Center', fields: ['energy'] });
    const id = created.id as string;
    const form = (await api.get('khitt', `/api/recognition/applications/${id}/form`)).json();
    const i1 = form.sections.find((s: { clause: string }) => s.clause === 'a7.p1.i1');
    // a7.p1.i1: intermediary (host kind), inside a national zone, registered ≥ 1 year — all computed.
    expect(i1.verdicts.slice(0, 3).map((v: { met: unknown }) => v.met)).toEqual([true, true, true]);
    expect(i1.machineCheckable).toBe(true);
    await api.ok('khitt', 'POST', `/api/recognition/applications/${id}/submit`, { version: created.version });

    // a7.p2.i1: the recommender cannot act before the zone's supporting opinion.
    const early = await api.post('anhui', `/api/recognition/applications/${id}/actions`, { action: 'approve', opinion: '同意推荐' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ clause: 'a7.p2.i1', data: { code: 'missing_support_opinion' } });
    // Another zone does not even see it.
    expect((await api.get('zone-chengdu', `/api/recognition/applications/${id}`)).statusCode).toBe(404);
    await approve(api, 'zone-hefei', id, '合肥高新区同意支持，提供场地与资金配套');
    await approve(api, 'anhui', id, '经审核，同意推荐');

    // a7.p2.i2: 火炬中心 may run the review steps with 国际合作司.
    await reviewAndEvaluate(api, 'torch', id, 88);
    const screen = (await api.get('moist', `/api/recognition/evaluation?callId=${call.id}&typeId=tech_transfer_center`)).json();
    expect(screen.factors.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['zone_internationalization_needs', 'regional_distribution']));
    expect(screen.candidates[0]).toMatchObject({ applicationId: id, reviewScore: 88, assessmentResult: 'pass', provinceCode: '340000' });

    // a7.p2.i3: jointly issued — 国际合作司 signs, the document waits for 火炬中心.
    const first = await api.ok('moist', 'POST', '/api/recognition/decisions', { applicationIds: [id], documentNumber: '国科外字〔2026〕31号', issuedOn: '2026-11-24', opinion: '同意认定' });
    expect(first).toMatchObject({ status: 'awaiting_cosign', baseIds: [] });
    const again = await api.post('moist', `/api/recognition/decisions/${first.decisionId}/cosign`, { opinion: '同意' });
    expect(again.json().error).toMatchObject({ code: 'rule_refused', clause: 'a7.p2.i3' });
    const torchTodos = (await api.get('torch', '/api/workbench')).json().todos.map((t: { kind: string }) => t.kind);
    expect(torchTodos).toContain('recognition_decision_sign');
    const done = await api.ok('torch', 'POST', `/api/recognition/decisions/${first.decisionId}/cosign`, { opinion: '同意认定' });
    expect(done).toMatchObject({ status: 'issued', baseIds: [expect.any(String)] });

    const decision = (await api.get('torch', `/api/recognition/decisions/${first.decisionId}`)).json();
    expect(decision.issuingBodies).toEqual(['科学技术部国际合作司', '科学技术部火炬高技术产业开发中心']);
    expect(decision.signatures.map((s: { orgKind: string }) => s.orgKind)).toEqual(['ministry_intl_dept', 'torch_center']);
    const doc = decision.documents.find((d: { kind: string }) => d.kind === 'recognition');
    const pdf = (await api.get('khitt', `/api/recognition/documents/${doc.id}/pdf`)).rawPayload;
    if (HAS_PDFTOTEXT) {
      const text = pdfText(pdf);
      expect(text).toContain('科学技术部火炬高技术产业开发中心');
      expect(text).toContain('合肥科汇国际技术转移中心');
    }
    const detail = (await api.get('khitt', `/api/recognition/applications/${id}`)).json();
    expect(detail.status).toBe('recognized');
    const issueEvents = detail.events.filter((e: { stepId: string }) => e.stepId === 'issue');
    expect(issueEvents.map((e: { actor: { org: { kind: string } }; completesStep: boolean }) => [e.actor.org.kind, e.completesStep])).toEqual([['ministry_department', false], ['torch_center', true]]);
  });
});
