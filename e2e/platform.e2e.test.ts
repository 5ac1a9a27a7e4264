import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, screenshot, startServer, type RunningServer } from './harness.js';

// Three roles sign in through the real UI and see what their scope allows (a9.s1), and no more.
describe('platform in Chromium: sign-in, workbench and data scope by role', () => {
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

  async function signIn(username: string, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
    const context = await browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/sign-in`);
    if (lang === 'en') {
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('lang-switch-en').click();
    }
    await page.getByTestId('signin-username').fill(username);
    await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('workbench-greeting').waitFor();
    return page;
  }

  async function orgRowCount(page: Page) {
    await page.getByTestId('menu-organizations').click();
    await page.getByTestId('org-table').waitFor();
    await page.locator('[data-testid^="org-row-"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    return page.locator('[data-testid^="org-row-"]').count();
  }

  it('a wrong password shows a generic error and no workbench', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('signin-username').waitFor();
    await screenshot(page, 'e2e-sign-in-zh');
    await page.getByTestId('signin-username').fill('moist');
    await page.getByTestId('signin-password').fill('wrong-password');
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('signin-error').textContent()).resolves.toContain('用户名或密码错误');
    await page.close();
  });

  it('a9.s1: the ministry sees the whole country and every management menu it holds', async () => {
    const page = await signIn('moist');
    await expect(page.getByTestId('menu-organizations').count()).resolves.toBe(1);
    await expect(page.getByTestId('menu-audit').count()).resolves.toBe(0); // the audit administrator's, not the ministry's
    await expect(page.getByTestId('workbench-scope').textContent()).resolves.toContain('全国');
    await screenshot(page, 'e2e-workbench-ministry-zh');
    expect(await orgRowCount(page)).toBeGreaterThan(15);
    await page.context().close();
  });

  it('a9.s1: a provincial department sees only the units it recommends; another province by id is not found', async () => {
    const page = await signIn('sichuan');
    await screenshot(page, 'e2e-workbench-province-zh');
    await page.getByTestId('menu-organizations').click();
    await page.getByTestId('org-table').waitFor();
    await page.locator('[data-testid^="org-row-"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    const rows = await page.locator('[data-testid^="org-row-"]').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.join('\n')).not.toContain('清华大学');
    // A guessed id of a Beijing institution: the API answers 404, never the record.
    const res = await page.request.get(`${server.url}/api/organizations?q=清华大学`);
    expect((await res.json()).items).toHaveLength(0);
    await page.context().close();
  });

  it('a9.s1: an institution sees itself only, in English as well', async () => {
    const page = await signIn('tsinghua', 'en');
    await expect(page.getByTestId('menu-registrations').count()).resolves.toBe(0);
    await screenshot(page, 'e2e-workbench-institution-en');
    expect(await orgRowCount(page)).toBe(1);
    await expect(page.locator('[data-testid^="org-row-"]').first().textContent()).resolves.toMatch(/Tsinghua|清华/);
    await page.context().close();
  });
});
