// `npx tsx scripts/screenshots-security.ts`: retake the security administrator's account list in
// docs/screenshots (security-users-{zh,en}: masked contacts, unlock, the second-factor reset and its
// confirmation) against a fresh server with demo data. 河南's account enrols TOTP first, through
// the API, so the reset has something to remove.
import path from 'node:path';
import { DEMO_PASSWORD, launchBrowser, startServer } from '../e2e/harness.js';
import { totpCode } from '../src/server/accounts/totp.js';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
const server = await startServer();
const browser = await launchBrowser();

/** Sign in over HTTP and enrol TOTP for `username`. */
async function enrolTotp(username: string) {
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  const headers = { cookie, 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
  const start = await fetch(`${server.url}/api/auth/mfa/totp`, { method: 'POST', headers, body: '{}' });
  const secret = new URL(((await start.json()) as { otpauthUri: string }).otpauthUri).searchParams.get('secret')!;
  const confirm = await fetch(`${server.url}/api/auth/mfa/totp/confirm`, { method: 'POST', headers, body: JSON.stringify({ code: totpCode(secret) }) });
  if (confirm.status !== 200) throw new Error(`TOTP enrolment of ${username}: ${confirm.status} ${await confirm.text()}`);
}

try {
  await enrolTotp('henan');
  for (const lang of ['zh', 'en'] as const) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addInitScript((l) => localStorage.setItem('guohe.lang', l), lang);
    const page = await ctx.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('signin-username').fill('secadmin');
    await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('workbench-greeting').waitFor();
    await page.goto(`${server.url}/security-users`);
    await page.getByPlaceholder(lang === 'zh' ? '用户名或姓名' : 'Username or name').fill('he');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid^="sec-user-reset-mfa-"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/security-users-${lang}.png` });
    await page.locator('[data-testid^="sec-user-reset-mfa-"]').first().click();
    await page.locator('.ant-modal-confirm').waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation
    await page.screenshot({ path: `${out}/security-mfa-reset-${lang}.png` });
    await ctx.close();
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
