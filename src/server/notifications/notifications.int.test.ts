import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { signInAs, testApp, type TestApp } from '../testing/app.js';
import { notifications, users } from '../accounts/tables.js';
import { auditLog } from '../platform/audit/tables.js';

describeEachDb('message center', (getDb) => {
  let app: TestApp;
  let tsinghuaId: string;
  beforeAll(async () => {
    app = await testApp(getDb());
    const db = getDb().db;
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'tsinghua'));
    tsinghuaId = u!.id;
    await db.insert(notifications).values([
      { userId: tsinghuaId, kind: 'recognition.returned', params: { title: '清华<b>中心</b>' }, link: '/applications/x' },
      { userId: tsinghuaId, kind: 'annual_report_reminder', params: { year: 2026, due: '2027-01-31' }, link: 'https://evil.example/' },
    ]);
  });
  afterAll(async () => { await app.close(); });

  it('lists my messages in the language asked, with text not HTML and only our own links', async () => {
    const { headers } = await signInAs(app, 'tsinghua');
    const zh = (await app.inject({ method: 'GET', url: '/api/notifications', headers: { ...headers, 'x-guohe-lang': 'zh-CN' } })).json();
    expect(zh.unread).toBeGreaterThanOrEqual(2);
    const returned = zh.items.find((n: { kind: string }) => n.kind === 'recognition.returned');
    expect(returned.title).toBe('申报被退回修改：清华<b>中心</b>');
    expect(returned.link).toBe('/applications/x');
    const reminder = zh.items.find((n: { kind: string }) => n.kind === 'annual_report_reminder');
    expect(reminder.link).toBeNull();
    const en = (await app.inject({ method: 'GET', url: '/api/notifications', headers: { ...headers, 'x-guohe-lang': 'en-US' } })).json();
    expect(en.items.find((n: { kind: string }) => n.kind === 'annual_report_reminder').title).toBe('Reminder: annual report 2026');
  });

  it('another user’s message by its id is a 404, and nothing changes', async () => {
    const db = getDb().db;
    const [mine] = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, tsinghuaId)).limit(1);
    const { headers } = await signInAs(app, 'scu');
    const res = await app.inject({ method: 'POST', url: `/api/notifications/${mine!.id}/read`, headers });
    expect(res.statusCode).toBe(404);
    const [after] = await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, mine!.id));
    expect(after!.readAt).toBeNull();
  });

  it('marking one and then all read is audited and lowers the unread count to zero', async () => {
    const { headers } = await signInAs(app, 'tsinghua');
    const list = (await app.inject({ method: 'GET', url: '/api/notifications?unread=true', headers })).json();
    const first = list.items[0].id as string;
    const one = await app.inject({ method: 'POST', url: `/api/notifications/${first}/read`, headers });
    expect(one.json()).toEqual({ ok: true, changed: true });
    const again = await app.inject({ method: 'POST', url: `/api/notifications/${first}/read`, headers });
    expect(again.json()).toEqual({ ok: true, changed: false });
    const all = (await app.inject({ method: 'POST', url: '/api/notifications/read-all', headers })).json();
    expect(all.marked).toBe(list.unread - 1);
    const after = (await app.inject({ method: 'GET', url: '/api/notifications', headers })).json();
    expect(after.unread).toBe(0);
    const audits = await getDb().db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, first));
    expect(audits.map((a) => a.action)).toContain('notification.read');
  });
});
