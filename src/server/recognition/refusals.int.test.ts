// The refusals of recognition at the API: each answers 422 with the refusing clause and code (or
// 404 outside the actor's data scope, 409 on a stale version), never a silent success.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addDays, addYears } from '../../regulation/index.js';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { organizations } from '../organizations/tables.js';
import { bases } from '../bases/tables.js';
import { approve, client, openCall, today, type Api } from './testing.js';

describeEachDb('recognition refusals', (getDb) => {
  let app: TestApp;
  let api: Api;
  let call: { id: string; version: number };
  const db = () => getDb().db;
  const orgId = async (key: string) => (await db().select({ id: organizations.id }).from(organizations).where(eq(organizations.key, key)))[0]!.id;
  const draft = (who: string, typeId: string, title = `${who}国际科技合作基地`) =>
    api.ok(who, 'POST', '/api/recognition/applications', { callId: call.id, typeId, title, fields: [] });
  const submit = (who: string, a: { id: string; version: number }) => api.post(who, `/api/recognition/applications/${a.id}/submit`, { version: a.version });
  const errorOf = (res: { json: () => any }) => res.json().error as { code: string; clause?: string; message: string; data?: Record<string, unknown> };

  beforeAll(async () => {
    app = await testApp(getDb());
    api = client(app);
    call = await openCall(api, ['joint_research_center', 'tech_transfer_center', 'demonstration_base']);
  });
  afterAll(async () => app?.close());

  it('a8.p2.i1 wrong_recommender: a provincial government is not a recommending department', async () => {
    const a = await draft('wiv', 'demonstration_base');
    await api.ok('wiv', 'POST', `/api/recognition/applications/${a.id}/submit`, { version: a.version });
    const res = await api.post('gov-hubei', `/api/recognition/applications/${a.id}/actions`, { action: 'approve', opinion: '同意推荐' });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: 'rule_refused', clause: 'a8.p2.i1', data: { code: 'wrong_recommender' } });
    // CAS, the affiliated department (a11.s0), may.
    expect((await approve(api, 'cas', a.id, '同意推荐')).stepId).toBe('formal_check');
  });

  it('a9.s1 out of scope: another province’s application by id is 404, for reading and for acting', async () => {
    const a = await draft('fzu', 'demonstration_base');
    await submit('fzu', a);
    expect((await api.get('hunan', `/api/recognition/applications/${a.id}`)).statusCode).toBe(404);
    expect((await api.post('hunan', `/api/recognition/applications/${a.id}/actions`, { action: 'approve', opinion: '同意' })).statusCode).toBe(404);
    expect((await api.get('hunau', `/api/recognition/applications/${a.id}`)).statusCode).toBe(404);
    const list = (await api.get('hunan', '/api/recognition/applications')).json();
    expect(list.items.some((i: { id: string }) => i.id === a.id)).toBe(false);
  });

  it('a8.p2.i1 out_of_turn: 国际合作司 cannot review before the recommendation', async () => {
    const a = await draft('qdu', 'demonstration_base');
    await submit('qdu', a);
    const res = await api.post('moist', `/api/recognition/applications/${a.id}/actions`, { action: 'approve', opinion: '同意' });
    expect(errorOf(res)).toMatchObject({ clause: 'a8.p2.i1', data: { code: 'out_of_turn', currentStep: 'recommend' } });
    // The Qingdao bureau (计划单列市) recommends for Qingdao, not the Shandong department.
    expect((await api.get('shandong', `/api/recognition/applications/${a.id}`)).statusCode).toBe(404);
    expect((await approve(api, 'qingdao', a.id)).stepId).toBe('formal_check');
  });

  it('a7.p2.i1 missing_support_opinion: the recommender cannot act before the zone', async () => {
    const a = await draft('jcitt', 'tech_transfer_center');
    await submit('jcitt', a);
    const res = await api.post('sichuan', `/api/recognition/applications/${a.id}/actions`, { action: 'approve', opinion: '同意推荐' });
    expect(errorOf(res)).toMatchObject({ clause: 'a7.p2.i1', data: { code: 'missing_support_opinion' } });
  });

  describe('a7.p1.i1 registered ≥ 1 year (以上 includes the number): both sides of the anniversary', () => {
    it('one day short of a year: refused not_eligible', async () => {
      await db().update(organizations).set({ registeredOn: addDays(addYears(today(), -1), 1) }).where(eq(organizations.key, 'inst-khitt'));
      const a = await draft('khitt', 'tech_transfer_center');
      const res = await submit('khitt', a);
      expect(res.statusCode).toBe(422);
      expect(errorOf(res)).toMatchObject({ clause: 'a7.p1.i1', data: { code: 'not_eligible' } });
      const form = (await api.get('khitt', `/api/recognition/applications/${a.id}/form`)).json();
      expect(form.eligibility.blocking).toMatchObject({ clause: 'a7.p1.i1', code: 'not_eligible' });
    });
    it('exactly one year today: allowed', async () => {
      await db().update(organizations).set({ registeredOn: addYears(today(), -1) }).where(eq(organizations.key, 'inst-khitt'));
      const list = (await api.get('khitt', '/api/recognition/applications')).json();
      const a = list.items[0];
      expect((await submit('khitt', a)).statusCode).toBe(200);
    });
  });

  it('a13.s5 banned: a unit revoked a year ago may not apply; the refusal names the date it may apply again', async () => {
    const revokedOn = addYears(today(), -1);
    await db().insert(bases).values({
      code: 'GH-TEST-REVOKED', programmeKey: 'most-bases@2011', typeId: 'demonstration_base', nameZh: '已取消资格的基地', hostOrgId: await orgId('inst-cysw'),
      recognizedOn: '2015-01-01', status: 'revoked', statusChangedOn: revokedOn,
    });
    const a = await draft('cysw', 'demonstration_base');
    const res = await submit('cysw', a);
    expect(errorOf(res)).toMatchObject({ clause: 'a13.s5', data: { code: 'banned', mayApplyFrom: addYears(revokedOn, 3) } });
    expect(errorOf(res).message).toContain(addYears(revokedOn, 3));
  });

  it('a4.s1 duplicate_type: a unit holding an active base of the type cannot apply for it again', async () => {
    await db().insert(bases).values({
      code: 'GH-TEST-ACTIVE', programmeKey: 'most-bases@2011', typeId: 'demonstration_base', nameZh: '量衡智算示范型国际科技合作基地', hostOrgId: await orgId('inst-lhzs'),
      recognizedOn: '2020-01-01', status: 'active',
    });
    const a = await draft('lhzs', 'demonstration_base');
    const res = await submit('lhzs', a);
    expect(errorOf(res)).toMatchObject({ clause: 'a4.s1', data: { code: 'duplicate_type' } });
    // A second draft of the same type in the same call is a duplicate record.
    expect((await api.post('lhzs', '/api/recognition/applications', { callId: call.id, typeId: 'demonstration_base', title: '再一次申报' })).statusCode).toBe(409);
  });

  it('late submission is refused with the deadline named (Beijing time); the institution learns when', async () => {
    const a = await draft('sccn', 'demonstration_base');
    // The ministry moves the deadline to yesterday.
    const cur = (await api.get('moist', `/api/recognition/calls/${call.id}`)).json();
    const moved = await api.ok('moist', 'PATCH', `/api/recognition/calls/${call.id}`, { version: cur.version, deadlineOn: addDays(today(), -1) });
    expect(moved.deadline).toBe(new Date(`${addDays(today(), -1)}T23:59:59.999+08:00`).toISOString());
    const res = await submit('sccn', a);
    expect(errorOf(res)).toMatchObject({ clause: 'a8.p2', data: { code: 'deadline_passed', deadline: moved.deadline } });
    expect(errorOf(res).message).toContain(`${addDays(today(), -1)} 23:59`);
    await api.ok('moist', 'PATCH', `/api/recognition/calls/${call.id}`, { version: moved.version, deadlineOn: addDays(today(), 30) });
  });

  it('return for revision with reasons, then resubmission (a8.p2.i1)', async () => {
    const a = await draft('zjlt', 'demonstration_base');
    await submit('zjlt', a);
    const noReason = await api.post('shanghai', `/api/recognition/applications/${a.id}/actions`, { action: 'return', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const returned = await api.ok('shanghai', 'POST', `/api/recognition/applications/${a.id}/actions`, { action: 'return', reason: '请补充合作协议' });
    expect(returned).toMatchObject({ status: 'returned', stepId: 'apply' });
    const edited = await api.ok('zjlt', 'PATCH', `/api/recognition/applications/${a.id}`, { version: returned.version, sections: { 'a8.p1.i2': { narrative: '已补充合作协议' } } });
    const again = await api.ok('zjlt', 'POST', `/api/recognition/applications/${a.id}/submit`, { version: edited.version });
    expect(again).toMatchObject({ status: 'in_progress', stepId: 'recommend' });
    const detail = (await api.get('zjlt', `/api/recognition/applications/${a.id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'return', 'submit']);
    expect(detail.events[1]).toMatchObject({ text: '请补充合作协议', clauses: [{ id: 'a8.p2.i1' }] });
  });

  it('withdraw before the deadline: pull back to edit, then abandon; not the recommender’s to withdraw', async () => {
    const d = await draft('hunau', 'demonstration_base');
    const s = await api.ok('hunau', 'POST', `/api/recognition/applications/${d.id}/submit`, { version: d.version });
    const byRecommender = await api.post('hunan', `/api/recognition/applications/${d.id}/actions`, { action: 'withdraw', mode: 'abandon' });
    expect(errorOf(byRecommender).data).toMatchObject({ code: 'not_own_submission' });
    const back = await api.ok('hunau', 'POST', `/api/recognition/applications/${d.id}/actions`, { action: 'withdraw', mode: 'to_edit', version: s.version });
    expect(back).toMatchObject({ status: 'draft', stepId: 'apply' });
    const gone = await api.ok('hunau', 'POST', `/api/recognition/applications/${d.id}/actions`, { action: 'withdraw', mode: 'abandon', reason: '本年度暂不申报' });
    expect(gone.status).toBe('withdrawn');
    const after = await api.post('hunau', `/api/recognition/applications/${d.id}/actions`, { action: 'withdraw', mode: 'abandon' });
    expect(errorOf(after).data).toMatchObject({ code: 'invalid_state' });
  });

  it('a6.p1.i1 not_eligible: an institution with provincial projects only is refused with the clause', async () => {
    const a = await draft('fzu', 'joint_research_center', '福州大学国际联合研究中心');
    expect(errorOf(await submit('fzu', a))).toMatchObject({ clause: 'a6.p1.i1', data: { code: 'not_eligible' } });
  });

  it('optimistic concurrency: a stale version gets 409 with the current version', async () => {
    const a = await draft('ynu', 'joint_research_center', '云南大学国际联合研究中心');
    const first = await api.ok('ynu', 'PATCH', `/api/recognition/applications/${a.id}`, { version: a.version, title: '云南大学生态国际联合研究中心' });
    const stale = await api.patch('ynu', `/api/recognition/applications/${a.id}`, { version: a.version, title: '另一个名称' });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale)).toMatchObject({ code: 'conflict', data: { currentVersion: first.version } });
    expect((await api.post('ynu', `/api/recognition/applications/${a.id}/submit`, { version: a.version })).statusCode).toBe(409);
  });
});
