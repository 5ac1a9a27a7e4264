// The alliance walked end to end through HTTP: a base applies and is admitted, reads the
// secretariat's announcement, joins a working group, shares a resource; the secretariat runs a
// training with registration, materials and attendance; the attendance appears in the base's
// annual summary (a17.s1, typed once) and in the secretariat's work report and its Excel export.
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { signInAs, testApp, type TestApp } from '../testing/app.js';
import { clock } from '../bases/clock.js';
import { bases } from '../bases/tables.js';

type Session = Awaited<ReturnType<typeof signInAs>>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
function multipart(name: string, content: Buffer) {
  const boundary = '----guohe' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDb('the alliance end to end through HTTP (a18.s1, a18.s2, a17.s1, a20.s1)', (getDb) => {
  let app: TestApp;
  let sec: Session, lzu: Session, tsinghua: Session, hit: Session, moist: Session;
  let lzuBase: string, tsinghuaBase: string;
  const realNow = clock.now;

  beforeAll(async () => {
    // A fixed day inside an open reporting year (2026), so the summary has a year to read.
    clock.now = () => new Date('2026-09-15T02:00:00Z');
    app = await testApp(getDb());
    [sec, lzu, tsinghua, hit, moist] = await Promise.all([signInAs(app, 'secretariat'), signInAs(app, 'lzu'), signInAs(app, 'tsinghua'), signInAs(app, 'hit'), signInAs(app, 'moist')]);
    const code = async (c: string) => (await getDb().db.select({ id: bases.id }).from(bases).where(eq(bases.code, c)))[0]!.id;
    lzuBase = await code('GH-2018-DB-0001');
    tsinghuaBase = await code('GH-2012-JRC-0001');
  });
  afterAll(async () => {
    clock.now = realNow;
    await app.close();
  });

  const call = (who: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => app.inject({ method, url, headers: who.headers, ...(payload ? { payload: payload as object } : {}) });
  const ok = async (who: Session, method: 'GET' | 'POST', url: string, payload?: unknown, status = method === 'GET' ? 200 : 201) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };

  it('a18.s1, a18.s2, a17.s1: join, share, train, attend — and the base’s summary and the work report show it', async () => {
    // Join (a18.s1), admitted by the secretariat (a18.s2).
    const m = await ok(lzu, 'POST', '/api/alliance/memberships', { baseId: lzuBase, statement: '申请加入联盟' });
    expect((await call(lzu, 'GET', '/api/alliance/announcements')).statusCode).toBe(404);
    await ok(sec, 'POST', `/api/alliance/memberships/${m.id}/accept`, { version: m.version }, 200);
    expect((await ok(lzu, 'GET', '/api/alliance/overview')).role).toBe('member');

    // Announcements, groups, resources.
    await ok(sec, 'POST', '/api/alliance/announcements', { titleZh: '关于报名参加技术转移培训的通知', bodyZh: '请成员基地报名。' });
    expect((await ok(lzu, 'GET', '/api/alliance/announcements')).map((a: { titleZh: string }) => a.titleZh)).toContain('关于报名参加技术转移培训的通知');
    const group = await ok(sec, 'POST', '/api/alliance/groups', { kind: 'field', fieldId: 'agriculture', nameZh: '现代农业领域工作组' });
    await ok(lzu, 'POST', `/api/alliance/groups/${group.id}/members`, { baseId: lzuBase }, 200);
    expect((await call(lzu, 'POST', `/api/alliance/groups/${group.id}/members`, { baseId: lzuBase })).statusCode).toBe(409);
    const groups = await ok(tsinghua, 'GET', '/api/alliance/groups');
    expect(groups.find((g: { id: string }) => g.id === group.id).members.map((x: { baseId: string }) => x.baseId)).toEqual([lzuBase]);
    await ok(lzu, 'POST', '/api/alliance/resources', { baseId: lzuBase, kind: 'equipment', titleZh: '干旱区生态观测站共享', contact: 'eco@lzu.example' });
    expect((await ok(tsinghua, 'GET', '/api/alliance/resources?kind=equipment')).map((r: { titleZh: string }) => r.titleZh)).toContain('干旱区生态观测站共享');
    expect((await call(hit, 'POST', '/api/alliance/resources', { baseId: (await ok(hit, 'GET', '/api/alliance/overview')).bases[0].baseId, kind: 'service', titleZh: '非成员发布' })).statusCode).toBe(422);

    // A training (a17.s1) and a meeting whose title would be a formula in Excel.
    const before = await ok(lzu, 'GET', `/api/alliance/bases/${lzuBase}/contribution?year=2026`);
    const training = await ok(sec, 'POST', '/api/alliance/events', { kind: 'training', titleZh: '国际合作项目管理培训', startsOn: '2026-09-15', endsOn: '2026-09-16', place: '兰州', capacity: 10, registrationCloses: '2026-09-15' });
    const meeting = await ok(sec, 'POST', '/api/alliance/events', { kind: 'meeting', titleZh: '=HYPERLINK("http://x","交流会")', startsOn: '2026-09-15', endsOn: '2026-09-15' });
    await ok(lzu, 'POST', `/api/alliance/events/${training.id}/registrations`, { baseId: lzuBase, participants: 3, names: '张三、李四、王五' });
    await ok(tsinghua, 'POST', `/api/alliance/events/${training.id}/registrations`, { baseId: tsinghuaBase, participants: 2 });
    const full = await call(tsinghua, 'POST', `/api/alliance/events/${meeting.id}/registrations`, { baseId: lzuBase, participants: 1 });
    expect(full.statusCode).toBe(404); // another base's id: outside tsinghua's scope
    const over = await call(lzu, 'POST', `/api/alliance/events/${training.id}/registrations`, { baseId: lzuBase, participants: 1 });
    expect(over.statusCode).toBe(409); // already registered
    await ok(lzu, 'POST', `/api/alliance/events/${meeting.id}/registrations`, { baseId: lzuBase, participants: 1 });
    const seenByLzu = await ok(lzu, 'GET', `/api/alliance/events/${training.id}`);
    expect(seenByLzu.registered).toBe(5);
    expect(seenByLzu.registrations.map((r: { baseId: string }) => r.baseId)).toEqual([lzuBase]);

    // Materials, kept with their SM3 digest; member-only.
    const { payload, contentType } = multipart('agenda.pdf', PDF);
    const up = await app.inject({ method: 'POST', url: `/api/alliance/events/${training.id}/materials`, headers: { ...sec.headers, 'content-type': contentType }, payload });
    expect(up.statusCode, up.body).toBe(201);
    const dl = await call(lzu, 'GET', `/api/alliance/materials/${up.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['x-content-sm3']).toBe(up.json().sm3);
    expect((await call(hit, 'GET', `/api/alliance/materials/${up.json().id}`)).statusCode).toBe(404);
    const lzuUp = await app.inject({ method: 'POST', url: `/api/alliance/events/${training.id}/materials`, headers: { ...lzu.headers, 'content-type': contentType }, payload: multipart('x.pdf', PDF).payload });
    expect([400, 403]).toContain(lzuUp.statusCode);

    // Attendance by the secretariat only.
    const detail = await ok(sec, 'GET', `/api/alliance/events/${training.id}`);
    const regOf = (b: string) => detail.registrations.find((r: { baseId: string }) => r.baseId === b).id;
    const items = [{ registrationId: regOf(lzuBase), attended: true, attendees: 3 }, { registrationId: regOf(tsinghuaBase), attended: false, attendees: 0 }];
    expect((await call(lzu, 'POST', `/api/alliance/events/${training.id}/attendance`, { version: detail.version, items })).statusCode).toBe(403);
    const held = await ok(sec, 'POST', `/api/alliance/events/${training.id}/attendance`, { version: detail.version, items }, 200);
    expect(held).toMatchObject({ status: 'held', attended: 3 });
    const md = await ok(sec, 'GET', `/api/alliance/events/${meeting.id}`);
    await ok(sec, 'POST', `/api/alliance/events/${meeting.id}/attendance`, { version: md.version, items: [{ registrationId: md.registrations[0].id, attended: true, attendees: 1 }] }, 200);

    // a17.s1, typed once: the base's 2026 summary reads the attendance.
    const after = await ok(lzu, 'GET', `/api/alliance/bases/${lzuBase}/contribution?year=2026`);
    expect(after.trainings - before.trainings).toBe(1);
    expect(after.trainees - before.trainees).toBe(3);
    expect(after.events - before.events).toBe(2);
    const started = await call(lzu, 'POST', `/api/bases/${lzuBase}/reports`, { year: 2026, kind: 'summary' });
    expect([200, 201], started.body).toContain(started.statusCode);
    const report = await ok(lzu, 'GET', `/api/reports/${started.json().id}`);
    expect(report.computed.alliance).toMatchObject({ trainings: after.trainings, trainees: after.trainees, events: after.events });

    // The secretariat's work report, and its Excel with the formula neutralized.
    const wr = await ok(sec, 'GET', '/api/alliance/work-report?year=2026');
    expect(wr.membership.joined).toBeGreaterThanOrEqual(1);
    expect(wr.events.find((e: { id: string }) => e.id === training.id)).toMatchObject({ registeredBases: 2, attendedBases: 1, attendees: 3 });
    expect(wr.groups.find((g: { id: string }) => g.id === group.id).members).toBe(1);
    expect(wr.alignment.find((a: { baseId: string }) => a.baseId === lzuBase)).toMatchObject({ met: false, programmes: 0, partners: 0 });
    expect((await call(moist, 'GET', '/api/alliance/work-report?year=2026')).statusCode).toBe(200);
    expect((await call(tsinghua, 'GET', '/api/alliance/work-report?year=2026')).statusCode).toBe(404);
    const xlsx = await app.inject({ method: 'GET', url: '/api/alliance/work-report.xlsx?year=2026', headers: { ...sec.headers, 'accept-language': 'en' } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Events', 'Working groups', 'Alignment (a20.s1)']);
    const titles = wb.getWorksheet('Events')!.getColumn(3).values.slice(2).map(String);
    expect(titles).toContain('国际合作项目管理培训');
    expect(titles).toContain(`'=HYPERLINK("http://x","交流会")`);
    expect(wb.getWorksheet('Events')!.getColumn(3).values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });
});
