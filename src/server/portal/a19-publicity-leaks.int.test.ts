// a19.s1: the 公示 on the public column with the way to object — an objection filed there reaches
// recognition's objection record — certificate verification through recognition's use case, and a
// walk over EVERY public route asserting that no non-public value appears on any of them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { addDays } from '../../regulation/index.js';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { approve, client, openCall, reviewAndEvaluate, today, type Api } from '../recognition/testing.js';
import { publicNotices } from '../recognition/tables.js';
import { users } from '../accounts/tables.js';
import { organizations } from '../organizations/tables.js';
import { bases } from '../bases/tables.js';
import { apiAs } from '../bases/test-helpers.js';
import { publicPaths } from './routes.js';
import { baseWithUser, insertPublicBase } from './testing.js';

describeEachDb('a19.s1 public column: 公示 and objections, verification, nothing private leaks', (getDb) => {
  let app: TestApp;
  let api: Api;
  let as: ReturnType<typeof apiAs>;
  let decisionId = '';
  let noticeId = '';
  const SECRET = {
    partnerEmail: 'secret-partner-contact@partner.example',
    partnerName: 'Confidential Partner Institute',
    uscc: '91510100MA6SECRET1',
    unpublished: 'UNPUBLISHED-SENTINEL-提交未审',
    returned: 'RETURNED-SENTINEL-已退回',
    returnNote: 'REVIEW-NOTE-SENTINEL',
    objectionContact: 'OBJECTOR-CONTACT-13800000000',
    objectionText: 'OBJECTION-TEXT-SENTINEL 合作协议未实际签署',
    reviewScore: '87.25',
  };
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const form = (url: string, fields: Record<string, string>) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

  beforeAll(async () => {
    const db = getDb().db;
    await insertPublicBase(db, { hostNameZh: '泄露测试大学', uscc: SECRET.uscc, regionCode: '510100', base: { code: 'GH-2020-JRC-8001', nameZh: '泄露测试联合研究中心', foreignPartners: [{ country: 'FR', nameEn: SECRET.partnerName, contactEmail: SECRET.partnerEmail }] } });
    app = await testApp(getDb());
    api = client(app);
    as = apiAs(app);
  });
  afterAll(async () => app?.close());

  it('a19.s1: a recognition result under 公示 is published with a form; an objection filed there reaches recognition’s objection record', async () => {
    // Hunan Agricultural University through Hunan to a decision with 10 working days of 公示 (a8.p2).
    const call = await openCall(api, ['demonstration_base']);
    const created = await api.ok('hunau', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'demonstration_base', title: '湖南农业大学示范型国际科技合作基地', titleEn: 'Hunan Agricultural University Demonstration Base', fields: ['agriculture'] });
    await api.ok('hunau', 'POST', `/api/recognition/applications/${created.id}/submit`, { version: created.version });
    await approve(api, 'hunan', created.id, '同意推荐');
    await reviewAndEvaluate(api, 'moist', created.id, Number(SECRET.reviewScore));
    const decided = await api.ok('moist', 'POST', '/api/recognition/decisions', { applicationIds: [created.id], documentNumber: '国科外字〔2026〕41号', issuedOn: today(), opinion: '同意认定', publicNotice: { workingDays: 10 } });
    decisionId = decided.decisionId;
    const [n] = await getDb().db.select().from(publicNotices).where(eq(publicNotices.decisionId, decisionId));
    noticeId = n!.id;

    const page = await get('/portal/publicity');
    expect(page.body).toContain('湖南农业大学示范型国际科技合作基地');
    expect(page.body).toContain(`action="/portal/publicity/${noticeId}/objections"`);
    expect((await get('/en/portal/publicity')).body).toContain('Hunan Agricultural University Demonstration Base');

    // Incomplete form: 400 with the form again; a notice that does not exist: 409.
    const bad = await form(`/portal/publicity/${noticeId}/objections`, { entry: '0', text: '太短', contact: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请填写异议内容');
    expect((await form('/portal/publicity/00000000-0000-4000-8000-000000000000/objections', { text: SECRET.objectionText, contact: '某某' })).statusCode).toBe(409);

    const filed = await form(`/en/portal/publicity/${noticeId}/objections`, { entry: '0', text: SECRET.objectionText, contact: SECRET.objectionContact });
    expect(filed.statusCode).toBe(201);
    expect(filed.headers['cache-control']).toBe('no-store');
    const receipt = /Receipt number: (GS-[0-9A-Z]{10})/.exec(filed.body)?.[1];
    expect(receipt).toBeDefined();
    expect(filed.body).not.toContain(SECRET.objectionContact);

    // The ministry sees it and forwards it — through recognition's recordObjection — into the decision's record.
    const inbox = (await as('moist', 'GET', '/api/portal/objections')).json() as { id: string; receipt: string; applicationId: string | null; status: string }[];
    const mine = inbox.find((o) => o.receipt === receipt)!;
    expect(mine).toMatchObject({ status: 'received', applicationId: created.id });
    expect((await as('hunau', 'GET', '/api/portal/objections')).statusCode).toBe(403);
    const forwarded = await as('moist', 'POST', `/api/portal/objections/${mine.id}/forward`, {});
    expect(forwarded.json()).toMatchObject({ status: 'forwarded', recognitionObjectionId: expect.any(String) });
    expect((await as('moist', 'POST', `/api/portal/objections/${mine.id}/forward`, {})).statusCode).toBe(409);
    const decision = (await api.get('moist', `/api/recognition/decisions/${decisionId}`)).json();
    expect(decision.notice.objections).toEqual([expect.objectContaining({ id: forwarded.json().recognitionObjectionId, applicationId: created.id, status: 'open', contact: SECRET.objectionContact, text: expect.stringContaining(SECRET.objectionText) })]);

    // After the period the notice takes no objections from the portal.
    await getDb().db.update(publicNotices).set({ startsOn: addDays(today(), -20), endsOn: addDays(today(), -1) }).where(eq(publicNotices.id, noticeId));
    expect((await form(`/portal/publicity/${noticeId}/objections`, { text: SECRET.objectionText, contact: '某某某' })).statusCode).toBe(409);
    // Resolve, take effect: the base is recognized and its documents issued.
    await api.ok('moist', 'POST', `/api/recognition/decisions/${decisionId}/objections/${forwarded.json().recognitionObjectionId}/resolve`, { upheld: false, resolution: '经核实，协议已签署' });
    const issued = await api.ok('moist', 'POST', `/api/recognition/decisions/${decisionId}/take-effect`, { opinion: '公示期满，同意认定' });
    expect(issued).toMatchObject({ status: 'issued' });
  });

  it('a19.s1: a certificate is verified by its code through recognition’s verification', async () => {
    const [b] = await getDb().db.select({ id: bases.id, code: bases.code }).from(bases).where(eq(bases.nameZh, '湖南农业大学示范型国际科技合作基地'));
    const docs = (await api.get('moist', `/api/recognition/bases/${b!.id}/documents`)).json() as { kind: string; verificationCode: string }[];
    const plaque = docs.find((d) => d.kind === 'plaque') ?? docs[0]!;
    const ok = await get(`/portal/verify?code=${encodeURIComponent(plaque.verificationCode.toLowerCase())}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('查验通过');
    expect(ok.body).toContain(plaque.verificationCode);
    expect(ok.body).toContain(`href="/portal/bases/${b!.code}"`);
    const en = await get(`/en/portal/verify?code=${plaque.verificationCode}`);
    expect(en.body).toContain('Valid: this document was issued by the system');
    const missing = await get('/portal/verify?code=0000-0000-0000-0000');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('未找到该查验码对应的文件');
    expect((await get('/portal/verify')).body).toContain('<label for="v-code">');
  });

  it('a19.s1: walking EVERY public route in both languages shows no non-public value', async () => {
    const db = getDb().db;
    const base = await baseWithUser(db);
    const submit = async (titleZh: string) => (await as(base.username, 'POST', '/api/portal/items', { baseId: base.id, kind: 'news', titleZh, bodyZh: `${titleZh} 的正文内容，不应公开。` })).json() as { id: string; version: number };
    await submit(SECRET.unpublished);
    const ret = await submit(SECRET.returned);
    await as('moist', 'POST', `/api/portal/items/${ret.id}/return`, { version: ret.version, note: SECRET.returnNote });
    const pub = await submit('公开的基地新闻');
    await as('secretariat', 'POST', `/api/portal/items/${pub.id}/accept`, { version: pub.version, note: '编辑内部备注' });
    const [hunau] = await db.select({ code: bases.code, id: bases.id }).from(bases).where(eq(bases.nameZh, '湖南农业大学示范型国际科技合作基地'));
    const docs = (await api.get('moist', `/api/recognition/bases/${hunau!.id}/documents`)).json() as { verificationCode: string }[];

    // Values that must never appear: USCCs, e-mail addresses and phones of users, every internal
    // id (users, organizations, bases), review scores, unpublished items and review notes, the
    // objector's contact and text, and foreign partners' records beyond their country.
    const forbidden = new Set<string>(Object.values(SECRET));
    forbidden.add('编辑内部备注');
    for (const o of await db.select({ id: organizations.id, uscc: organizations.uscc }).from(organizations)) { forbidden.add(o.id); if (o.uscc) forbidden.add(o.uscc); }
    for (const u of await db.select({ id: users.id, email: users.email, phone: users.phone }).from(users)) { forbidden.add(u.id); if (u.email) forbidden.add(u.email); if (u.phone) forbidden.add(u.phone); }
    for (const b of await db.select({ id: bases.id }).from(bases)) forbidden.add(b.id);
    const scores = await db.execute(sql`select distinct score::text as s from recognition_review_results where score is not null`);
    for (const r of (scores as unknown as { rows: { s: string }[] }).rows ?? scores) if (Number((r as { s: string }).s) % 1 !== 0) forbidden.add((r as { s: string }).s);

    const fill: Record<string, string> = { ':code': encodeURIComponent(base.code), ':id': pub.id };
    const queries: Record<string, string[]> = {
      '/bases': ['', '?province=510000', '?q=泄露测试', '?page=2'], '/bases.json': ['', '?province=510000&pageSize=100'], '/bases.csv': [''],
      '/verify': ['', `?code=${docs[0]!.verificationCode}`], '/map': ['', '?field=energy'],
    };
    const extra = ['/bases/GH-2020-JRC-8001', '/bases/NO-SUCH-BASE', '/items/00000000-0000-4000-8000-000000000000'];
    expect([...publicPaths].sort()).toEqual(['', '/bases', '/bases.csv', '/bases.json', '/bases/:code', '/cooperation', '/items/:id', '/map', '/measures', '/news', '/notices', '/notices.atom', '/publicity', '/results', '/verify'].sort());
    let walked = 0;
    for (const prefix of ['/portal', '/en/portal']) {
      const urls = [...publicPaths].flatMap((p) => (queries[p] ?? ['']).map((q) => `${prefix}${p.replace(/:code|:id/g, (m) => fill[m]!)}${q}`));
      for (const url of [...urls, ...extra.map((e) => `${prefix}${e}`)]) {
        const res = await get(url);
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.statusCode === 200 || url.includes('NO-SUCH') || url.includes('00000000-0000-4000')).toBe(true);
        for (const value of forbidden) expect(res.body.includes(value), `${url} shows ${value}`).toBe(false);
        expect(res.body, url).not.toMatch(/<script/i);
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(40);
    // The page that had the published item did show it (the walk saw real content).
    expect((await get(`/portal/items/${pub.id}`)).body).toContain('公开的基地新闻');
  });
});
