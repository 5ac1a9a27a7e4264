import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startServer, type RunningServer, signInPage } from './harness.js';
import { beijingDay, responseTo, pickDate, confirmModal, stepState, approveStep, recordReview, pdfText, checkReviewAssess, evaluateAndApprove } from './recognition-steps.js';

// The whole procedure of a 国际联合研究中心 (a6.p2) in Chromium, as the real succession of users:
// 国际合作司 opens a call; 华中科技大学, which already hosts a demonstration base and has one national
// project in the registry, records a second on its base's page (a6.p1.i1 "多次"), then fills the
// generated form; 教育部 recommends, 国际合作司 checks, records the review score and the assessment result and
// evaluates; the decision is MOST's own (科技部发文, a6.p2.i3), so the ministry's leader issues it.
// The recognition document is read back, then a6.p2.i4: 国际合作司 records the partner government's
// acknowledgement and the institution the plaque hung at the foreign partner.

describe('recognition in Chromium: an international joint research center from call to foreign plaque', () => {
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

  it('a6.p2.i1–i4: call → 华中科技大学 applies → 教育部 recommends → 国际合作司 reviews → 科技部 leader issues → recognition PDF → foreign acknowledgement and plaque', async () => {
    const documentNumber = `国科发外〔${beijingDay().slice(0, 4)}〕${100 + Math.floor(Math.random() * 800)}号`;
    const centerTitle = '华中科技大学中德清洁能源国际联合研究中心';
    const partner = { country: 'DE', name: 'Hanseatic University of Technology' };

    // 国际合作司 creates a call for joint research centers and opens it (a4.s1, a10).
    const ministry = await signIn('moist');
    await ministry.goto(`${server.url}/recognition/calls`);
    await ministry.getByTestId('rec-call-table').waitFor();
    await ministry.getByTestId('rec-call-create').click();
    await ministry.getByTestId('rec-call-form').waitFor();
    await ministry.getByTestId('rec-call-titleZh').fill('国际联合研究中心认定（端到端测试）');
    await ministry.getByTestId('rec-call-typeIds').locator('input[type=checkbox][value=joint_research_center]').check();
    await pickDate(ministry, ministry.getByTestId('rec-call-opensOn'), beijingDay(-1));
    await pickDate(ministry, ministry.getByTestId('rec-call-deadlineOn'), beijingDay(30));
    const created = await responseTo(ministry, 'POST', /^\/api\/recognition\/calls$/, () => ministry.getByTestId('rec-call-save').click());
    const call = (await created.json()) as { id: string; typeIds: string[] };
    expect(call.typeIds).toContain('joint_research_center');
    await ministry.getByTestId(`rec-call-open-${call.id}`).click();
    await responseTo(ministry, 'POST', new RegExp(`^/api/recognition/calls/${call.id}/open$`), () => confirmModal(ministry));
    await ministry.getByTestId(`rec-call-close-${call.id}`).waitFor();

    // The institution records an intergovernmental project on the page of the base it already hosts
    // (a16.s1): its second national project, as a6.p1.i1 "多次" asks.
    const institution = await signIn('hust');
    const own = await institution.request.get(`${server.url}/api/bases?pageSize=50`);
    expect(own.status()).toBe(200);
    const ownBases = ((await own.json()) as { items: Array<{ id: string; typeId: string }> }).items;
    const hostedBase = ownBases.find((b) => b.typeId === 'demonstration_base');
    expect(hostedBase).toBeTruthy();
    await institution.goto(`${server.url}/bases/${hostedBase!.id}`);
    await institution.getByTestId('base-tabs').getByRole('tab', { name: '项目与支持' }).click();
    await institution.getByTestId('base-project-add').click();
    const projectForm = institution.getByTestId('base-project-form');
    await projectForm.waitFor();
    await projectForm.locator('input#title').fill('中德先进制造政府间科技合作项目');
    await projectForm.locator('input#partnerCountry').fill(partner.country);
    await projectForm.locator('input#partnerInstitution').fill(partner.name);
    await responseTo(institution, 'POST', new RegExp(`^/api/bases/${hostedBase!.id}/projects$`), () => institution.locator('.ant-modal-footer .ant-btn-primary').click());
    await projectForm.waitFor({ state: 'detached' });

    // a6.p2.i1: the institution starts an application from the open call and fills the generated form.
    await institution.goto(`${server.url}/recognition/calls`);
    await institution.getByTestId(`rec-call-apply-${call.id}`).click();
    await institution.getByTestId('rec-apply-form').waitFor();
    await institution.getByTestId('rec-apply-typeId').locator('input[type=radio][value=joint_research_center]').check();
    await institution.getByTestId('rec-apply-title').fill(centerTitle);
    await institution.getByTestId('rec-apply-submit').click();
    await institution.waitForURL(/\/recognition\/applications\/[^/]+\/edit$/);
    const appId = new URL(institution.url()).pathname.split('/').at(-2)!;
    await institution.getByTestId('rec-form-section-a6.p1.i1').waitFor();
    // a6.p1.i1 "多次": judged from the registry, now with two national projects.
    await expect.poll(() => institution.getByTestId('rec-verdict-a6.p1.i1').first().getAttribute('data-verdict')).toBe('met');
    // a6.p1.i5: declare a foreign partner on the form when the registry alone does not satisfy it.
    const partnersVerdict = institution.getByTestId('rec-verdict-a6.p1.i5').first();
    await partnersVerdict.waitFor();
    if ((await partnersVerdict.getAttribute('data-verdict')) !== 'met') {
      const editor = institution.getByTestId('rec-form-partners');
      await institution.getByTestId('rec-form-partner-add').click();
      const inputs = editor.locator('input:not([type=checkbox])');
      await inputs.nth(0).fill(partner.country);
      await inputs.nth(1).fill(partner.name);
      await editor.locator('input[type=checkbox]').first().check();
      await responseTo(institution, 'PATCH', new RegExp(`^/api/recognition/applications/${appId}$`), () => institution.getByTestId('rec-form-save').click());
      await expect.poll(() => partnersVerdict.getAttribute('data-verdict')).toBe('met');
    }
    await institution.getByTestId('rec-form-narrative-a6.p1.i1').fill('近五年多次承担国家国际科技合作专项和政府间科技合作项目，与德国合作方共建联合实验室。');
    await institution.getByTestId('rec-form-narrative-a6.p1.i3').fill('与德方建立了稳定的合作渠道，每年互派研究人员 20 人次。');
    await screenshot(institution, 'e2e-recognition-a6-form-zh');
    await institution.getByTestId('rec-form-submit').click();
    await responseTo(institution, 'POST', new RegExp(`^/api/recognition/applications/${appId}/submit$`), () => confirmModal(institution));
    await institution.waitForURL(new RegExp(`/recognition/applications/${appId}$`));
    await expect.poll(() => stepState(institution, 'recommend')).toBe('current');
    const sent = await institution.request.get(`${server.url}/api/recognition/applications/${appId}/form`);
    const sentForm = (await sent.json()) as { eligibility: { allowed: boolean } };
    expect(JSON.stringify(sentForm)).toContain('每年互派研究人员 20 人次');
    expect(sentForm.eligibility.allowed).toBe(true);

    // a6.p2.i1: 教育部, to which 华中科技大学 is affiliated, recommends with a signed opinion.
    const recommender = await signIn('moe');
    await recommender.goto(`${server.url}/recognition/applications/${appId}`);
    await recommender.getByTestId('rec-actions').waitFor();
    await approveStep(recommender, appId, '同意推荐。该单位多次承担国家国际科技合作专项。', 'formal_check');
    await recommender.context().close();

    // a6.p2.i2: 国际合作司 passes the formal check, records the review score and the assessment result.
    await ministry.goto(`${server.url}/recognition/applications/${appId}`);
    await ministry.getByTestId('rec-actions').waitFor();
    await expect.poll(() => stepState(ministry, 'formal_check')).toBe('current');
    await checkReviewAssess(ministry, appId, {
      check: '材料齐全，形式审查通过。', score: '88', reviewOpinion: '合作基础扎实，建议认定为国际联合研究中心。',
      reviewDone: '专家评审通过。', assessmentOpinion: '考核合格。', assessmentDone: '考核合格。',
    });

    // Comprehensive evaluation on the evaluation screen; 国际合作司 passes it to the issue step.
    await evaluateAndApprove(ministry, server.url, call.id, 'joint_research_center', appId, '综合评价：符合认定标准。');

    // a6.p2.i3: the document is MOST's (科技部发文): the ministry's leader issues it.
    const leader = await signIn('most-leader');
    await leader.goto(`${server.url}/recognition/evaluation?callId=${call.id}&typeId=joint_research_center`);
    const issueRow = leader.getByTestId(`rec-eval-row-${appId}`);
    await issueRow.waitFor();
    await issueRow.locator('input[type=checkbox]').check();
    await leader.getByTestId('rec-decision-form').waitFor();
    await leader.getByTestId('rec-decision-documentNumber').fill(documentNumber);
    await pickDate(leader, leader.getByTestId('rec-decision-issuedOn'), beijingDay());
    await leader.getByTestId('rec-decision-opinion').fill('经综合评价，同意认定为国际联合研究中心。');
    // Issue at once rather than after a 公示 (the switch is on by default).
    await leader.getByTestId('rec-decision-notice').click();
    await expect.poll(() => leader.getByTestId('rec-decision-notice').getAttribute('aria-checked')).toBe('false');
    const issued = await responseTo(leader, 'POST', /^\/api\/recognition\/decisions$/, () => leader.getByTestId('rec-decision-submit').click());
    // A base exists.
    const decided = (await issued.json()) as { status: string; baseIds: string[] };
    expect(decided).toMatchObject({ status: 'issued', baseIds: [expect.any(String)] });
    await screenshot(leader, 'e2e-recognition-a6-decision-zh');

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
      expect(text).toContain(centerTitle);
      expect(text).toContain('教育部');
    }
    await leader.context().close();

    // The application is recognized; a6.p2.i4 follows on its detail page.
    await ministry.goto(`${server.url}/recognition/applications/${appId}`);
    await ministry.getByTestId('rec-step-bar').waitFor();
    await expect.poll(() => stepState(ministry, 'issue')).toBe('done');
    const baseId = decided.baseIds[0]!;
    await expect.poll(() => stepState(ministry, 'foreign_acknowledgement')).toBe('current');
    {
      // a6.p2.i4: 国际合作司 records the partner government's acknowledgement (date and evidence).
      const actions = ministry.getByTestId('rec-actions');
      await pickDate(ministry, actions.locator('input#on'), beijingDay());
      await ministry.getByTestId('rec-opinion').fill('经中德政府间科技合作联委会确认。');
      await responseTo(ministry, 'POST', new RegExp(`^/api/recognition/bases/${baseId}/foreign-acknowledgement$`), () => ministry.getByTestId('rec-action-approve').click());
      await expect.poll(() => stepState(ministry, 'foreign_plaque')).toBe('current');
      await ministry.context().close();

      // a6.p2.i4: then the institution records the plaque hung at the foreign partner.
      await institution.goto(`${server.url}/recognition/applications/${appId}`);
      await expect.poll(() => stepState(institution, 'foreign_plaque')).toBe('current');
      const panel = institution.getByTestId('rec-actions');
      await panel.waitFor();
      await pickDate(institution, panel.locator('input#on'), beijingDay());
      await panel.locator('input#partner').fill(partner.name);
      await panel.locator('input#country').fill(partner.country);
      await institution.getByTestId('rec-opinion').fill('在德方合作机构挂牌。');
      await responseTo(institution, 'POST', new RegExp(`^/api/recognition/bases/${baseId}/foreign-plaque$`), () => institution.getByTestId('rec-action-approve').click());
      await expect.poll(() => stepState(institution, 'foreign_plaque')).toBe('done');
      const after = await institution.request.get(`${server.url}/api/recognition/applications/${appId}`);
      expect(await after.json()).toMatchObject({ status: 'recognized', baseId });
    }
    await institution.context().close();
    // Seven sign-ins and some forty server round trips: more than the project's default 180 s on a busy runner.
  }, 300_000);
});
