import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startServer, type RunningServer, signInPage } from './harness.js';
import { beijingDay, responseTo, pickDate, confirmModal, stepState, approveStep, recordReview, pdfText, checkReviewAssess, evaluateAndApprove } from './recognition-steps.js';

// The whole procedure of a 示范型国际科技合作基地 (a8.p2) in Chromium, as the real succession of users:
// 国际合作司 opens a call, 清华大学 fills and submits the generated form, 教育部 recommends, 国际合作司
// checks, records the review score and the assessment result, evaluates and issues the decision;
// the recognition document is then downloaded through the page's link and read back.

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
    // During the call 国际合作司 corrects the title and extends the deadline; the announced types stay fixed.
    await ministry.getByTestId(`rec-call-edit-${callId}`).click();
    await ministry.getByTestId('rec-call-form').waitFor();
    await expect(ministry.getByTestId('rec-call-typeIds').locator('input[type=checkbox]').first().isDisabled()).resolves.toBe(true);
    await ministry.getByTestId('rec-call-titleEn').fill('Demonstration bases, e2e call');
    await ministry.getByTestId('rec-call-deadlineOn').click();
    await ministry.getByTestId('rec-call-deadlineOn').fill('');
    await pickDate(ministry, 'rec-call-deadlineOn', beijingDay(45));
    await screenshot(ministry, 'recognition-call-edit-zh');
    const edited = await responseTo(ministry, 'PATCH', new RegExp(`^/api/recognition/calls/${callId}$`), () => ministry.getByTestId('rec-call-save').click());
    expect(await edited.json()).toMatchObject({ titleEn: 'Demonstration bases, e2e call', status: 'open' });
    await ministry.getByTestId('rec-call-form').waitFor({ state: 'detached' });

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
    await expect.poll(() => stepState(institution, 'recommend')).toBe('current');
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
    await expect.poll(() => stepState(ministry, 'formal_check')).toBe('current');
    await checkReviewAssess(ministry, appId, {
      check: '申报材料齐全，形式审查通过。', score: '90', reviewOpinion: '该单位国际合作基础扎实，示范作用明显，建议认定。',
      reviewDone: '专家评审完成，平均分 90 分。', assessmentOpinion: '现场考核通过。', assessmentDone: '考核通过。',
    });

    // a8.p2.i3: comprehensive evaluation on the evaluation screen, then the decision with its 文号.
    await evaluateAndApprove(ministry, server.url, callId, 'demonstration_base', appId, '经综合评价，该单位符合认定条件，兼顾全国布局，同意认定。');
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
    const text = pdfText(bytes);
    if (text !== null) {
      expect(text).toContain(documentNumber);
      expect(text).toContain('清华大学');
    }

    // The application now shows as recognized to the ministry.
    await ministry.goto(`${server.url}/recognition/applications/${appId}`);
    await ministry.getByTestId('rec-step-bar').waitFor();
    await expect.poll(() => stepState(ministry, 'issue')).toBe('done');
    await ministry.context().close();
  });
});
