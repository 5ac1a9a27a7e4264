// `npx tsx scripts/screenshots.ts`: retake the platform screenshots in docs/screenshots (sign-in
// page, the workbench of four roles and the message center, both languages) against a fresh server with demo data.
import path from 'node:path';
import { DEMO_PASSWORD, launchBrowser, startServer } from '../e2e/harness.js';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const lang of ['zh', 'en'] as const) {
    const signInCtx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await signInCtx.addInitScript((l) => localStorage.setItem('guohe.lang', l), lang);
    const p = await signInCtx.newPage();
    await p.goto(`${server.url}/sign-in`);
    await p.getByTestId('signin-username').waitFor();
    await p.screenshot({ path: `${out}/sign-in-${lang}.png` });
    await signInCtx.close();
    for (const user of ['moist', 'sichuan', 'tsinghua', 'auditor']) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await ctx.addInitScript((l) => localStorage.setItem('guohe.lang', l), lang);
      const page = await ctx.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${server.url}/sign-in`);
      await page.getByTestId('signin-username').fill(user);
      await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('workbench-greeting').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800); // chart animation
      await page.screenshot({ path: `${out}/workbench-${user}-${lang}.png` });
      if (user === 'tsinghua') {
        // The message center (issue 3): a host institution's results and notices.
        await page.getByTestId('workbench-messages').click();
        await page.getByTestId('messages-read-all').waitFor();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500); // the menu's selection transition
        await page.screenshot({ path: `${out}/messages-${lang}.png` });
      }
      await ctx.close();
    }
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
