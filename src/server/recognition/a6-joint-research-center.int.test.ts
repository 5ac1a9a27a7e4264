import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { HAS_PDFTOTEXT, PDF_BYTES, addIntergovernmentalProject, approve, client, openCall, pdfText, reviewAndEvaluate, type Api } from './testing.js';

describeEachDb('a6.p2: 国际联合研究中心, institution → recommender → ministry → document and plaque → a6.p2.i4', (getDb) => {
  let app: TestApp;
  let api: Api;
  beforeAll(async () => {
    app = await testApp(getDb());
    api = client(app);
  });
  afterAll(async () => app?.close());

  it('a6.p1.i1–i5, a6.p2.i1–i4: HUST applies, MOE recommends, MOST reviews and issues; the base, its PDFs and its foreign steps follow', async () => {
    const call = await openCall(api, ['joint_research_center', 'demonstration_base']);
    const created = await api.ok('hust', 'POST', '/api/recognition/applications', {
      callId: call.id, typeId: 'joint_research_center', title: '中德清洁能源国际联合研究中心', titleEn: 'Sino-German Clean Energy International Joint Research Center', fields: ['energy'],
    });
    expect(created).toMatchObject({ status: 'draft', stepId: 'apply' });
    const id = created.id as string;

    const file = await api.upload('hust', id, '合作协议.pdf', PDF_BYTES);
    expect(file.statusCode).toBe(201);
    const patched = await api.ok('hust', 'PATCH', `/api/recognition/applications/${id}`, {
      version: created.version,
      foreignPartners: [{ country: 'DE', name: 'Hanseatic University of Technology', agreementSigned: true }],
      sections: { 'a6.p1.i3': { narrative: '与德方建立了稳定的合作渠道', attachmentIds: [file.json().id] } },
    });

    // The form: one section per condition clause, machine-checkable verdicts computed from facts.
    // a6.p1.i1 "多次": one national project is not enough; the form says so before filing.
    const before = (await api.get('hust', `/api/recognition/applications/${id}/form`)).json();
    expect(before.eligibility.blocking).toMatchObject({ code: 'not_eligible', clause: 'a6.p1.i1' });
    await addIntergovernmentalProject(getDb().db, 'inst-hust');
    const form = (await api.get('hust', `/api/recognition/applications/${id}/form`)).json();
    const section = (c: string) => form.sections.find((s: { clause: string }) => s.clause === c);
    expect(form.sections.map((s: { clause: string }) => s.clause)).toEqual(['a6.p1.i2', 'a6.p1.i1', 'a6.p1.i3', 'a6.p1.i4', 'a6.p1.i5']);
    expect(section('a6.p1.i1').verdicts[0]).toMatchObject({ clause: 'a6.p1.i1', met: true });
    expect(section('a6.p1.i1').verdicts[1]).toMatchObject({ met: 'manual' });
    expect(section('a6.p1.i5').verdicts[0]).toMatchObject({ clause: 'a6.p1.i5', met: true });
    expect(section('a6.p1.i3')).toMatchObject({ narrative: '与德方建立了稳定的合作渠道', attachmentIds: [file.json().id] });
    expect(form.eligibility.allowed).toBe(true);

    await api.ok('hust', 'POST', `/api/recognition/applications/${id}/submit`, { version: patched.version });
    // a6.p2.i1: MOE recommends (affiliation); it sees the application, Sichuan does not.
    expect((await api.get('sichuan', `/api/recognition/applications/${id}`)).statusCode).toBe(404);
    const atRecommend = (await api.get('moe', `/api/recognition/applications/${id}`)).json();
    expect(atRecommend.availableActions).toEqual(expect.arrayContaining(['approve', 'return', 'reject']));
    expect(atRecommend.steps.find((s: { id: string }) => s.id === 'recommend')).toMatchObject({ state: 'current', clauses: [{ id: 'a6.p2.i1' }] });
    await approve(api, 'moe', id, '同意推荐。该单位多次承担国家国际科技合作专项。');

    await reviewAndEvaluate(api, 'moist', id);
    // a6.p2.i3: the document is MOST's (科技部发文), signed by the ministry itself; 国际合作司's turn
    // comes only after recognition (a6.p2.i4), so the machine calls it out of turn.
    const byDept = await api.post('moist', '/api/recognition/decisions', { applicationIds: [id], documentNumber: '国科发外〔2026〕1号', issuedOn: '2026-11-20', opinion: '同意认定' });
    expect(byDept.statusCode).toBe(422);
    expect(byDept.json().error).toMatchObject({ code: 'rule_refused', clause: 'a6.p2.i3', data: { code: 'out_of_turn' } });

    const decided = await api.ok('most-leader', 'POST', '/api/recognition/decisions', { applicationIds: [id], documentNumber: '国科发外〔2026〕1号', issuedOn: '2026-11-20', opinion: '同意认定' });
    expect(decided).toMatchObject({ status: 'issued', baseIds: [expect.any(String)] });
    const detail = (await api.get('hust', `/api/recognition/applications/${id}`)).json();
    expect(detail.status).toBe('recognized');
    expect(detail.baseId).toBe(decided.baseIds[0]);
    expect(detail.steps.filter((s: { state: string }) => s.state === 'done').map((s: { id: string }) => s.id))
      .toEqual(['apply', 'recommend', 'formal_check', 'expert_review', 'assessment', 'evaluate', 'issue']);
    expect(detail.steps.find((s: { id: string }) => s.id === 'issue').completedBy).toBe(detail.events.at(-1).id);
    expect(detail.events.every((e: { signature: string; digest: string }) => e.signature.length > 0 && /^[0-9a-f]{64}$/.test(e.digest))).toBe(true);

    const decision = (await api.get('moist', `/api/recognition/decisions/${decided.decisionId}`)).json();
    expect(decision.issuingBodies).toEqual(['科学技术部']);
    const recognition = decision.documents.find((d: { kind: string }) => d.kind === 'recognition');
    const plaque = decision.documents.find((d: { kind: string }) => d.kind === 'plaque');
    const pdf = await api.get('hust', `/api/recognition/documents/${recognition.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (HAS_PDFTOTEXT) {
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('国科发外〔2026〕1号');
      expect(text).toContain('中德清洁能源国际联合研究中心');
      expect(text).toContain('教育部');
      expect(text).toContain(recognition.verificationCode);
      expect(pdfText((await api.get('hust', `/api/recognition/documents/${plaque.id}/pdf`)).rawPayload)).toContain('国家国际联合研究中心');
    }
    // Another institution cannot read the document.
    expect((await api.get('scu', `/api/recognition/documents/${recognition.id}/pdf`)).statusCode).toBe(404);

    // Public verification, no sign-in.
    const verified = await api.get(null, `/api/verify/${plaque.verificationCode.toLowerCase()}`);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ valid: true, kind: 'plaque', bases: [{ nameZh: '中德清洁能源国际联合研究中心', status: 'active' }] });
    expect((await api.get(null, '/api/verify/0000-0000-0000-0000')).statusCode).toBe(404);

    // a6.p2.i4: the foreign plaque cannot come before the acknowledgement; then both are recorded.
    const baseId = decided.baseIds[0];
    const early = await api.post('hust', `/api/recognition/bases/${baseId}/foreign-plaque`, { on: '2026-11-22', evidence: '挂牌照片' });
    expect(early.json().error).toMatchObject({ clause: 'a6.p2.i4', data: { code: 'out_of_turn' } });
    await api.ok('moist', 'POST', `/api/recognition/bases/${baseId}/foreign-acknowledgement`, { on: '2026-11-21', evidence: '经中德政府间科技合作联委会确认' });
    const hung = await api.ok('hust', 'POST', `/api/recognition/bases/${baseId}/foreign-plaque`, { on: '2026-11-23', evidence: '在德方合作机构挂牌', partner: 'Hanseatic University of Technology', country: 'DE' });
    expect(hung.application).toMatchObject({ status: 'recognized', stepIndex: 9 });
    const docs = (await api.get('hust', `/api/recognition/bases/${baseId}/documents`)).json();
    expect(docs.map((d: { kind: string }) => d.kind).sort()).toEqual(['plaque', 'recognition']);

    // The workbench shows MOE nothing left, and the applicant got a message.
    const wb = (await api.get('hust', '/api/workbench')).json();
    expect(wb.unreadNotifications).toBeGreaterThan(0);
  });
});
