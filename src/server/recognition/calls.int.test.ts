// Editing a call (申报通知) before and during filing, and the deadline after a return: the rule of
// the domain (returnedAfterDeadline) decides, the server only feeds it the application's history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addDays } from '../../regulation/index.js';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { auditLog } from '../platform/audit/tables.js';
import { client, openCall, today, type Api } from './testing.js';

describeEachDb('recognition calls: editing, and late refiling after a return', (getDb) => {
  let app: TestApp;
  let api: Api;
  const errorOf = (res: { json: () => any }) => res.json().error as { code: string; clause?: string; fields?: { field: string; rule: string }[]; data?: Record<string, unknown> };
  const getCall = async (id: string) => (await api.get('moist', `/api/recognition/calls/${id}`)).json();
  const moveDeadline = async (id: string, days: number) => {
    const cur = await getCall(id);
    return api.ok('moist', 'PATCH', `/api/recognition/calls/${id}`, { version: cur.version, deadlineOn: addDays(today(), days) });
  };

  beforeAll(async () => {
    app = await testApp(getDb());
    api = client(app);
  });
  afterAll(async () => app?.close());

  it('a draft is edited entirely; an open call keeps its year, types and opening; a closed call is not edited; each edit is audited', async () => {
    const draft = await api.ok('moist', 'POST', '/api/recognition/calls', {
      year: 2026, titleZh: '草稿批次', typeIds: ['demonstration_base'], opensOn: addDays(today(), -1), deadlineOn: addDays(today(), 20),
    });
    const edited = await api.ok('moist', 'PATCH', `/api/recognition/calls/${draft.id}`, { version: draft.version, titleZh: '2026年度示范型基地申报', typeIds: ['demonstration_base', 'joint_research_center'] });
    expect(edited).toMatchObject({ titleZh: '2026年度示范型基地申报', typeIds: ['demonstration_base', 'joint_research_center'], version: draft.version + 1 });

    const opened = await api.ok('moist', 'POST', `/api/recognition/calls/${draft.id}/open`, { version: edited.version });
    const extended = await api.ok('moist', 'PATCH', `/api/recognition/calls/${draft.id}`, { version: opened.version, titleEn: 'Call 2026', deadlineAt: `${addDays(today(), 40)}T18:00:00+08:00` });
    expect(extended.deadline).toBe(new Date(`${addDays(today(), 40)}T18:00:00+08:00`).toISOString());
    // Sending the unchanged announced values is fine; changing them is refused, naming each field.
    expect((await api.patch('moist', `/api/recognition/calls/${draft.id}`, { version: extended.version, year: 2026, typeIds: ['joint_research_center', 'demonstration_base'] })).statusCode).toBe(200);
    const fixed = await api.patch('moist', `/api/recognition/calls/${draft.id}`, { version: extended.version + 1, year: 2027, typeIds: ['demonstration_base'], opensOn: addDays(today(), 1) });
    expect(fixed.statusCode).toBe(400);
    expect(errorOf(fixed).fields?.map((f) => [f.field, f.rule])).toEqual([['year', 'fixed_once_open'], ['typeIds', 'fixed_once_open'], ['opensOn', 'fixed_once_open']]);
    // A stale version is a 409 with the current one; nothing changed.
    const stale = await api.patch('moist', `/api/recognition/calls/${draft.id}`, { version: opened.version, titleZh: '旧版本上的修改' });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).data).toMatchObject({ currentVersion: extended.version + 1 });
    expect((await getCall(draft.id)).titleZh).toBe('2026年度示范型基地申报');
    // The deadline must follow the opening; an institution may not edit calls.
    expect(errorOf(await api.patch('moist', `/api/recognition/calls/${draft.id}`, { version: extended.version + 1, deadlineOn: addDays(today(), -3) })).fields?.[0]).toMatchObject({ field: 'deadlineOn' });
    expect((await api.patch('tsinghua', `/api/recognition/calls/${draft.id}`, { version: extended.version + 1, titleZh: '越权修改' })).statusCode).toBe(403);

    const closed = await api.ok('moist', 'POST', `/api/recognition/calls/${draft.id}/close`, { version: extended.version + 1 });
    const late = await api.patch('moist', `/api/recognition/calls/${draft.id}`, { version: closed.version, deadlineOn: addDays(today(), 60) });
    expect(late.statusCode).toBe(422);
    expect(errorOf(late).code).toBe('rule_refused');

    const audited = await getDb().db.select({ action: auditLog.action }).from(auditLog)
      .where(and(eq(auditLog.entityType, 'recognition_call'), eq(auditLog.entityId, draft.id))).orderBy(auditLog.id);
    expect(audited.map((a) => a.action)).toEqual(['recognition.call.create', 'recognition.call.update', 'recognition.call.open', 'recognition.call.update', 'recognition.call.update', 'recognition.call.closed']);
  });

  it('a8.p2: returned for revision after the deadline, the application is refiled and recommended again late; a draft never returned is late', async () => {
    const call = await openCall(api, ['demonstration_base']);
    const file = async (who: string, title: string) => {
      const d = await api.ok(who, 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'demonstration_base', title, fields: [] });
      return api.ok(who, 'POST', `/api/recognition/applications/${d.id}/submit`, { version: d.version });
    };
    const lateReturn = await file('zjlt', '张江联拓国际科技合作基地');
    const never = await api.ok('hunau', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'demonstration_base', title: '湖南农业大学国际科技合作基地', fields: [] });
    // 上海市科委 recommends in time; after the deadline 国际合作司's formal check returns it.
    await api.ok('shanghai', 'POST', `/api/recognition/applications/${lateReturn.id}/actions`, { action: 'approve', opinion: '同意推荐' });
    await moveDeadline(call.id, -1);
    const returnedLate = await api.ok('moist', 'POST', `/api/recognition/applications/${lateReturn.id}/actions`, { action: 'return', reason: '请补充国外合作方证明' });
    const form = (await api.get('zjlt', `/api/recognition/applications/${lateReturn.id}/form`)).json();
    expect(form.eligibility.verdicts[0]).toMatchObject({ clause: 'a8.p2', met: true });
    const again = await api.ok('zjlt', 'POST', `/api/recognition/applications/${lateReturn.id}/submit`, { version: returnedLate.version });
    expect(again).toMatchObject({ status: 'in_progress', stepId: 'recommend' });
    const recommended = await api.ok('shanghai', 'POST', `/api/recognition/applications/${lateReturn.id}/actions`, { action: 'approve', opinion: '同意推荐' });
    expect(recommended.stepId).toBe('formal_check');
    // A draft never returned stays late. (A return before the deadline waives nothing either: the unit test.)
    const refused = await api.post('hunau', `/api/recognition/applications/${never.id}/submit`, { version: never.version });
    expect(errorOf(refused)).toMatchObject({ clause: 'a8.p2', data: { code: 'deadline_passed' } });
  });
});
