import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { HAS_PDFTOTEXT, approve, client, openCall, pdfText, reviewAndEvaluate, type Api } from './testing.js';

describeEachDb('a5.p2: 国际创新园, the provincial government applies, MOST decides', (getDb) => {
  let app: TestApp;
  let api: Api;
  beforeAll(async () => {
    app = await testApp(getDb());
    api = client(app);
  });
  afterAll(async () => app?.close());

  it('a5.p1.i4, a5.p2.i1–i4: agenda, Sichuan government applies for the Chengdu park, review, evaluation, document', async () => {
    const call = await openCall(api, ['innovation_park']);
    const parks = (await api.get('gov-sichuan', '/api/organizations?kind=science_park')).json().items as { id: string; nameZh: string }[];
    const park = parks.find((p) => p.nameZh === '成都锦城国际创新园')!;
    // An institution cannot file an innovation park: a5.p2.i2 names the provincial government.
    const byPark = await api.post('park-chengdu', '/api/recognition/applications', { callId: call.id, typeId: 'innovation_park', title: '成都锦城国际创新园' });
    expect(byPark.json().error).toMatchObject({ clause: 'a5.p2.i2', data: { code: 'wrong_actor' } });
    // Another province's government cannot file for it (a5.p2.i2 "所在地").
    const byHubei = await api.post('gov-hubei', '/api/recognition/applications', { callId: call.id, typeId: 'innovation_park', applicantOrgId: park.id, title: '成都锦城国际创新园' });
    expect(byHubei.json().error).toMatchObject({ clause: 'a5.p2.i2', data: { code: 'out_of_scope' } });

    const created = await api.ok('gov-sichuan', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'innovation_park', applicantOrgId: park.id, title: '成都锦城国际创新园', titleEn: 'Chengdu Jincheng International Innovation Park', fields: ['information_network'] });
    const id = created.id as string;
    expect(created.stepId).toBe('agenda');
    // a5.p1.i4: the park has no project partners on record; partners are declared in the form.
    let form = (await api.get('gov-sichuan', `/api/recognition/applications/${id}/form`)).json();
    expect(form.sections.find((s: { clause: string }) => s.clause === 'a5.p1.i4').verdicts[0]).toMatchObject({ clause: 'a5.p1.i4', met: false });
    const v2 = await api.ok('gov-sichuan', 'PATCH', `/api/recognition/applications/${id}`, { version: created.version, foreignPartners: [{ country: 'SG', name: 'Straits Centre for Urban Water', agreementSigned: true }] });
    form = (await api.get('gov-sichuan', `/api/recognition/applications/${id}/form`)).json();
    expect(form.sections.find((s: { clause: string }) => s.clause === 'a5.p1.i4').verdicts[0]).toMatchObject({ met: true });

    // a5.p2.i1: the joint build is on the ministry–province consultation agenda; then the government files.
    const agenda = await approve(api, 'moist', id, '已列入2026年部省工作会商议题');
    expect(agenda).toMatchObject({ status: 'draft', stepId: 'apply' });
    await api.ok('gov-sichuan', 'POST', `/api/recognition/applications/${id}/submit`, { version: agenda.version });
    // The park itself can read its application; a provincial S&T department has no part in a5.
    expect((await api.get('park-chengdu', `/api/recognition/applications/${id}`)).statusCode).toBe(200);
    expect((await api.get('sichuan', `/api/recognition/applications/${id}`)).statusCode).toBe(404);

    await reviewAndEvaluate(api, 'moist', id);
    const decided = await api.ok('most-leader', 'POST', '/api/recognition/decisions', { applicationIds: [id], documentNumber: '国科发外[2026]5号', issuedOn: '2026-11-25', opinion: '同意认定并授牌' });
    expect(decided.status).toBe('issued');
    const decision = (await api.get('moist', `/api/recognition/decisions/${decided.decisionId}`)).json();
    expect(decision.documentNumber).toBe('国科发外〔2026〕5号');
    const doc = decision.documents.find((d: { kind: string }) => d.kind === 'recognition');
    const pdf = (await api.get('gov-sichuan', `/api/recognition/documents/${doc.id}/pdf`)).rawPayload;
    if (HAS_PDFTOTEXT) {
      const text = pdfText(pdf);
      expect(text).toContain('成都锦城国际创新园');
      expect(text).toContain('四川省人民政府'); // the applying government stands as the recommending body
    }
    expect((await api.get('park-chengdu', `/api/recognition/applications/${id}`)).json().status).toBe('recognized');
  });
});
