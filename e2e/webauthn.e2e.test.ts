import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, screenshot, startServer, type RunningServer } from './harness.js';

// A security key (WebAuthn) added on My account and used for the second step of the sign-in, in
// Chromium with its CDP virtual authenticator (no hardware). The page is on "localhost": an IP
// address is not a valid WebAuthn RP ID, and without configuration the RP is the loopback host.
describe('security keys in Chromium: add on My account, sign in with the key (GB/T 22239-2019 8.1.4.1 d)', () => {
  let server: RunningServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    base = server.url.replace('127.0.0.1', 'localhost');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function passwordStep(page: Page, username: string) {
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('signin-username').fill(username);
    await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
    await page.getByTestId('signin-submit').click();
  }

  it('registers a key through navigator.credentials.create() and signs in with navigator.credentials.get()', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    // The virtual authenticator: CTAP2 over USB, touched automatically, with a signature counter.
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: false, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    await passwordStep(page, 'moist');
    await page.getByTestId('workbench-greeting').waitFor();
    await page.goto(`${base}/account`);
    await page.getByTestId('sec-keys').waitFor();
    await page.getByTestId('sec-keys-name').fill('办公室 USB 密钥');
    await page.getByTestId('sec-keys-add').click();
    await page.locator('[data-testid="sec-keys"][data-count="1"]').waitFor();
    await expect(page.locator('[data-testid^="sec-key-row-"]').first()).toBeTruthy();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.rpId).toBe('localhost');
    await page.getByTestId('sec-keys').scrollIntoViewIfNeeded();
    await screenshot(page, 'security-webauthn-zh');

    // Signed out, the second step offers the key; the virtual authenticator answers.
    await context.clearCookies();
    await passwordStep(page, 'moist');
    await page.getByTestId('signin-use-key').waitFor();
    await screenshot(page, 'security-webauthn-signin-zh');
    await page.getByTestId('signin-use-key').click();
    await page.getByTestId('workbench-greeting').waitFor();
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0]!.signCount).toBeGreaterThanOrEqual(2);

    // The key is listed as used; the English page for the record.
    await page.evaluate(() => localStorage.setItem('guohe.lang', 'en'));
    await page.goto(`${base}/account`);
    await page.locator('[data-testid="sec-keys"][data-count="1"]').waitFor();
    await page.getByText('Security keys', { exact: true }).waitFor();
    await page.getByTestId('sec-keys').scrollIntoViewIfNeeded();
    await screenshot(page, 'security-webauthn-en');
    await context.clearCookies();
    await passwordStep(page, 'moist');
    await page.getByTestId('signin-use-key').waitFor();
    await screenshot(page, 'security-webauthn-signin-en');
    await context.close();
  });
});
