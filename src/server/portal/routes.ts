// The public column (a19.s1): server-rendered pages without JavaScript in Chinese (/portal) and
// English (/en/portal), open data, and the JSON API through which bases submit items and editors
// review them. Public routes are registered explicitly (the SPA fallback answers unknown GETs).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Api, AppContext } from '../platform/http/context.js';
import { auditActor, requireActor } from '../platform/http/context.js';
import { AppError } from '../platform/http/errors.js';
import { baseInScope } from '../bases/scope.js';
import { verifyDocument } from '../recognition/decisions/verify-document.js';
import { depsOf, keysOf } from '../recognition/routes/deps.js';
import { cacheTtlFromEnv, PageCache, rendered, sendRendered, type Rendered } from './cache.js';
import { loadProgrammeCatalog, type Lang, type ProgrammeCatalog } from './catalog.js';
import { ZAcceptedCount, ZItem, ZItemQuery, ZItemResubmit, ZItemSubmit, ZNoticeInput, ZPortalObjection, ZReturn, ZReview, type ItemKind } from './contracts.js';
import { allDirectory, countsByProvince, countsByType, filterQuery, listDirectory, parseFilters, programmesInUse, publicBaseByCode, yearsInUse } from './directory.js';
import { t, type WordKey } from './i18n.js';
import { acceptedItemsCount } from './items/accepted-items-count.js';
import { listItems } from './items/list-items.js';
import { publishNotice, reviewItem } from './items/review-item.js';
import { resubmitItem, submitItem } from './items/submit-item.js';
import { itemById } from './items/views.js';
import { directoryCsv, noticesAtom, publicBaseJson } from './open-data.js';
import { fileObjection, forwardObjection, listPortalObjections, openPublicity, parseObjectionForm } from './publicity.js';
import { listPublished, publishedItem, publishedOfBase } from './published.js';
import { directoryBody, filterForm, profileBody } from './pages/directory.js';
import { page, PREFIX } from './pages/layout.js';
import { mapBody } from './pages/map.js';
import { measuresBody, measuresHeading } from './pages/measures.js';
import { homeBody, itemBody, listBody, notFoundBody, publicityBody, verifyBody, type VerifyView } from './pages/other.js';

const LANGS: Lang[] = ['zh', 'en'];
const HTML = 'text/html; charset=utf-8';

/**
 * Every public GET path (language-neutral, ':param' placeholders), as registered: the leak test
 * walks this list, so a page added here is checked without anyone remembering to.
 */
export const publicPaths = new Set<string>();

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function portalRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  // The address printed on recognition documents and plaque certificates (verificationPath).
  app.get('/verify/:code', { schema: { hide: true, params: z.object({ code: z.string().max(40) }) } }, async (req, reply) =>
    reply.redirect(`/portal/verify?code=${encodeURIComponent(req.params.code)}`, 302));
  const ttl = cacheTtlFromEnv();
  const pages = new PageCache<Rendered>(ttl);
  const lookups = new PageCache<unknown>(ttl, 50);
  const memo = <T>(key: string, fn: () => Promise<T>) => lookups.get(key, fn) as Promise<T>;
  const catalog = () => memo<ProgrammeCatalog>('catalog', () => loadProgrammeCatalog(db));
  const invalidate = () => { pages.clear(); lookups.clear(); };

  const html = (lang: Lang, rel: string, title: string, body: Parameters<typeof page>[0]['body'], section?: WordKey, status = 200) =>
    rendered(page({ lang, rel, title, body, ...(section ? { section } : {}) }), HTML, { status, maxAge: status === 200 ? 60 : 0 });
  const notFound = (lang: Lang, rel: string) => html(lang, rel, t(lang, 'notFound'), notFoundBody(lang), undefined, 404);

  type Handler = (req: FastifyRequest, lang: Lang) => Promise<Rendered>;
  /** A cached public GET in both languages; the key is the language, route and canonical query. */
  const get = (rel: string, handler: Handler, key: (req: FastifyRequest) => string = (req) => req.url.slice(req.url.indexOf('/portal') + 7)) => {
    if (!rel.includes("*")) publicPaths.add(rel);
    for (const lang of LANGS) {
      app.get(`${PREFIX[lang]}${rel}`, { schema: { hide: true } }, async (req, reply) => {
        const r = await pages.get(`${lang}|${rel}|${key(req)}`, () => handler(req, lang));
        return sendRendered(req, reply, r);
      });
    }
  };
  const query = (req: FastifyRequest) => req.query as Record<string, unknown>;
  const param = (req: FastifyRequest, name: string) => (req.params as Record<string, string>)[name] ?? '';
  const pageNo = (req: FastifyRequest) => parseFilters(query(req)).page;

  // Home.
  get('', async (_req, lang) => {
    const [notices, news, byType, cat] = await Promise.all([listPublished(db, ['notice'], 1, 5), listPublished(db, ['news', 'result'], 1, 5), countsByType(db), catalog()]);
    return html(lang, '', t(lang, 'site'), homeBody(lang, { notices: notices.items, news: news.items, byType, cat }), 'home');
  }, () => '');

  // Directory, its open data, profiles.
  const directoryKey = (req: FastifyRequest) => { const p = parseFilters(query(req)); return filterQuery(p.filters, { page: p.page, pageSize: p.pageSize }); };
  get('/bases', async (req, lang) => {
    const { filters, page: p, pageSize } = parseFilters(query(req));
    const [list, cat, keys, years] = await Promise.all([listDirectory(db, filters, p, pageSize), catalog(), memo('programmes', () => programmesInUse(db)), memo('years', () => yearsInUse(db))]);
    const rel = `/bases${filterQuery(filters, { page: p === 1 ? undefined : p })}`;
    return html(lang, rel, t(lang, 'directory'), directoryBody(lang, { filters, page: p, pageSize, ...list, form: filterForm(lang, filters, cat, keys, years), cat }), 'directory');
  }, directoryKey);
  get('/bases.json', async (req) => {
    const { filters, page: p, pageSize } = parseFilters(query(req));
    const [list, cat] = await Promise.all([listDirectory(db, filters, p, pageSize), catalog()]);
    return rendered(JSON.stringify({ filters, page: p, pageSize, total: list.total, items: list.items.map((b) => publicBaseJson(b, cat)) }), 'application/json; charset=utf-8');
  }, directoryKey);
  get('/bases.csv', async (req) => {
    const { filters } = parseFilters(query(req));
    const [rows, cat] = await Promise.all([allDirectory(db, filters), catalog()]);
    const r = rendered(directoryCsv(rows, cat), 'text/csv; charset=utf-8');
    return r;
  }, (req) => filterQuery(parseFilters(query(req)).filters));
  get('/bases/:code', async (req, lang) => {
    const code = param(req, 'code');
    const rel = `/bases/${encodeURIComponent(code)}`;
    const base = code.length <= 60 ? await publicBaseByCode(db, code) : undefined;
    if (!base) return notFound(lang, rel);
    const { id, ...pub } = base;
    const [items, cat] = await Promise.all([publishedOfBase(db, id), catalog()]);
    return html(lang, rel, lang === 'en' && pub.nameEn ? pub.nameEn : pub.nameZh, profileBody(lang, pub, cat, items), 'directory');
  }, (req) => param(req, 'code'));

  // Map.
  get('/map', async (req, lang) => {
    const { filters } = parseFilters(query(req));
    const f = { ...(filters.programme ? { programme: filters.programme } : {}), ...(filters.type ? { type: filters.type } : {}), ...(filters.field ? { field: filters.field } : {}), ...(filters.year ? { year: filters.year } : {}) };
    const counts = await countsByProvince(db, f);
    return html(lang, `/map${filterQuery(f)}`, t(lang, 'mapTitle'), mapBody(lang, counts, f), 'map');
  }, (req) => filterQuery(parseFilters(query(req)).filters));

  // The Measures in force.
  get('/measures', async (_req, lang) => html(lang, '/measures', measuresHeading(lang), measuresBody(lang), 'measures'), () => '');

  // Notices, news, cooperation, results.
  const sections: [string, WordKey, ItemKind[], boolean][] = [
    ['/notices', 'notices', ['notice'], false], ['/news', 'news', ['news'], true],
    ['/cooperation', 'cooperation', ['cooperation_offer', 'cooperation_need'], true], ['/results', 'results', ['result'], true],
  ];
  for (const [rel, word, kinds, withBase] of sections) {
    get(rel, async (req, lang) => {
      const p = pageNo(req);
      const list = await listPublished(db, kinds, p, 20);
      return html(lang, p === 1 ? rel : `${rel}?page=${p}`, t(lang, word), listBody(lang, { ...list, page: p, pageSize: 20, rel, withBase }), word);
    }, (req) => String(pageNo(req)));
  }
  get('/notices.atom', async (_req, lang) => {
    const list = await listPublished(db, ['notice'], 1, 50);
    return rendered(noticesAtom(lang, list.items, ctx.config.publicBaseUrl, PREFIX[lang]), 'application/atom+xml; charset=utf-8', { maxAge: 300 });
  }, () => '');
  get('/items/:id', async (req, lang) => {
    const id = param(req, 'id');
    const item = uuidRe.test(id) ? await publishedItem(db, id) : undefined;
    if (!item) return notFound(lang, `/items/${id}`);
    const word = sections.find(([, , kinds]) => kinds.includes(item.kind as ItemKind))?.[1] ?? 'news';
    return html(lang, `/items/${id}`, lang === 'en' && item.titleEn ? item.titleEn : item.titleZh, itemBody(lang, item), word);
  }, (req) => param(req, 'id'));

  // 公示 and objections (the POST form reaches recognition's record through forwardObjection).
  get('/publicity', async (_req, lang) => {
    const [list, cat] = await Promise.all([openPublicity(db), catalog()]);
    return html(lang, '/publicity', t(lang, 'publicity'), publicityBody(lang, list, cat), 'publicity');
  }, () => '');

  // Verification of a certificate or recognition document by its code (recognition's use case).
  get('/verify', async (req, lang) => {
    const code = typeof query(req).code === 'string' ? (query(req).code as string).trim().slice(0, 40) : '';
    let result: VerifyView | 'not_found' | null = null;
    if (code) {
      try {
        const v = await verifyDocument(db, keysOf(ctx), code);
        result = { valid: v.valid, kind: v.kind, verificationCode: v.verificationCode, documentNumber: v.documentNumber, issuedOn: v.issuedOn, issuingBodies: v.issuingBodies, bases: v.bases };
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'not_found')) throw e;
        result = 'not_found';
      }
    }
    const r = html(lang, code ? `/verify?code=${encodeURIComponent(code)}` : '/verify', t(lang, 'verify'), verifyBody(lang, code, result), 'verify', result === 'not_found' ? 404 : 200);
    return result === 'not_found' ? r : { ...r, cacheControl: code ? 'no-cache' : r.cacheControl };
  }, (req) => (typeof query(req).code === 'string' ? (query(req).code as string).trim().slice(0, 40) : ''));

  // Anything else under the column is a 404 page, not the SPA.
  get('/*', async (req, lang) => notFound(lang, req.url.slice(req.url.indexOf('/portal') + 7)), () => '*');

  await app.register(async (scope) => {
    // HTML forms post urlencoded bodies; only this scope parses them.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 32 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    for (const lang of LANGS) {
      scope.post(`${PREFIX[lang]}/publicity/:id/objections`, { schema: { hide: true } }, async (req, reply: FastifyReply) => {
        const noticeId = param(req, 'id');
        const form = parseObjectionForm((req.body ?? {}) as Record<string, string>);
        const [list, cat] = await Promise.all([openPublicity(db), catalog()]);
        const respond = (status: number, state: Parameters<typeof publicityBody>[3]) =>
          reply.status(status).type(HTML).header('cache-control', 'no-store').send(page({ lang, rel: '/publicity', title: t(lang, 'publicity'), body: publicityBody(lang, list, cat, state), section: 'publicity' }));
        if (!uuidRe.test(noticeId)) return respond(409, { noticeId, closed: true });
        if (!form) return respond(400, { noticeId, error: true });
        const receipt = await fileObjection(db, auditActor(req), noticeId, form);
        if (!receipt) return respond(409, { noticeId, closed: true });
        return respond(201, { noticeId, receipt });
      });
    }
  });

  // ----- JSON API: submissions by bases, review by editors -----
  const tags = ['portal'];
  const id = z.object({ id: z.uuid() });
  const after = <T>(v: T) => { invalidate(); return v; };

  app.get('/api/portal/items', { schema: { tags, summary: 'Items of the public column: a base’s own (scope base.read), or every item for editors', querystring: ZItemQuery, response: { 200: z.array(ZItem) } } },
    async (req) => listItems(db, requireActor(req), req.query));
  app.post('/api/portal/items', { schema: { tags, summary: 'A base submits news, a cooperation offer or need, or a result (a19.s1)', body: ZItemSubmit, response: { 201: ZItem } } }, async (req, reply) => {
    const row = await submitItem(db, auditActor(req), requireActor(req), req.body);
    return reply.status(201).send(await itemById(db, row.id));
  });
  app.put('/api/portal/items/:id', { schema: { tags, summary: 'Edit and submit again (a returned or not yet reviewed item)', params: id, body: ZItemResubmit, response: { 200: ZItem } } }, async (req) => {
    await resubmitItem(db, auditActor(req), requireActor(req), req.params.id, req.body);
    return itemById(db, req.params.id);
  });
  app.post('/api/portal/items/:id/accept', { schema: { tags, summary: 'Editor accepts (publishes) an item', params: id, body: ZReview, response: { 200: ZItem } } }, async (req) => {
    await reviewItem(db, auditActor(req), requireActor(req), req.params.id, req.body.version, { accept: true, note: req.body.note });
    return after(await itemById(db, req.params.id));
  });
  app.post('/api/portal/items/:id/return', { schema: { tags, summary: 'Editor returns an item with a reason', params: id, body: ZReturn, response: { 200: ZItem } } }, async (req) => {
    await reviewItem(db, auditActor(req), requireActor(req), req.params.id, req.body.version, { accept: false, note: req.body.note });
    return after(await itemById(db, req.params.id));
  });
  app.post('/api/portal/notices', { schema: { tags, summary: 'Editor publishes a notice (通知通告)', body: ZNoticeInput, response: { 201: ZItem } } }, async (req, reply) => {
    const row = await publishNotice(db, auditActor(req), requireActor(req), req.body);
    invalidate();
    return reply.status(201).send(await itemById(db, row.id));
  });
  app.get('/api/portal/bases/:id/accepted-items', { schema: { tags, summary: 'Assessment indicator: items of the base accepted in a year', params: id, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: ZAcceptedCount } } }, async (req) => {
    const base = await baseInScope(db, requireActor(req), req.params.id, 'read');
    return { baseId: base.id, year: req.query.year, accepted: await acceptedItemsCount(db, base.id, req.query.year) };
  });
  const objectionOut = (o: Awaited<ReturnType<typeof listPortalObjections>>[number]) => ({
    id: o.id, receipt: o.receipt, noticeId: o.noticeId, applicationId: o.applicationId, text: o.text, contact: o.contact,
    status: o.status as 'received' | 'forwarded', recognitionObjectionId: o.recognitionObjectionId, receivedAt: o.receivedAt.toISOString(),
  });
  app.get('/api/portal/objections', { schema: { tags, summary: 'Objections filed on the public column (national bodies)', response: { 200: z.array(ZPortalObjection) } } },
    async (req) => (await listPortalObjections(db, requireActor(req))).map(objectionOut));
  app.post('/api/portal/objections/:id/forward', { schema: { tags, summary: 'Record a filed objection in the recognition decision’s objection record', params: id, response: { 200: ZPortalObjection } } },
    async (req) => objectionOut(await forwardObjection(db, depsOf(ctx, req), requireActor(req), req.params.id)));
}
