// a19.s1 the public column, a15.s1 its directory by priority field: pages in both languages,
// filters, ETags, open data (CSV with formula injection neutralized, JSON, Atom), and the path of
// a base's item from submission through an editor's acceptance to the public pages.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { beijingDateOf } from '../../regulation/index.js';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { apiAs } from '../bases/test-helpers.js';
import { auditLog } from '../platform/audit/tables.js';
import { bases } from '../bases/tables.js';
import { acceptedItemsCount } from './items/accepted-items-count.js';
import { baseWithUser, checkXml, countPublic, insertPublicBase, parseCsv } from './testing.js';

describeEachDb('a19.s1 public column: directory, languages, caching, open data, submissions', (getDb) => {
  let app: TestApp;
  let as: ReturnType<typeof apiAs>;
  let mine: Awaited<ReturnType<typeof baseWithUser>>;
  let other: Awaited<ReturnType<typeof baseWithUser>>;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    const db = getDb().db;
    // What the demo lacks: a base of a provincial programme, a base whose names try formula
    // injection, and a revoked base (which the public no longer sees).
    await insertPublicBase(db, { hostNameZh: '四川测试大学', hostNameEn: 'Sichuan Test University', regionCode: '510700', base: { code: 'SC-2019-JRC-0001', nameZh: '四川省国际联合研究中心（测试）', nameEn: 'Sichuan Joint Research Center (test)', programmeKey: 'sichuan-bases@2018', typeId: 'joint_research_center', fields: ['bio_health'], recognizedOn: '2019-06-01', foreignPartners: [{ country: 'DE', nameEn: 'Partner GmbH' }] } });
    await insertPublicBase(db, { hostNameZh: '@cmd|calc', regionCode: '510100', base: { code: 'GH-2021-JRC-9001', nameZh: '=HYPERLINK("http://evil.example","x")', nameEn: '+SUM(1,2)', fields: ['energy'], recognizedOn: '2021-03-01' } });
    await insertPublicBase(db, { hostNameZh: '撤销测试单位', regionCode: '510100', base: { code: 'GH-2015-DB-9002', nameZh: '已撤销的测试基地', status: 'revoked', recognizedOn: '2015-03-01' } });
    mine = await baseWithUser(db);
    other = await baseWithUser(db, [mine.username]);
    app = await testApp(getDb());
    as = apiAs(app);
  });
  afterAll(async () => app?.close());

  it('a19.s1: home and pages in Chinese and English, <html lang>, skip link, no script', async () => {
    for (const [url, lang, words] of [['/portal', 'zh-CN', '基地名录'], ['/en/portal', 'en', 'Directory of bases']] as const) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain(`<html lang="${lang}">`);
      expect(res.body).toContain('href="#main"');
      expect(res.body).toContain('<main id="main"');
      expect(res.body).toContain(words);
      expect(res.body).not.toMatch(/<script/i);
    }
    // The language switch keeps the page and its query.
    expect((await get('/portal/bases?province=510000')).body).toContain('href="/en/portal/bases?province=510000"');
    // Unknown paths under the column are a 404 page, not the web app.
    const missing = await get('/en/portal/nowhere');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<html lang="en">');
  });

  it('a15.s1 a19.s1: the directory filters by province, field, type, year, programme and keyword, and pages', async () => {
    const db = getDb().db;
    const json = async (q: string) => (await get(`/portal/bases.json${q}`)).json() as { total: number; items: { code: string; province: { code: string } | null; fields: { id: string }[]; type: { id: string }; yearRecognized: number; programme: { key: string } }[] };

    const sichuan = await json('?province=510000&pageSize=100');
    expect(sichuan.total).toBe(await countPublic(db, sql`left(${bases.regionCode}, 2) = '51'`));
    expect(sichuan.total).toBeGreaterThanOrEqual(2);
    expect(sichuan.items.every((b) => b.province?.code === '510000')).toBe(true);
    expect(sichuan.items.map((b) => b.code)).not.toContain('GH-2015-DB-9002'); // revoked

    const bio = await json('?field=bio_health&pageSize=100');
    expect(bio.total).toBe(await countPublic(db, sql`${bases.fields} @> '["bio_health"]'::jsonb`));
    expect(bio.items.every((b) => b.fields.some((f) => f.id === 'bio_health'))).toBe(true);

    const jrc2019 = await json('?type=joint_research_center&year=2019&pageSize=100');
    expect(jrc2019.total).toBe(await countPublic(db, sql`${bases.typeId} = 'joint_research_center' and extract(year from ${bases.recognizedOn}) = 2019`));
    expect(jrc2019.items.every((b) => b.type.id === 'joint_research_center' && b.yearRecognized === 2019)).toBe(true);

    const provincial = await json('?programme=sichuan-bases@2018');
    expect(provincial.items.map((b) => b.code)).toEqual(['SC-2019-JRC-0001']);
    expect((await json('?q=测试大学')).items.map((b) => b.code)).toEqual(['SC-2019-JRC-0001']); // host unit name
    expect((await json('?q=Joint%20Research%20Center%20(test)&province=510000&field=bio_health')).total).toBe(1);
    expect((await json('?q=%25')).total).toBe(0); // LIKE wildcards are literal

    // Unknown values are ignored rather than refused.
    const all = await json('');
    expect((await json('?province=999999&field=nope&year=abc')).total).toBe(all.total);
    expect(all.total).toBe(await countPublic(db, sql`true`));

    // Pagination: pages do not overlap, and the page links carry the filters.
    const p1 = await json('?pageSize=5');
    const p2 = await json('?pageSize=5&page=2');
    expect(p1.items).toHaveLength(5);
    expect(p2.items.map((b) => b.code).filter((c) => p1.items.some((x) => x.code === c))).toEqual([]);
    const page = (await get('/portal/bases?province=510000&field=bio_health')).body;
    expect(page).toContain('<option value="510000" selected>');
    expect(page).toContain('<option value="bio_health" selected>');
    const htmlPage1 = (await get('/portal/bases')).body;
    expect(htmlPage1).toMatch(/rel="next" href="\/portal\/bases\?page=2"/);
    // The map counts the same bases, and links each province to its directory.
    const map = (await get('/portal/map')).body;
    expect(map).toContain(`aria-label="四川省: ${sichuan.total}"`);
    expect(map).toContain('href="/portal/bases?province=510000"');
    expect((await get('/en/portal/map')).body).toContain(`aria-label="Sichuan Province: ${sichuan.total}"`);

    // A profile shows only public fields; a revoked base has none.
    const profile = await get('/en/portal/bases/SC-2019-JRC-0001');
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('Sichuan Test University');
    expect(profile.body).toContain('Germany');
    expect(profile.body).not.toContain('Partner GmbH');
    expect((await get('/portal/bases/GH-2015-DB-9002')).statusCode).toBe(404);
  });

  it('a19.s1: weak ETag from the content; If-None-Match answers 304 without a body', async () => {
    for (const url of ['/portal/bases?province=510000', '/portal/bases.json?province=510000', '/en/portal/measures', '/portal/notices.atom']) {
      const first = await get(url);
      expect(first.statusCode).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect((await get(url, { 'if-none-match': 'W/"stale"' })).statusCode).toBe(200);
    }
    // Another language is other content: another tag.
    expect((await get('/portal/bases')).headers.etag).not.toBe((await get('/en/portal/bases')).headers.etag);
  });

  it('a19.s1: the measures in force, clause by clause, with stable anchors', async () => {
    const zh = (await get('/portal/measures')).body;
    expect(zh).toContain('id="a13.s3"');
    expect(zh).toContain('href="#a13.s3"');
    expect(zh).toContain('国科发外〔2011〕316号');
    expect(zh).toContain('id="a19.s1"');
    const en = (await get('/en/portal/measures')).body;
    expect(en).toContain('id="a15.s1"');
    expect(en).toContain('working gloss');
  });

  it('a19.s1: open data — CSV with formula injection neutralized, JSON of the same bases', async () => {
    const res = await get('/portal/bases.csv?province=510000');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(expect.arrayContaining(['code', 'name_zh', 'host_zh', 'province_code', 'fields', 'year_recognized', 'partner_countries']));
    const evil = rows.find((r) => r[0] === 'GH-2021-JRC-9001')!;
    expect(evil[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(evil[2]).toBe(`'+SUM(1,2)`);
    expect(evil[8]).toBe(`'@cmd|calc`);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const json = (await get('/portal/bases.json?province=510000&pageSize=100')).json() as { total: number };
    expect(rows.length - 1).toBe(json.total);
    // The HTML escapes the same names.
    const page = (await get('/portal/bases?q=HYPERLINK')).body;
    expect(page).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)');
  });

  it('a19.s1: an Atom feed of notices, well-formed, escaped, per language', async () => {
    const res = await as('moist', 'POST', '/api/portal/notices', { titleZh: '关于开展2026年度评估的通知 <b>&"', titleEn: 'Notice on the 2026 evaluation', bodyZh: '各有关单位：请按要求报送材料。\n\n特此通知。', bodyEn: 'All bases: please submit your materials.' });
    expect(res.statusCode).toBe(201);
    const notice = res.json() as { id: string; status: string };
    expect(notice.status).toBe('accepted');
    const feed = await get('/portal/notices.atom');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">')).toBe(true);
    expect(checkXml(feed.body)).toBeNull();
    expect(feed.body).toContain(`<id>urn:uuid:${notice.id}</id>`);
    expect(feed.body).toContain('<title>关于开展2026年度评估的通知 &lt;b&gt;&amp;&quot;</title>');
    expect(feed.body).toMatch(/<updated>\d{4}-\d\d-\d\dT[\d:.]+Z<\/updated>/);
    expect(feed.body).toContain(`/portal/items/${notice.id}"/>`);
    const en = await get('/en/portal/notices.atom');
    expect(checkXml(en.body)).toBeNull();
    expect(en.body).toContain('xml:lang="en"');
    expect(en.body).toContain('<title>Notice on the 2026 evaluation</title>');
    // The notice shows on the home page and its own page at once (the writer cleared the cache).
    expect((await get('/portal')).body).toContain('关于开展2026年度评估的通知 &lt;b&gt;&amp;&quot;');
    expect((await get(`/en/portal/items/${notice.id}`)).body).toContain('All bases: please submit your materials.');
    // Only editors publish notices.
    expect((await as(mine.username, 'POST', '/api/portal/notices', { titleZh: '冒充通知', bodyZh: '这不是编辑发布的通知。' })).statusCode).toBe(403);
  });

  it('a19.s1: a base submits an item, an editor accepts it, the public sees it; returned items stay private; the count feeds the assessment', async () => {
    const db = getDb().db;
    const before = await acceptedItemsCount(db, mine.id, Number(beijingDateOf(new Date()).slice(0, 4)));
    const submit = (user: string, baseId: string, titleZh: string, kind = 'news') =>
      as(user, 'POST', '/api/portal/items', { baseId, kind, titleZh, titleEn: `${titleZh} (en)`, bodyZh: '我基地与合作方联合举办国际研讨会，交流最新成果。', bodyEn: 'The base and its partners held an international workshop.' });

    const created = await submit(mine.username, mine.id, '基地举办国际研讨会');
    expect(created.statusCode).toBe(201);
    const item = created.json() as { id: string; status: string; version: number };
    expect(item.status).toBe('submitted');
    // Not public before acceptance.
    expect((await get('/portal/news')).body).not.toContain('基地举办国际研讨会');
    expect((await get(`/portal/items/${item.id}`)).statusCode).toBe(404);
    // Scope: another base is out of this user's reach (404), and a base user is no editor (403).
    expect((await submit(mine.username, other.id, '越权提交')).statusCode).toBe(404);
    expect((await as(mine.username, 'POST', `/api/portal/items/${item.id}/accept`, { version: item.version })).statusCode).toBe(403);
    // Other bases' users do not see it in their list.
    expect(((await as(other.username, 'GET', '/api/portal/items')).json() as { id: string }[]).map((i) => i.id)).not.toContain(item.id);

    // The alliance secretariat reviews: the queue, then acceptance.
    const queue = (await as('secretariat', 'GET', '/api/portal/items?status=submitted')).json() as { id: string }[];
    expect(queue.map((i) => i.id)).toContain(item.id);
    expect((await as('secretariat', 'POST', `/api/portal/items/${item.id}/accept`, { version: item.version + 5 })).statusCode).toBe(409);
    const accepted = await as('secretariat', 'POST', `/api/portal/items/${item.id}/accept`, { version: item.version });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', publishedAt: expect.any(String) });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'portal.item.accept'), eq(auditLog.entityId, item.id)));
    expect(audit).toMatchObject({ entityType: 'portal_item', after: { status: 'accepted' } });

    // Public now: news list, item page, the base's profile, home, in both languages.
    expect((await get('/portal/news')).body).toContain('基地举办国际研讨会');
    expect((await get(`/portal/items/${item.id}`)).body).toContain('联合举办国际研讨会');
    expect((await get(`/portal/bases/${encodeURIComponent(mine.code)}`)).body).toContain('基地举办国际研讨会');
    expect((await get('/en/portal/news')).body).toContain('基地举办国际研讨会 (en)');
    expect((await get('/portal')).body).toContain('基地举办国际研讨会');

    // A second item is returned with a reason: private, the reason reaches the base, it can be resubmitted.
    const second = (await submit(mine.username, mine.id, '合作需求：寻找欧洲合作伙伴', 'cooperation_need')).json() as { id: string; version: number };
    const returned = await as('moist', 'POST', `/api/portal/items/${second.id}/return`, { version: second.version, note: '请补充合作领域和联系方式' });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNote: '请补充合作领域和联系方式' });
    expect((await get('/portal/cooperation')).body).not.toContain('寻找欧洲合作伙伴');
    const own = (await as(mine.username, 'GET', '/api/portal/items')).json() as { id: string; status: string; reviewNote: string | null; version: number }[];
    const mineReturned = own.find((i) => i.id === second.id)!;
    expect(mineReturned).toMatchObject({ status: 'returned', reviewNote: '请补充合作领域和联系方式' });
    const again = await as(mine.username, 'PUT', `/api/portal/items/${second.id}`, { version: mineReturned.version, kind: 'cooperation_need', titleZh: '合作需求：寻找欧洲合作伙伴（新材料）', bodyZh: '寻求新材料领域的欧洲合作伙伴，开展联合研发。' });
    expect(again.json()).toMatchObject({ status: 'submitted' });

    // The assessment indicator: accepted items of the base this year.
    const year = Number(beijingDateOf(new Date()).slice(0, 4));
    expect(await acceptedItemsCount(db, mine.id, year)).toBe(before + 1);
    expect(await acceptedItemsCount(db, mine.id, year - 1)).toBe(0);
    const viaApi = await as(mine.username, 'GET', `/api/portal/bases/${mine.id}/accepted-items?year=${year}`);
    expect(viaApi.json()).toEqual({ baseId: mine.id, year, accepted: before + 1 });
  });
});
