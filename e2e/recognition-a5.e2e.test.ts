import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startServer, type RunningServer, signInPage } from './harness.js';
import { beijingDay, responseTo, pickDate, confirmModal, stepState, approveStep, recordReview, pdfText, checkReviewAssess, evaluateAndApprove } from './recognition-steps.js';

// The whole procedure of a 国际创新园 (a5.p2) in Chromium, as the real succession of users:
// 国际合作司 opens a call; 四川省人民政府 starts an application for 成都锦城国际创新园 (a park in its
// province) and declares a foreign partner; 国际合作司 records that the joint build is on the
// ministry–province consultation agenda (a5.p2.i1); the government files (a5.p2.i2); 国际合作司
// checks, records the review score and the assessment result and evaluates (a5.p2.i3); the
// ministry's leader signs the decision (a5.p2.i4); the recognition document is read back.

describe('recognition in Chromium: an international innovation park from agenda to recognition document', () => {
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

  it('a5.p2.i1–i4: call → 四川省人民政府 starts for 成都锦城国际创新园 → agenda → the government files → 国际合作司 checks, reviews, assesses, evaluates → the ministry leader decides → the recognition document PDF', async () => {
    const documentNumber = `国科发外〔${beijingDay().slice(0, 4)}〕${100 + Math.floor(Math.random() * 800)}号`;
    const parkName = '成都锦城国际创新园';

    // 国际合作司 creates a call for the innovation park and opens it (a4.s1, a10).
    const ministry = await signIn('moist');
    await ministry.goto(`${server.url}/recognition/calls`);
    await ministry.getByTestId('rec-call-table').waitFor();
    await ministry.getByTestId('rec-call-create').click();
    await ministry.getByTestId('rec-call-form').waitFor();
    await ministry.getByTestId('rec-call-titleZh').fill('国际创新园认定（端到端测试）');
    await ministry.getByTestId('rec-call-typeIds').locator('input[type=checkbox][value=innovation_park]').check();
    await pickDate(ministry, 'rec-call-opensOn', beijingDay(-1));
    await pickDate(ministry, 'rec-call-deadlineOn', beijingDay(30));
    const created = await responseTo(ministry, 'POST', /^\/api\/recognition\/calls$/, () => ministry.getByTestId('rec-call-save').click());
    const callId = ((await created.json()) as { id: string }).id;
    await ministry.getByTestId(`rec-call-open-${callId}`).click();
    await responseTo(ministry, 'POST', new RegExp(`^/api/recognition/calls/${callId}/open$`), () => confirmModal(ministry));
    await ministry.getByTestId(`rec-call-close-${callId}`).waitFor();

    // a5.p2.i2: the provincial government starts the application, picking the park in its province.
    let government = await signIn('gov-sichuan');
    await government.goto(`${server.url}/recognition/calls`);
    await government.getByTestId(`rec-call-apply-${callId}`).click();
    await government.getByTestId('rec-apply-form').waitFor();
    await government.getByTestId('rec-apply-typeId').locator('input[type=radio][value=innovation_park]').check();
    await government.getByTestId('rec-apply-applicantOrgId').click();
    await government.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: parkName }).click();
    await expect.poll(() => government.getByTestId('rec-apply-form').locator('.ant-select').first().textContent()).toContain(parkName);
    await government.getByTestId('rec-apply-title').fill(parkName);
    await government.getByTestId('rec-apply-titleEn').fill('Chengdu Jincheng International Innovation Park');
    const started = await responseTo(government, 'POST', /^\/api\/recognition\/applications$/, () => government.getByTestId('rec-apply-submit').click());
    expect(await started.json()).toMatchObject({ stepId: 'agenda' });
    await government.waitForURL(/\/recognition\/applications\/[^/]+\/edit$/);
    const appId = new URL(government.url()).pathname.split('/').at(-2)!;
    await government.getByTestId('rec-form-section-a5.p1.i1').waitFor();
    // a5.p1.i4: the park has no partners on record; the government declares one in the form.
    await government.getByTestId('rec-form-partner-add').click();
    const partner = government.getByTestId('rec-form-partners');
    await partner.locator('input[type=text], input:not([type])').nth(0).fill('SG');
    await partner.locator('input[type=text], input:not([type])').nth(1).fill('Straits Centre for Urban Water');
    await partner.locator('input[type=checkbox]').first().check();
    await government.getByTestId('rec-form-narrative-a5.p1.i1').fill('园区以电子信息和生物医药为主导产业，集聚国际化企业 120 余家，年产值逾 800 亿元。');
    await responseTo(government, 'PATCH', new RegExp(`^/api/recognition/applications/${appId}$`), () => government.getByTestId('rec-form-save').click());
    await expect.poll(async () => JSON.stringify(await (await government.request.get(`${server.url}/api/recognition/applications/${appId}`)).json())).toContain('Straits Centre for Urban Water');
    await government.context().close();

    // a5.p2.i1: 国际合作司 records that the joint build is on the ministry–province consultation agenda.
    await ministry.goto(`${server.url}/recognition/applications/${appId}`);
    await ministry.getByTestId('rec-actions').waitFor();
    await expect.poll(() => stepState(ministry, 'agenda')).toBe('current');
    await approveStep(ministry, appId, '已列入部省工作会商议题。', 'apply');

    // a5.p2.i2: the government files the application through the form.
    government = await signIn('gov-sichuan');
    await government.goto(`${server.url}/recognition/applications/${appId}/edit`);
    await government.getByTestId('rec-form-section-a5.p1.i1').waitFor();
    await expect(government.getByTestId('rec-form-narrative-a5.p1.i1').inputValue()).resolves.toContain('国际化企业 120 余家');
    await screenshot(government, 'e2e-recognition-a5-form-zh');
    await government.getByTestId('rec-form-submit').click();
    await responseTo(government, 'POST', new RegExp(`^/api/recognition/applications/${appId}/submit$`), () => confirmModal(government));
    await government.waitForURL(new RegExp(`/recognition/applications/${appId}$`));
    await expect.poll(() => stepState(government, 'formal_check')).toBe('current');
    await government.context().close();

    // a5.p2.i3: 国际合作司 passes the formal check, records the review score and the assessment result by hand.
    await ministry.goto(`${server.url}/recognition/applications/${appId}`);
    await ministry.getByTestId('rec-actions').waitFor();
    await expect.poll(() => stepState(ministry, 'formal_check')).toBe('current');
    await checkReviewAssess(ministry, appId, {
      check: '申报材料齐全，形式审查通过。', score: '88', reviewOpinion: '园区国际合作基础扎实，产业集聚明显，建议认定。',
      reviewDone: '专家评审完成，平均分 88 分。', assessmentOpinion: '现场考核通过。', assessmentDone: '考核通过。',
    });

    // a5.p2.i4: comprehensive evaluation on the evaluation screen.
    await evaluateAndApprove(ministry, server.url, callId, 'innovation_park', appId, '经综合评价，该园区符合认定条件，同意认定。');
    await ministry.getByTestId('rec-decision-form').waitFor();
    await ministry.context().close();

    // a5.p2.i4: the ministry's leader signs the decision with its 文号.
    const leader = await signIn('most-leader');
    await leader.goto(`${server.url}/recognition/evaluation?callId=${callId}&typeId=innovation_park`);
    const leaderRow = leader.getByTestId(`rec-eval-row-${appId}`);
    await leaderRow.waitFor();
    await leaderRow.locator('input[type=checkbox]').check();
    await leader.getByTestId('rec-decision-form').waitFor();
    await leader.getByTestId('rec-decision-documentNumber').fill(documentNumber);
    await pickDate(leader, 'rec-decision-issuedOn', beijingDay());
    await leader.getByTestId('rec-decision-opinion').fill('经综合评价，同意认定为国际创新园并授牌。');
    // Issue at once rather than after a 公示 (the switch is on by default).
    await leader.getByTestId('rec-decision-notice').click();
    await expect.poll(() => leader.getByTestId('rec-decision-notice').getAttribute('aria-checked')).toBe('false');
    const issued = await responseTo(leader, 'POST', /^\/api\/recognition\/decisions$/, () => leader.getByTestId('rec-decision-submit').click());
    // A base exists.
    expect(await issued.json()).toMatchObject({ status: 'issued', baseIds: [expect.any(String)] });
    await screenshot(leader, 'e2e-recognition-a5-decision-zh');

    // The recognition document, through the link on the page, with the browser's own cookies.
    const link = leader.locator('[data-testid^="rec-pdf-recognition-"]').first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/recognition\/documents\/[^/]+\/pdf$/);
    const pdf = await leader.request.get(new URL(href!, server.url).toString());
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(bytes);
    if (text !== null) {
      expect(text).toContain(documentNumber);
      expect(text).toContain(parkName);
      expect(text).toContain('四川省人民政府'); // the applying government stands as the recommending body
    }
    await leader.context().close();

    // The park itself sees its application recognized.
    const park = await signIn('park-chengdu');
    await park.goto(`${server.url}/recognition/applications/${appId}`);
    await park.getByTestId('rec-step-bar').waitFor();
    await expect.poll(() => stepState(park, 'issue')).toBe('done');
    await park.context().close();
  });
});
