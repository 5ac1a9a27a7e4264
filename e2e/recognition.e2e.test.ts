import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser, screenshot, startServer, type RunningServer, signInPage } from './harness.js';

// The whole procedure of a 示范型国际科技合作基地 (a8.p2) in Chromium, as the real succession of users:
// 国际合作司 opens a call, 清华大学 fills and submits the generated form, 教育部 recommends, 国际合作司
// checks, records the review score and the assessment result, evaluates and issues the decision;
// the recognition document is then downloaded through the page's link and read back.

/** A Beijing calendar day, `days` from today. */
function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** poppler-utils' pdftotext is installed in CI; elsewhere the text check is skipped. */
function hasPdftotext(): boolean {
  return !spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error;
}

describe('recognition in Chromium: a demonstration base from call to recognition document', () => {
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

  /** The response to `method` on a path matching `re`, started by `action`. */
  async function responseTo(page: Page, method: string, re: RegExp, action: () => Promise<unknown>): Promise<Response> {
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && re.test(new URL(r.url()).pathname)), action()]);
    expect(res.status(), `${method} ${res.url()}: ${await res.text().catch(() => '')}`).toBeLessThan(300);
    return res;
  }

  /** Type a date into an antd DatePicker and close its panel. */
  async function pickDate(page: Page, testId: string, day: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(day);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId(testId).inputValue()).toBe(day);
  }

  async function confirmModal(page: Page) {
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
  }

  /** On the application detail page: sign `opinion` and approve, then wait for `next` to be the current step. */
  async function approveStep(page: Page, appId: string, opinion: string, next: string) {
    await page.getByTestId('rec-opinion').fill(opinion);
    await responseTo(page, 'POST', new RegExp(`^/api/recognition/applications/${appId}/actions$`), () => page.getByTestId('rec-action-approve').click());
    await expect.poll(() => page.getByTestId(`rec-step-${next}`).getAttribute('data-state')).toBe('current');
  }

  /** Record a review score or an assessment result by hand through the detail page's modal. */
  async function recordReview(page: Page, appId: string, fill: () => Promise<void>) {
    await page.getByTestId('rec-review-add').click();
    await page.getByTestId('rec-review-form').waitFor();
    await fill();
    await responseTo(page, 'POST', new RegExp(`^/api/recognition/applications/${appId}/review-results$`), () => page.getByTestId('rec-review-save').click());
    await page.getByTestId('rec-review-form').waitFor({ state: 'detached' });
  }

  it('a8.p2.i1–i3: call → 清华大学 applies → 教育部 recommends → 国际合作司 checks, reviews, assesses, evaluates and decides → the recognition document PDF', async () => {
    const documentNumber = `国科外字〔${beijingDay().slice(0, 4)}〕${100 + Math.floor(Math.random() * 800)}号`;
    const baseTitle = '清华大学能源与环境示范型国际科技合作基地';

    // 国际合作司 creates a call for the demonstration base and opens it (a4.s1, a10).
    const ministry = await signIn('moist');
    await ministry.goto(`${server.url}/recognition/calls`);
    await ministry.getByTestId('rec-call-table').waitFor();
    await ministry.getByTestId('rec-call-create').click();
    await ministry.getByTestId('rec-call-form').waitFor();
    await ministry.getByTestId('rec-call-titleZh').fill('示范型国际科技合作基地认定（端到端测试）');
    await pickDate(ministry, 'rec-call-opensOn', beijingDay(-1));
    await pickDate(ministry, 'rec-call-deadlineOn', beijingDay(30));
    const created = await responseTo(ministry, 'POST', /^\/api\/recognition\/calls$/, () => ministry.getByTestId('rec-call-save').click());
    const callId = ((await created.json()) as { id: string }).id;
    await ministry.getByTestId(`rec-call-open-${callId}`).click();
    await responseTo(ministry, 'POST', new RegExp(`^/api/recognition/calls/${callId}/open$`), () => confirmModal(ministry));
    await ministry.getByTestId(`rec-call-close-${callId}`).waitFor();

    // a8.p2.i1: the institution starts an application from the open call and fills the generated form.
    const institution = await signIn('tsinghua');
    await institution.goto(`${server.url}/recognition/calls`);
    await institution.getByTestId(`rec-call-apply-${callId}`).click();
    await institution.getByTestId('rec-apply-form').waitFor();
    await institution.getByTestId('rec-apply-typeId').locator('input[type=radio][value=demonstration_base]').check();
    await institution.getByTestId('rec-apply-title').fill(baseTitle);
    await institution.getByTestId('rec-apply-submit').click();
    await institution.waitForURL(/\/recognition\/applications\/[^/]+\/edit$/);
    const appId = new URL(institution.url()).pathname.split('/').at(-2)!;
    await institution.getByTestId('rec-form-section-a8.p1.i1').waitFor();
    await institution.getByTestId('rec-form-narrative-a8.p1.i1').fill('近五年承担国家国际科技合作专项 6 项、政府间科技合作项目 4 项，与德国、美国、日本等国的 12 家机构建立长期合作。');
    await institution.getByTestId('rec-form-narrative-a8.p1.i2').fill('拥有国际合作研究团队 85 人，其中外籍专家 12 人。');
    await screenshot(institution, 'e2e-recognition-form-zh');
    await institution.getByTestId('rec-form-submit').click();
    await responseTo(institution, 'POST', new RegExp(`^/api/recognition/applications/${appId}/submit$`), () => confirmModal(institution));
    await institution.waitForURL(new RegExp(`/recognition/applications/${appId}$`));
    await expect.poll(() => institution.getByTestId('rec-step-recommend').getAttribute('data-state')).toBe('current');
    // The statement reached the server with the application.
    const sent = await institution.request.get(`${server.url}/api/recognition/applications/${appId}/form`);
    expect(JSON.stringify(await sent.json())).toContain('政府间科技合作项目 4 项');
    await institution.context().close();

    // a8.p2.i1: 教育部, to which 清华大学 is affiliated, recommends with a signed opinion.
    const recommender = await signIn('moe');
    await recommender.goto(`${server.url}/recognition/applications/${appId}`);
    await recommender.getByTestId('rec-actions').waitFor();
    await approveStep(recommender, appId, '经审核，清华大学符合示范型国际科技合作基地认定条件，同意推荐。', 'formal_check');
    await recommender.context().close();

    // a8.p2.i2: 国际合作司 passes the formal check, records the review score and the assessment result by hand.
    await ministry.goto(`${server.url}/recognition/applications/${appId}`);
    await ministry.getByTestId('rec-actions').waitFor();
    await expect.poll(() => ministry.getByTestId('rec-step-formal_check').getAttribute('data-state')).toBe('current');
    await approveStep(ministry, appId, '申报材料齐全，形式审查通过。', 'expert_review');
    await recordReview(ministry, appId, async () => {
      await ministry.getByTestId('rec-review-score').fill('90');
      await ministry.getByTestId('rec-review-opinion').fill('该单位国际合作基础扎实，示范作用明显，建议认定。');
    });
    await approveStep(ministry, appId, '专家评审完成，平均分 90 分。', 'assessment');
    await recordReview(ministry, appId, async () => {
      await ministry.getByTestId('rec-review-kind').locator('input[value=assessment]').check();
      await ministry.getByTestId('rec-review-result').locator('input[value=pass]').check();
      await ministry.getByTestId('rec-review-opinion').fill('现场考核通过。');
    });
    await approveStep(ministry, appId, '考核通过。', 'evaluate');

    // a8.p2.i3: comprehensive evaluation on the evaluation screen, then the decision with its 文号.
    await ministry.goto(`${server.url}/recognition/evaluation?callId=${callId}&typeId=demonstration_base`);
    const row = ministry.getByTestId(`rec-eval-row-${appId}`);
    await row.waitFor();
    await row.locator('input[type=checkbox]').check();
    await ministry.getByTestId('rec-eval-opinion').fill('经综合评价，该单位符合认定条件，兼顾全国布局，同意认定。');
    await responseTo(ministry, 'POST', new RegExp(`^/api/recognition/applications/${appId}/actions$`), () => ministry.getByTestId('rec-eval-approve').click());
    await ministry.getByTestId('rec-decision-form').waitFor();
    await ministry.getByTestId('rec-decision-documentNumber').fill(documentNumber);
    await pickDate(ministry, 'rec-decision-issuedOn', beijingDay());
    await ministry.getByTestId('rec-decision-opinion').fill('经综合评价，同意认定为示范型国际科技合作基地。');
    // Issue at once rather than after a 公示 (the switch is on by default).
    await ministry.getByTestId('rec-decision-notice').click();
    await expect.poll(() => ministry.getByTestId('rec-decision-notice').getAttribute('aria-checked')).toBe('false');
    const issued = await responseTo(ministry, 'POST', /^\/api\/recognition\/decisions$/, () => ministry.getByTestId('rec-decision-submit').click());
    // A base exists.
    expect(await issued.json()).toMatchObject({ status: 'issued', baseIds: [expect.any(String)] });
    await screenshot(ministry, 'e2e-recognition-decision-zh');

    // The recognition document, through the link on the page, with the browser's own cookies.
    const link = ministry.locator('[data-testid^="rec-pdf-recognition-"]').first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/recognition\/documents\/[^/]+\/pdf$/);
    const pdf = await ministry.request.get(new URL(href!, server.url).toString());
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    if (hasPdftotext()) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guohe-e2e-pdf-'));
      try {
        fs.writeFileSync(path.join(dir, 'recognition.pdf'), bytes);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'recognition.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        expect(text).toContain(documentNumber);
        expect(text).toContain('清华大学');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }

    // The application now shows as recognized to the ministry.
    await ministry.goto(`${server.url}/recognition/applications/${appId}`);
    await ministry.getByTestId('rec-step-bar').waitFor();
    await expect.poll(() => ministry.getByTestId('rec-step-issue').getAttribute('data-state')).toBe('done');
    await ministry.context().close();
  });
});
