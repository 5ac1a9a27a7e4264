// a21.s1: two provincial programmes configured from data alone through the API — one like
// Sichuan's (late report = 不合格, sealed-scan uploads required), one like Yunnan's (an extra type,
// overseas demonstration park, requiring a land lease; 10 working days of 公示; a quota per
// recommender across all types) — each run end to end: create → publish → open a call →
// an institution applies → steps → decision and base.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addDays } from '../../regulation/index.js';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { applications } from '../recognition/tables.js';
import { client, today, PDF_BYTES, type Api } from '../recognition/testing.js';

const thresholds = [{ from: '2020-01-01', value: { excellent: 85, good: 70, pass: 60 }, source: 'local measures' }];
const step = (id: string, kind: string, clause: string, orgKinds: string[], extra: Record<string, unknown> = {}) => ({ id, kind, clauses: [clause], actor: { orgKinds }, ...extra });
const dept = ['provincial_st_department'];

/** Like Sichuan's measures: sealed scans from host and recommender are a condition; a late report fails. */
const sealedScanProgramme = () => ({
  lineage: 'p1-intl-bases', version: '2021', level: 'local',
  issuer: { orgKind: 'provincial_st_department', name: { zh: '省科学技术厅', en: 'Provincial S&T Department' } },
  document: { title: { zh: '省国际科技合作基地管理办法', en: 'Provincial measures for international S&T cooperation bases' }, clauseIds: ['l1.6', 'l1.6.1', 'l1.6.2', 'l1.7', 'l1.7.1', 'l1.7.2', 'l1.7.3', 'l1.7.4', 'l1.14', 'l1.15'] },
  issuedOn: '2021-03-01', effectiveFrom: '2021-03-01', effectiveUntil: null, status: 'in_force', replaces: null, source: 'a21.s1 test data',
  types: [{
    id: 'joint_research_center', name: { zh: '省级国际联合研究中心', en: 'Provincial joint research center' },
    definitionClause: 'l1.6', procedureClause: 'l1.7',
    conditions: [
      { kind: 'narrative', clauses: ['l1.6.1'], params: { question: { zh: '具有稳定的国际合作渠道', en: 'Stable international cooperation' } } },
      { kind: 'holdsDocument', clauses: ['l1.6.2'], params: { kind: 'sealed_scan', label: { zh: '加盖公章的申报书扫描件', en: 'Sealed scan of the application' } } },
    ],
    procedure: [
      step('apply', 'institutionApply', 'l1.7.1', ['host_institution'], { deadlineBound: true }),
      step('recommend', 'recommend', 'l1.7.1', dept, { deadlineBound: true, params: { relation: 'territory' } }),
      step('check', 'formalCheck', 'l1.7.2', dept),
      step('prescreen', 'preScreen', 'l1.7.2', dept, { params: { by: 'experts' } }),
      step('decide', 'officeMeetingDecision', 'l1.7.3', dept, { deciding: true }),
      step('issue', 'issueDocument', 'l1.7.4', dept, { params: { issuers: ['provincial_st_department'] } }),
    ],
  }],
  callRules: { quota: [{ from: '2021-03-01', value: null, source: 'no quota' }], oneBasePerType: true, clauses: ['l1.7'] },
  grading: { thresholds, clauses: ['l1.14'] },
  annualReport: { dueMonthDay: '01-31', clauses: ['l1.14'] },
  consequences: { failedYearsForNotice: 2, banYears: 3, lateReportIsFail: true, commendGrades: ['excellent'], clauses: ['l1.15'] },
});

/** Like Yunnan's measures: an overseas demonstration park needing a land lease; 10 working days of 公示; one recommendation per department. */
const overseasParkProgramme = () => ({
  lineage: 'p2-intl-bases', version: '2020', level: 'local',
  issuer: { orgKind: 'provincial_st_department', name: { zh: '省科学技术厅', en: 'Provincial S&T Department' } },
  document: { title: { zh: '省国际科技合作基地认定管理办法', en: 'Provincial measures for recognizing international cooperation bases' }, clauseIds: ['l2.5', 'l2.5.1', 'l2.6', 'l2.6.1', 'l2.6.2', 'l2.7', 'l2.7.1', 'l2.7.2', 'l2.7.3', 'l2.7.4', 'l2.7.5', 'l2.14', 'l2.15'] },
  issuedOn: '2020-01-01', effectiveFrom: '2020-01-01', effectiveUntil: null, status: 'in_force', replaces: null, source: 'a21.s1 test data',
  types: ['provincial_demonstration_base', 'overseas_demonstration_park'].map((id) => ({
    id,
    name: id === 'provincial_demonstration_base' ? { zh: '省级示范型国际科技合作基地', en: 'Provincial demonstration base' } : { zh: '境外示范园区', en: 'Overseas demonstration park' },
    definitionClause: id === 'provincial_demonstration_base' ? 'l2.5' : 'l2.6', procedureClause: 'l2.7',
    conditions: id === 'provincial_demonstration_base'
      ? [{ kind: 'narrative', clauses: ['l2.5.1'], params: { question: { zh: '国际合作成效显著', en: 'Significant results of cooperation' } } }]
      : [
          { kind: 'narrative', clauses: ['l2.6.1'], params: { question: { zh: '园区运营良好', en: 'The park is well run' } } },
          { kind: 'holdsDocument', clauses: ['l2.6.2'], params: { kind: 'land_lease', label: { zh: '土地租赁合同', en: 'Land lease' } } },
        ],
    procedure: [
      step('apply', 'institutionApply', 'l2.7.1', ['host_institution'], { deadlineBound: true }),
      step('recommend', 'recommend', 'l2.7.1', dept, { deadlineBound: true, params: { relation: 'territory' } }),
      step('prescreen', 'preScreen', 'l2.7.2', dept, { params: { by: 'agency' } }),
      step('decide', 'officeMeetingDecision', 'l2.7.3', dept, { deciding: true }),
      step('notice', 'publicNotice', 'l2.7.4', dept, { params: { workingDays: 10 } }),
      step('issue', 'issueDocument', 'l2.7.5', dept, { params: { issuers: ['provincial_st_department'] } }),
    ],
  })),
  callRules: { quota: [{ from: '2020-01-01', value: { perRecommenderKind: { provincial_st_department: 1 }, scope: 'all_types' }, source: 'local call' }], oneBasePerType: true, clauses: ['l2.7'] },
  grading: { thresholds, clauses: ['l2.14'] },
  annualReport: { dueMonthDay: '12-31', clauses: ['l2.14'] },
  consequences: { failedYearsForNotice: 2, banYears: 3, lateReportIsFail: false, commendGrades: ['excellent'], clauses: ['l2.15'] },
});

describeEachDb('a21.s1: local programmes are data — configured, published and run end to end through the API', (getDb) => {
  let app: TestApp;
  let api: Api;
  beforeAll(async () => {
    app = await testApp(getDb());
    api = client(app);
  });
  afterAll(async () => app?.close());

  /** A call under a published version, open from yesterday for a week. */
  async function openLocalCall(who: string, programmeId: string, typeIds: string[]) {
    const call = await api.ok(who, 'POST', `/api/programmes/${programmeId}/calls`, { year: Number(today().slice(0, 4)), titleZh: '省级国际科技合作基地申报', titleEn: 'Call for provincial bases', typeIds, opensOn: addDays(today(), -1), deadlineOn: addDays(today(), 5) });
    return api.ok(who, 'POST', `/api/programmes/calls/${call.id}/open`, { version: call.version });
  }
  const act = (who: string, id: string, opinion = '同意') => api.post(who, `/api/recognition/applications/${id}/actions`, { action: 'approve', opinion });
  const okAct = async (who: string, id: string, opinion = '同意') => {
    const r = await act(who, id, opinion);
    if (r.statusCode !== 200) throw new Error(`${who} approve ${id} → ${r.statusCode} ${r.body}`);
    return r.json();
  };
  async function attach(who: string, id: string, clause: string) {
    const up = await api.upload(who, id, 'sealed.pdf', PDF_BYTES);
    expect(up.statusCode).toBe(201);
    const cur = (await api.get(who, `/api/recognition/applications/${id}`)).json();
    return api.ok(who, 'PATCH', `/api/recognition/applications/${id}`, { version: cur.version, sections: { [clause]: { attachmentIds: [up.json().id] } } });
  }
  const submit = async (who: string, id: string) => {
    const cur = (await api.get(who, `/api/recognition/applications/${id}`)).json();
    return api.post(who, `/api/recognition/applications/${id}/submit`, { version: cur.version });
  };

  it('a21.s1: the editor composes from the library — condition and step kinds with their params as JSON Schema; issuers and the ministry only', async () => {
    const lib = (await api.get('sichuan', '/api/programmes/library')).json();
    expect(lib.conditionKinds.map((k: { id: string }) => k.id)).toEqual(expect.arrayContaining(['registrationAge', 'holdsDocument', 'narrative', 'hasForeignPartners']));
    const notice = lib.stepKinds.find((k: { id: string }) => k.id === 'publicNotice');
    expect(notice).toMatchObject({ name: { zh: '公示' }, params: { type: 'object', required: ['workingDays'], properties: { workingDays: { type: 'integer' } } } });
    expect(lib.conditionKinds.find((k: { id: string }) => k.id === 'holdsDocument')).toMatchObject({ machineCheckable: true, params: { required: ['kind'] } });
    expect(lib.orgKinds).toContain('provincial_st_department');
    expect((await api.get('moist', '/api/programmes/library')).statusCode).toBe(200);
    expect((await api.get('saas', '/api/programmes/library')).statusCode).toBe(403);
  });

  it('a21.s1: the sealed-scan programme — validation names the path and rule, draft edited, previewed, published (then immutable), and an application runs to a base', async () => {
    // Validation: every problem names its path in the programme and the rule broken, in zh and en.
    const broken = sealedScanProgramme();
    (broken.types[0]!.procedure[4] as Record<string, unknown>).deciding = false;
    (broken.types[0]!.conditions[1] as { clauses: string[] }).clauses = ['l1.99'];
    const bad = await api.post('sichuan', '/api/programmes', { data: broken });
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.data.issues as Array<{ path: string; rule: string; message: { zh: string; en: string } }>;
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'types[0].conditions[1].clauses[0]', rule: 'unknown_clause' }),
      expect.objectContaining({ path: 'types[0].procedure', rule: 'one_deciding_step' }),
    ]));
    expect(issues[0]!.message.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(bad.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'data.types[0].conditions[1].clauses[0]', rule: 'unknown_clause' })]));
    // A body may only issue its own measures.
    const notIssuer = await api.post('sichuan', '/api/programmes', { data: { ...sealedScanProgramme(), issuer: { orgKind: 'ministry', name: { zh: '科技部', en: 'MOST' } } } });
    expect(notIssuer.json().error.data.issues).toEqual([expect.objectContaining({ path: 'issuer.orgKind', rule: 'issuer_is_editor' })]);
    expect((await api.post('saas', '/api/programmes', { data: sealedScanProgramme() })).statusCode).toBe(403);

    const draft = await api.ok('sichuan', 'POST', '/api/programmes', { data: sealedScanProgramme() });
    expect(draft).toMatchObject({ status: 'draft', lineage: 'p1-intl-bases', label: '2021', publishedKey: null });
    const edited = sealedScanProgramme();
    edited.document.title.zh = '省国际科技合作基地管理办法（修订）';
    const saved = await api.ok('sichuan', 'PATCH', `/api/programmes/${draft.id}`, { version: draft.version, data: edited });
    expect(saved.title.zh).toContain('修订');
    const preview = (await api.get('sichuan', `/api/programmes/${draft.id}/preview`)).json();
    expect(preview.types[0].sections.map((s: { clause: string }) => s.clause)).toEqual(['l1.6.1', 'l1.6.2']);
    expect(preview.types[0].sections[1].conditions[0]).toMatchObject({ kind: 'holdsDocument', upload: { kind: 'sealed_scan' } });
    expect(preview.types[0].steps.map((s: { kind: string }) => s.kind)).toEqual(['institutionApply', 'recommend', 'formalCheck', 'preScreen', 'officeMeetingDecision', 'issueDocument']);
    expect(preview.consequences).toMatchObject({ lateReportIsFail: true });

    const published = await api.ok('sichuan', 'POST', `/api/programmes/${draft.id}/publish`, { version: saved.version });
    expect(published).toMatchObject({ status: 'published', publishedKey: 'p1-intl-bases@2021' });
    // A published version never changes: an edit is refused, a new version is a new draft that replaces it.
    const refused = await api.patch('sichuan', `/api/programmes/${draft.id}`, { version: published.version, data: edited });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.data).toMatchObject({ code: 'programme_published', publishedKey: 'p1-intl-bases@2021' });
    const next = await api.ok('sichuan', 'POST', `/api/programmes/${draft.id}/versions`, { label: '2027', effectiveFrom: '2027-01-01' });
    expect(next).toMatchObject({ status: 'draft', label: '2027', replaces: 'p1-intl-bases@2021', replacesId: draft.id });
    expect((await api.get('moist', '/api/recognition/programmes/p1-intl-bases@2021')).json().data.document.title.zh).toContain('修订');

    const call = await openLocalCall('sichuan', draft.id, ['joint_research_center']);
    expect(call).toMatchObject({ programmeKey: 'p1-intl-bases@2021', status: 'open', acceptingNow: true, quota: null });
    const created = await api.ok('saas', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'joint_research_center', title: '省农业科学院国际联合研究中心', fields: ['agriculture'] });
    const id = created.id as string;
    // Without the sealed scan the application cannot be filed; the refusal cites the local clause.
    const early = await submit('saas', id);
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ clause: 'l1.6.2', data: { code: 'not_eligible' } });
    await attach('saas', id, 'l1.6.2');
    const form = (await api.get('saas', `/api/recognition/applications/${id}/form`)).json();
    expect(form.sections.find((s: { clause: string }) => s.clause === 'l1.6.2').verdicts[0]).toMatchObject({ met: true });
    expect((await submit('saas', id)).statusCode).toBe(200);
    await okAct('sichuan', id, '同意推荐，纸质材料加盖公章');
    await okAct('sichuan', id, '材料齐全，加盖公章');
    await okAct('sichuan', id, '预审通过');
    const decided = await okAct('sichuan', id, '厅务会同意认定');
    expect(decided).toMatchObject({ stepId: 'issue', status: 'in_progress' });
    // The issuing step is the department's document, not a plain approval.
    const issued = await api.ok('sichuan', 'POST', `/api/programmes/applications/${id}/issue`, { documentNumber: '科厅外〔2026〕7号', opinion: '同意认定' });
    expect(issued).toMatchObject({ status: 'recognized', baseId: expect.any(String) });
    expect((await api.get('saas', `/api/recognition/applications/${id}`)).json()).toMatchObject({ status: 'recognized' });
    // The provincial base is seen by its province and the ministry, not by another province.
    expect((await api.get('sichuan', `/api/bases/${issued.baseId}`)).statusCode).toBe(200);
    expect((await api.get('moist', `/api/bases/${issued.baseId}`)).statusCode).toBe(200);
    expect((await api.get('yunnan', `/api/bases/${issued.baseId}`)).statusCode).toBe(404);
  });

  it('a21.s1: the overseas-park programme — land lease required, one recommendation per department across types, 10 working days of 公示, scope by province', async () => {
    const data = overseasParkProgramme();
    (data.types[1]!.procedure[4] as unknown as { params: unknown }).params = { workingDays: 0 };
    const bad = await api.post('yunnan', '/api/programmes', { data });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.data.issues).toEqual([expect.objectContaining({ path: 'types[1].procedure[4].params.workingDays', rule: 'too_small' })]);

    const draft = await api.ok('yunnan', 'POST', '/api/programmes', { data: overseasParkProgramme() });
    // Scope: another province's programme by id is not found; the ministry sees every programme.
    expect((await api.get('sichuan', `/api/programmes/${draft.id}`)).statusCode).toBe(404);
    expect((await api.patch('sichuan', `/api/programmes/${draft.id}`, { version: draft.version, data: overseasParkProgramme() })).statusCode).toBe(404);
    expect((await api.post('sichuan', `/api/programmes/${draft.id}/publish`, { version: draft.version })).statusCode).toBe(404);
    expect((await api.get('sichuan', '/api/programmes')).json().map((p: { id: string }) => p.id)).not.toContain(draft.id);
    expect((await api.get('moist', `/api/programmes/${draft.id}`)).statusCode).toBe(200);
    expect((await api.get('moist', '/api/programmes')).json().map((p: { lineage: string }) => p.lineage)).toEqual(expect.arrayContaining(['p1-intl-bases', 'p2-intl-bases']));
    // The lineage is the issuer's: another body cannot publish versions of it.
    const taken = await api.post('sichuan', '/api/programmes', { data: { ...overseasParkProgramme(), version: '2030' } });
    expect(taken.json().error.data.issues).toEqual([expect.objectContaining({ path: 'lineage', rule: 'lineage_taken' })]);

    // Preview: the extra type's form asks for a land lease; the step bar shows 10 working days of
    // 公示 on China's calendar (across National Day and the make-up Saturday of 10 October).
    const preview = (await api.get('yunnan', `/api/programmes/${draft.id}/preview?noticeFrom=2026-09-23`)).json();
    const park = preview.types.find((t: { id: string }) => t.id === 'overseas_demonstration_park');
    expect(park.sections.find((s: { clause: string }) => s.clause === 'l2.6.2').conditions[0]).toMatchObject({ kind: 'holdsDocument', upload: { kind: 'land_lease', label: { zh: '土地租赁合同' } } });
    expect(park.steps.find((s: { kind: string }) => s.kind === 'publicNotice').notice).toEqual({ workingDays: 10, from: '2026-09-23', endsOn: '2026-10-14' });
    // A year the holiday calendar does not cover is an error for the administrator, naming the year.
    const missing = await api.get('yunnan', `/api/programmes/${draft.id}/preview?noticeFrom=2099-06-01`);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ clause: 'l2.7.4', data: { code: 'calendar_year_missing', year: 2099 } });

    await api.ok('yunnan', 'POST', `/api/programmes/${draft.id}/publish`, { version: draft.version });
    // Calls: a call whose 公示 would fall in an uncovered year cannot open.
    const far = await api.ok('yunnan', 'POST', `/api/programmes/${draft.id}/calls`, { year: 2098, titleZh: '远期申报', typeIds: ['overseas_demonstration_park'], opensOn: '2098-12-01', deadlineOn: '2098-12-30' });
    const farOpen = await api.post('yunnan', `/api/programmes/calls/${far.id}/open`, { version: far.version });
    expect(farOpen.statusCode).toBe(422);
    expect(farOpen.json().error.data).toMatchObject({ code: 'calendar_year_missing' });
    expect((await api.post('sichuan', `/api/programmes/calls/${far.id}/open`, { version: far.version })).statusCode).toBe(404);
    expect((await api.post('yunnan', `/api/programmes/${draft.id}/calls`, { year: 2026, titleZh: '申报', typeIds: ['joint_research_center'], opensOn: today(), deadlineOn: addDays(today(), 3) })).statusCode).toBe(400);

    const call = await openLocalCall('yunnan', draft.id, ['overseas_demonstration_park', 'provincial_demonstration_base']);
    expect(call.quota).toEqual({ perRecommenderKind: { provincial_st_department: 1 }, scope: 'all_types' });

    const park1 = (await api.ok('ynu', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'overseas_demonstration_park', title: '大学境外示范园区', fields: ['agriculture'] })).id as string;
    const demo1 = (await api.ok('ynu', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'provincial_demonstration_base', title: '大学示范型国际科技合作基地', fields: ['ecology_environment'] })).id as string;
    const noLease = await submit('ynu', park1);
    expect(noLease.json().error).toMatchObject({ clause: 'l2.6.2', data: { code: 'not_eligible' } });
    await attach('ynu', park1, 'l2.6.2');
    expect((await submit('ynu', park1)).statusCode).toBe(200);
    expect((await submit('ynu', demo1)).statusCode).toBe(200);
    // Another province is not a recommender here.
    expect((await act('sichuan', park1)).statusCode).toBe(404);
    await okAct('yunnan', park1, '同意推荐');
    // One recommendation per department across all types (the programme's quota, in force when the call opened).
    const second = await act('yunnan', demo1, '同意推荐');
    expect(second.statusCode).toBe(422);
    expect(second.json().error.data).toMatchObject({ code: 'quota_exceeded' });

    await okAct('yunnan', park1, '受托机构预审通过');
    const atNotice = await okAct('yunnan', park1, '厅长办公会同意');
    expect(atNotice).toMatchObject({ stepId: 'notice', status: 'in_progress' });
    const running = await act('yunnan', park1, '公示无异议');
    expect(running.statusCode).toBe(422);
    expect(running.json().error.data).toMatchObject({ code: 'notice_period_running', endsOn: expect.any(String) });
    expect(running.json().error.data.endsOn > addDays(today(), 13)).toBe(true);
    // Let the 10 working days pass: the notice opened three weeks ago.
    const [row] = await getDb().db.select().from(applications).where(eq(applications.id, park1));
    const state = structuredClone(row!.state);
    const last = state.history[state.history.length - 1]!;
    last.at = new Date(Date.now() - 21 * 86_400_000).toISOString();
    await getDb().db.update(applications).set({ state }).where(eq(applications.id, park1));
    await okAct('yunnan', park1, '公示期满无异议');
    const issued = await api.ok('yunnan', 'POST', `/api/programmes/applications/${park1}/issue`, { documentNumber: '科外〔2026〕3号', opinion: '同意认定为境外示范园区' });
    expect(issued).toMatchObject({ status: 'recognized', baseId: expect.any(String) });
    expect((await api.get('yunnan', `/api/bases/${issued.baseId}`)).json()).toMatchObject({ programmeKey: 'p2-intl-bases@2020', typeId: 'overseas_demonstration_park' });
    expect((await api.get('sichuan', `/api/bases/${issued.baseId}`)).statusCode).toBe(404);
    // Only the issuer of the programme signs its documents.
    expect((await api.post('sichuan', `/api/programmes/applications/${demo1}/issue`, { documentNumber: 'x〔2026〕1号', opinion: '同意' })).statusCode).toBe(404);
  });
});
