import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser, screenshot, startServer, type RunningServer, signInPage } from './harness.js';

// The life of a base in Chromium (issue 5), as the real succession of users. The demo's
// 兰州大学 demonstration base failed the 2023 and 2024 assessments (two in a row). This year it files
// next year's plan and this year's summary; 教育部 (its recommending department) signs both with a
// named opinion; 国际合作司 confirms receipt, runs this year's assessment — the base fails a third
// assessment year in a row (a year without a round, as 2025 in the demo, is skipped by the reading
// of a13.s3) — confirms the proposed notice with its document, records a serious violation and
// revokes the base; 兰州大学 then applies again and is refused under a13.s5.

/** A Beijing calendar day, `days` from today. */
function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe('the life of a base in Chromium: plan → summary → opinion → receipt → assessment → notice → revocation → refused re-application', () => {
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

  /** The response to `method` on a path matching `re`, started by `action`; must succeed unless `status` says otherwise. */
  async function responseTo(page: Page, method: string, re: RegExp, action: () => Promise<unknown>, status?: number): Promise<Response> {
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && re.test(new URL(r.url()).pathname)), action()]);
    if (status === undefined) expect(res.status(), `${method} ${res.url()}: ${await res.text().catch(() => '')}`).toBeLessThan(300);
    else expect(res.status()).toBe(status);
    return res;
  }

  /** Type a date into an antd DatePicker (located by `picker`) and close its panel. */
  async function pickDate(page: Page, input: ReturnType<Page['locator']>, day: string) {
    await input.click();
    await input.fill(day);
    await page.keyboard.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(day);
  }

  async function confirmModal(page: Page) {
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
  }

  /** 国际合作司 opens a reporting year through the reports screen when it is not open yet. */
  async function openReportingYear(page: Page, year: number) {
    const years = (await (await page.request.get(`${server.url}/api/reporting-years`)).json()) as { year: number }[];
    if (years.some((y) => y.year === year)) return;
    await page.goto(`${server.url}/reports`);
    await page.getByTestId('reports-open-year').click();
    await page.getByTestId('reports-open-year-year').fill(String(year));
    await pickDate(page, page.getByTestId('reports-open-year-planDue'), `${year}-03-31`);
    await responseTo(page, 'POST', /^\/api\/reporting-years$/, () => page.getByTestId('reports-open-year-submit').click());
  }

  /** The base starts (or continues) a report from its page and lands on the form. */
  async function startReport(page: Page, baseId: string, year: number, kind: 'plan' | 'summary'): Promise<string> {
    await page.goto(`${server.url}/bases/${baseId}`);
    await page.getByTestId('base-tabs').getByRole('tab', { name: /年度计划与总结|Plans and summaries/ }).click();
    const started = await responseTo(page, 'POST', new RegExp(`^/api/bases/${baseId}/reports$`), () => page.getByTestId(`base-report-start-${year}-${kind}`).click());
    const reportId = ((await started.json()) as { id: string }).id;
    await page.waitForURL(new RegExp(`/bases/${baseId}/reports/${reportId}$`));
    await page.getByTestId('report-form').waitFor();
    return reportId;
  }

  /** The base fills what is typed, saves and submits; the report goes to the recommending unit. */
  async function fillAndSubmit(page: Page, reportId: string, narrative: string) {
    if (!(await page.getByTestId('report-goal-0').count())) {
      await page.getByTestId('report-add-goal').click();
      await page.getByTestId('report-goal-0').locator('input').first().fill('联合申报国际合作项目');
    }
    await page.getByTestId('report-field-narrative').fill(narrative);
    await page.getByTestId('report-submit').click();
    await responseTo(page, 'POST', new RegExp(`^/api/reports/${reportId}/actions$`), () => confirmModal(page));
    await expect.poll(() => page.getByTestId('report-page').getAttribute('data-report-status')).toBe('submitted');
  }

  /** 教育部 signs its opinion (a named person, a rating); 国际合作司 confirms receipt. */
  async function signAndReceive(recommender: Page, ministry: Page, baseId: string, reportId: string, opinion: string, score: number) {
    await recommender.goto(`${server.url}/bases/${baseId}/reports/${reportId}`);
    await recommender.getByTestId('report-review-panel').waitFor();
    await recommender.getByTestId('report-opinion-input').fill(opinion);
    await expect.poll(() => recommender.getByTestId('report-signed-by').inputValue()).not.toBe('');
    await recommender.getByTestId('report-score').fill(String(score));
    await responseTo(recommender, 'POST', new RegExp(`^/api/reports/${reportId}/actions$`), () => recommender.getByTestId('report-sign').click());
    await expect.poll(() => recommender.getByTestId('report-page').getAttribute('data-report-status')).toBe('signed_by_recommender');
    await recommender.getByTestId('report-opinion').waitFor();

    await ministry.goto(`${server.url}/bases/${baseId}/reports/${reportId}`);
    await ministry.getByTestId('report-receive-panel').waitFor();
    await responseTo(ministry, 'POST', new RegExp(`^/api/reports/${reportId}/actions$`), () => ministry.getByTestId('report-receive').click());
    await expect.poll(() => ministry.getByTestId('report-page').getAttribute('data-report-status')).toBe('received_by_ministry');
  }

  it('a14.s1, a10.i4, a13.s3, a13.s4, a13.s5: 兰州大学’s base from its reports to revocation, and its refused re-application', async () => {
    const year = Number(beijingDay().slice(0, 4));
    const ministry = await signIn('moist');
    const list = (await (await ministry.request.get(`${server.url}/api/bases?q=${encodeURIComponent('兰州大学')}&type=demonstration_base&pageSize=5`)).json()) as { items: { id: string; status: string }[] };
    expect(list.items).toHaveLength(1);
    const baseId = list.items[0]!.id;
    expect(list.items[0]!.status).toBe('active');
    // Setup: this year's and next year's reporting years are open (the demo opens the current one).
    await openReportingYear(ministry, year);
    await openReportingYear(ministry, year + 1);

    // a14.s1: 兰州大学 files next year's plan, on time, from its base page.
    const institution = await signIn('lzu');
    const planId = await startReport(institution, baseId, year + 1, 'plan');
    await fillAndSubmit(institution, planId, `${year + 1}年度工作计划：继续推进与中亚国家的生态环境合作。`);

    // a14.s1: 教育部 signs, 国际合作司 receives.
    const recommender = await signIn('moe');
    await signAndReceive(recommender, ministry, baseId, planId, '经审核，计划内容可行，同意报送。', 70);

    // a14.s1: the summary of this year, through the same chain; 教育部 rates it poorly.
    const summaryId = await startReport(institution, baseId, year, 'summary');
    await institution.getByTestId('report-section-funding').waitFor();
    await screenshot(institution, 'e2e-base-life-summary-zh');
    await fillAndSubmit(institution, summaryId, `${year}年度工作总结：国际合作项目进展缓慢，外方合作伙伴联络减少。`);
    await signAndReceive(recommender, ministry, baseId, summaryId, '经审核，该基地本年度国际合作成效不明显，建议加强整改。', 20);

    // a10.i4: 国际合作司 runs this year's assessment; the base fails.
    await ministry.goto(`${server.url}/assessment?year=${year}`);
    await ministry.getByTestId('assess-run-panel').waitFor();
    await ministry.getByTestId('assess-run').click();
    await responseTo(ministry, 'POST', new RegExp(`^/api/assessment/${year}/run$`), () => confirmModal(ministry));
    const row = ministry.getByTestId('assess-results').locator(`[data-base-id="${baseId}"]`);
    await expect.poll(() => row.getAttribute('data-grade')).toBe('fail');

    // a13.s3: a third failed assessment year in a row — the system proposes a notice, shown with its reading.
    await ministry.goto(`${server.url}/notice-proposals`);
    const card = ministry.locator('[data-testid^="notice-card-"]').filter({ has: ministry.locator(`a[href="/bases/${baseId}"]`) });
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('proposed');
    expect(await card.textContent()).toContain(String(year));
    const proposalId = (await card.getAttribute('data-testid'))!.replace('notice-card-', '');
    await ministry.getByTestId(`notice-confirm-${proposalId}`).click();
    await ministry.getByTestId('notice-form').waitFor();
    await ministry.getByTestId('notice-doc-number').fill(`国科外函〔${year}〕${100 + Math.floor(Math.random() * 800)}号`);
    await responseTo(ministry, 'POST', new RegExp(`^/api/notice-proposals/${proposalId}/confirm$`), () => ministry.getByTestId('notice-submit').click());

    // The base is notified; its page says why and what comes next.
    await ministry.goto(`${server.url}/bases/${baseId}`);
    await expect.poll(() => ministry.getByTestId('base-page').getAttribute('data-status')).toBe('notified');
    await ministry.getByTestId('base-status-banner').waitFor();

    // a13.s4: a serious violation on record, then revocation with its document.
    await ministry.getByTestId('base-violation').click();
    const violation = ministry.getByTestId('base-violation-form');
    await violation.waitFor();
    await pickDate(ministry, violation.locator('.ant-picker input'), beijingDay());
    await violation.locator('textarea').fill('经核查，该基地在国际合作项目中存在弄虚作假行为。');
    await violation.getByTestId('base-violation-serious').click();
    await responseTo(ministry, 'POST', new RegExp(`^/api/bases/${baseId}/violations$`), () => ministry.locator('.ant-modal-footer .ant-btn-primary').click());
    await violation.waitFor({ state: 'detached' });
    await ministry.getByTestId('base-revoke').click();
    const revoke = ministry.getByTestId('base-revoke-form');
    await revoke.waitFor();
    await ministry.getByTestId('base-revoke-doc').fill(`国科外字〔${year}〕${100 + Math.floor(Math.random() * 800)}号`);
    await pickDate(ministry, revoke.locator('.ant-picker input'), beijingDay());
    await responseTo(ministry, 'POST', new RegExp(`^/api/bases/${baseId}/revoke$`), () => ministry.getByTestId('base-revoke-submit').click());
    await expect.poll(() => ministry.getByTestId('base-page').getAttribute('data-status')).toBe('revoked');
    await expect.poll(() => ministry.getByTestId('base-may-apply-again').textContent()).toContain(String(year + 3));

    // a13.s5: a call is open; 兰州大学 applies again and is refused, with the day it may apply.
    await ministry.goto(`${server.url}/recognition/calls`);
    await ministry.getByTestId('rec-call-table').waitFor();
    await ministry.getByTestId('rec-call-create').click();
    await ministry.getByTestId('rec-call-form').waitFor();
    await ministry.getByTestId('rec-call-titleZh').fill('国际科技合作基地认定（端到端测试：资格取消后再申报）');
    await pickDate(ministry, ministry.getByTestId('rec-call-opensOn'), beijingDay(-1));
    await pickDate(ministry, ministry.getByTestId('rec-call-deadlineOn'), beijingDay(30));
    const created = await responseTo(ministry, 'POST', /^\/api\/recognition\/calls$/, () => ministry.getByTestId('rec-call-save').click());
    const callId = ((await created.json()) as { id: string }).id;
    await ministry.getByTestId(`rec-call-open-${callId}`).click();
    await responseTo(ministry, 'POST', new RegExp(`^/api/recognition/calls/${callId}/open$`), () => confirmModal(ministry));
    await ministry.getByTestId(`rec-call-close-${callId}`).waitFor();

    await institution.goto(`${server.url}/recognition/calls`);
    await institution.getByTestId(`rec-call-apply-${callId}`).click();
    await institution.getByTestId('rec-apply-form').waitFor();
    await institution.getByTestId('rec-apply-typeId').locator('input[type=radio][value=demonstration_base]').check();
    await institution.getByTestId('rec-apply-title').fill('兰州大学生态环境示范型国际科技合作基地');
    await institution.getByTestId('rec-apply-submit').click();
    await institution.waitForURL(/\/recognition\/applications\/[^/]+\/edit$/);
    const appId = new URL(institution.url()).pathname.split('/').at(-2)!;
    await institution.getByTestId('rec-form-submit').click();
    await responseTo(institution, 'POST', new RegExp(`^/api/recognition/applications/${appId}/submit$`), () => confirmModal(institution), 422);
    const refusal = institution.getByTestId('rec-refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('banned');
    expect(await refusal.textContent()).toContain(String(year + 3));
    await screenshot(institution, 'e2e-base-life-refused-zh');

    for (const p of [institution, recommender, ministry]) await p.context().close();
  });
});
