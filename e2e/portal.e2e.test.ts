import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer, signInPage } from './harness.js';

// a19.s1 the public column in Chromium: a base's news item goes from its institution user through
// an editor to the public pages; the directory, profile and map agree; certificate verification
// works for anyone. The public pages are server-rendered and must work without JavaScript, so
// every anonymous context here has JavaScript switched off.

// Demo data (src/server/demo): 四川大学 hosts this base in Sichuan (510000); its user is 'scu'.
const BASE = {
  code: 'GH-2013-JRC-0001',
  nameZh: '四川大学生物医药国际联合研究中心',
  nameEn: 'International Joint Research Center for Biomedicine, Sichuan University',
  user: 'scu',
  provinceCode: '510000',
  provinceZh: '四川省',
  provinceEn: 'Sichuan Province',
};

describe('public column in Chromium: submission to publication, directory, map, verification', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (username: string): Promise<Page> => signInPage(browser, server.url, username);

  /**
   * The signed-in browser's own session for JSON calls: page.request shares the context's cookies,
   * and state changes carry the CSRF token the web app itself reads from /api/auth/me.
   */
  async function api(page: Page) {
    const me = await page.request.get(`${server.url}/api/auth/me`);
    expect(me.status()).toBe(200);
    const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
    expect(csrf).toBeTruthy();
    return {
      get: (path: string) => page.request.get(`${server.url}${path}`),
      post: (path: string, data: unknown) => page.request.post(`${server.url}${path}`, { data, headers: { 'x-csrf-token': csrf } }),
    };
  }

  async function anonymous(lang: 'zh' | 'en' = 'zh'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: lang === 'zh' ? 'zh-CN' : 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    return { context, page };
  }

  /** Submit the directory's filter form (a plain GET form) for one province; returns the count shown. */
  async function filterByProvince(page: Page, label: string, province: string, apply: string): Promise<number> {
    await page.getByLabel(label, { exact: true }).selectOption({ label: province });
    await Promise.all([page.waitForURL(/\/bases\?.*province=510000/), page.getByRole('button', { name: apply, exact: true }).click()]);
    const status = (await page.getByRole('status').textContent()) ?? '';
    const n = Number(/(\d+)/.exec(status)?.[1]);
    expect(n).toBeGreaterThan(0);
    return n;
  }

  it("a19.s1: a base's news item, accepted by an editor, reaches the public column; the base is in the directory and on the map", async () => {
    const tag = randomBytes(3).toString('hex');
    const titleZh = `四川大学基地举办国际研讨会 ${tag}`;
    const titleEn = `Sichuan University base hosts an international workshop ${tag}`;
    const bodyZh = `基地与合作方联合举办国际研讨会，交流最新成果（${tag}）。`;

    // The institution user signs in through the UI. There is no web page for portal items (only
    // the JSON API), so the item is submitted with the browser's own session via page.request.
    const basePage = await signIn(BASE.user);
    const asBase = await api(basePage);
    const mine = (await (await asBase.get(`/api/bases?q=${encodeURIComponent(BASE.code)}`)).json()) as { items: { id: string; code: string }[] };
    const base = mine.items.find((b) => b.code === BASE.code);
    expect(base, 'the demo base of scu').toBeTruthy();
    const created = await asBase.post('/api/portal/items', { baseId: base!.id, kind: 'news', titleZh, titleEn, bodyZh, bodyEn: 'The base and its partners held an international workshop.' });
    expect(created.status()).toBe(201);
    const item = (await created.json()) as { id: string; status: string; version: number };
    expect(item.status).toBe('submitted');
    await basePage.context().close();

    // Not public before acceptance.
    const pre = await anonymous();
    expect((await pre.page.goto(`${server.url}/portal/items/${item.id}`))!.status()).toBe(404);
    await pre.context.close();

    // The editor (the ministry's officer) signs in through the UI and accepts it the same way.
    const editorPage = await signIn('moist');
    const asEditor = await api(editorPage);
    const accepted = await asEditor.post(`/api/portal/items/${item.id}/accept`, { version: item.version });
    expect(accepted.status()).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: 'accepted', publishedAt: expect.any(String) });
    await editorPage.context().close();

    // Anyone, not signed in, without JavaScript.
    const { context, page } = await anonymous();
    const home = await page.goto(`${server.url}/portal`);
    expect(home!.status()).toBe(200);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.getByRole('link', { name: titleZh, exact: true }).waitFor();

    // The news column lists it; its page shows the body.
    await page.getByRole('navigation').getByRole('link', { name: '基地动态', exact: true }).click();
    await page.waitForURL(/\/portal\/news$/);
    await page.getByRole('link', { name: titleZh, exact: true }).click();
    await page.waitForURL(new RegExp(`/portal/items/${item.id}$`));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(titleZh);
    await expect(page.locator('main').textContent()).resolves.toContain(bodyZh);

    // The directory filtered by the base's province (the filter form works without JavaScript).
    await page.goto(`${server.url}/portal/bases`);
    const inProvince = await filterByProvince(page, '所在地区', BASE.provinceZh, '筛选');
    await page.getByRole('link', { name: BASE.nameZh, exact: true }).click();
    await page.waitForURL(new RegExp(`/portal/bases/${BASE.code}$`));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(BASE.nameZh);
    const profile = (await page.locator('main').textContent()) ?? '';
    expect(profile).toContain(BASE.code);
    expect(profile).toContain('四川大学');
    // The accepted item is on the base's public profile.
    await page.getByRole('link', { name: titleZh, exact: true }).waitFor();

    // The map counts the province's bases as the directory does, and its tile links to it.
    await page.goto(`${server.url}/portal/map`);
    const tile = page.locator(`a[aria-label^="${BASE.provinceZh}: "]`);
    await expect(tile.getAttribute('aria-label')).resolves.toBe(`${BASE.provinceZh}: ${inProvince}`);
    await expect(page.getByRole('row', { name: new RegExp(`^${BASE.provinceZh}`) }).getByRole('cell').textContent()).resolves.toBe(String(inProvince));
    await context.close();

    // The same directory check in English.
    const en = await anonymous('en');
    await en.page.goto(`${server.url}/en/portal/bases`);
    await expect(en.page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(await filterByProvince(en.page, 'Province', BASE.provinceEn, 'Filter')).toBe(inProvince);
    await expect(en.page.getByRole('status').textContent()).resolves.toContain(`${inProvince} bases`);
    await en.page.getByRole('link', { name: BASE.nameEn, exact: true }).click();
    await en.page.waitForURL(new RegExp(`/en/portal/bases/${BASE.code}$`));
    await expect(en.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(BASE.nameEn);
    await en.page.getByRole('link', { name: titleEn, exact: true }).waitFor();
    await en.page.goto(`${server.url}/en/portal/map`);
    await expect(en.page.locator(`a[aria-label^="${BASE.provinceEn}: "]`).getAttribute('aria-label')).resolves.toBe(`${BASE.provinceEn}: ${inProvince}`);
    await en.context.close();
  });

  it('a19.s1 / a6.p2.i3: a certificate code verifies publicly', async () => {
    // A real code, if any base has a recognition document or plaque certificate (the ministry sees
    // all bases). The demo loads bases without issued documents, so this usually finds none; the
    // unknown-code path and the form without JavaScript are checked either way.
    const ministry = await signIn('moist');
    const asMinistry = await api(ministry);
    const all = (await (await asMinistry.get('/api/bases?pageSize=200')).json()) as { items: { id: string }[]; total: number };
    expect(all.items.length).toBeGreaterThan(0);
    let real: { verificationCode: string; kind: string } | undefined;
    for (const b of all.items) {
      const res = await asMinistry.get(`/api/recognition/bases/${b.id}/documents`);
      expect(res.status()).toBe(200);
      real = ((await res.json()) as { verificationCode: string; kind: string }[])[0];
      if (real) break;
    }
    await ministry.context().close();
    if (!real) console.info('portal e2e: the demo bases have no recognition documents; only the not-found path of verification is checked');

    const { context, page } = await anonymous();
    await page.goto(`${server.url}/portal/verify`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('证书查验');
    const unknown = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ';
    await page.getByLabel('查验码').fill(unknown);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/portal/verify?code=') && r.request().resourceType() === 'document'),
      page.getByRole('button', { name: '证书查验', exact: true }).click(),
    ]);
    expect(answer.status()).toBe(404);
    await page.waitForURL(/\/portal\/verify\?code=ZZZZ-ZZZZ-ZZZZ-ZZZZ$/);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('未找到该查验码对应的文件');
    await expect(page.getByLabel('查验码').inputValue()).resolves.toBe(unknown);

    // The address printed on documents redirects to the same page.
    await page.goto(`${server.url}/verify/${unknown}`);
    expect(page.url()).toBe(`${server.url}/portal/verify?code=${unknown}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('未找到该查验码对应的文件');

    if (real) {
      await page.getByLabel('查验码').fill(real.verificationCode);
      await Promise.all([page.waitForURL(/\/portal\/verify\?code=/), page.getByRole('button', { name: '证书查验', exact: true }).click()]);
      await expect(page.getByRole('heading', { level: 2, name: /查验通过/ }).count()).resolves.toBe(1);
      await expect(page.locator('main').textContent()).resolves.toContain(real.verificationCode);
    }
    await context.close();

    // In English as well.
    const en = await anonymous('en');
    await en.page.goto(`${server.url}/en/portal/verify`);
    await en.page.getByLabel('Verification code').fill(unknown);
    await Promise.all([en.page.waitForURL(/\/en\/portal\/verify\?code=/), en.page.getByRole('button', { name: 'Verify a certificate', exact: true }).click()]);
    await expect(en.page.getByRole('alert').textContent()).resolves.toContain('No document has this verification code.');
    await en.context.close();
  });
});
