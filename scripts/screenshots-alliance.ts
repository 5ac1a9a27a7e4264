// `npx tsx scripts/screenshots-alliance.ts`: the alliance pages in both languages (docs/screenshots):
// the secretariat's view with the pending application, a member base's events with an event open,
// the secretariat's annual work report, and a non-member's standing.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, startServer } from '../e2e/harness.js';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
const server = await startServer();
const browser: Browser = await launchBrowser();

async function shoot(lang: 'zh' | 'en', user: string, name: string, act: (p: import('playwright-core').Page) => Promise<void>) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await ctx.addInitScript((l) => localStorage.setItem('guohe.lang', l), lang);
  const page = await ctx.newPage();
  page.setDefaultTimeout(180_000);
  await page.goto(`${server.url}/sign-in`);
  await page.getByTestId('signin-username').fill(user);
  await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('workbench-greeting').waitFor();
  await page.goto(`${server.url}/alliance`);
  await page.getByTestId('alliance-role').waitFor();
  await act(page);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/${name}-${lang}.png`, fullPage: true });
  await ctx.close();
}

try {
  for (const lang of ['zh', 'en'] as const) {
    const tab = (label: { zh: string; en: string }) => async (p: import('playwright-core').Page) => { await p.getByRole('tab', { name: label[lang] }).click(); };
    await shoot(lang, 'secretariat', 'alliance', async (p) => { await p.getByTestId('alliance-pending').waitFor(); });
    await shoot(lang, 'tsinghua', 'alliance-events', async (p) => {
      await p.getByTestId('alliance-events').waitFor();
      await p.getByTestId('alliance-events').getByText(lang === 'zh' ? '赴德国科技合作交流团组' : 'Delegation to Germany').click();
      await p.getByTestId('alliance-event-drawer').getByText(lang === 'zh' ? '报名情况' : 'Registrations').waitFor();
    });
    await shoot(lang, 'secretariat', 'alliance-report', async (p) => { await tab({ zh: '年度工作报告', en: 'Annual work report' })(p); await p.getByTestId('alliance-work-report').getByRole('table').first().waitFor(); });
    await shoot(lang, 'tsinghua', 'alliance-resources', async (p) => { await tab({ zh: '共享资源', en: 'Shared resources' })(p); await p.getByTestId('alliance-resources').waitFor(); });
    await shoot(lang, 'hit', 'alliance-nonmember', async (p) => { await p.getByTestId('alliance-links').first().waitFor(); });
  }
  console.log(`alliance screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
