import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, signInPage, type RunningServer } from './harness.js';
import { beijingDay, responseTo, pickDate, confirmModal, stepState, approveStep, recordReview, pdfText, checkReviewAssess, evaluateAndApprove } from './recognition-steps.js';

// The whole procedure of a 国际技术转移中心 (a7.p2) in Chromium, as the real succession of users:
// 国际合作司 opens a call for the type, 合肥科汇 (an intermediary registered over a year inside the
// Hefei national high-tech zone) applies, the Hefei zone gives its supporting opinion, 安徽省科技厅
// recommends, 火炬中心 runs the review steps, 国际合作司 evaluates and signs the joint decision, and
// 火炬中心 co-signs it on the decisions page; the recognition document names both issuing bodies.

const MOIST = '科学技术部国际合作司';
const TORCH = '科学技术部火炬高技术产业开发中心';

describe('recognition in Chromium: an international technology transfer center, jointly issued', () => {
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

  /** Open an application's detail page with `step` current and the action panel shown. */
  async function openAt(page: Page, appId: string, step: string) {
    await page.goto(`${server.url}/recognition/applications/${appId}`);
    await page.getByTestId('rec-actions').waitFor();
    await expect.poll(() => stepState(page, step)).toBe('current');
  }

  it('a7.p2.i1–i3: call → 合肥科汇 applies → 合肥高新区 supports → 安徽省科技厅 recommends → 火炬中心 reviews → 国际合作司 evaluates and signs → 火炬中心 co-signs → the joint recognition document PDF', async () => {
    const documentNumber = `国科外字〔${beijingDay().slice(0, 4)}〕${100 + Math.floor(Math.random() * 800)}号`;
    const centerTitle = '合肥科汇国际技术转移中心';

    // 国际合作司 creates a call for the technology transfer center only and opens it (a4.s1, a10).
    const ministry = await signIn('moist');
    await ministry.goto(`${server.url}/recognition/calls`);
    await ministry.getByTestId('rec-call-table').waitFor();
    await ministry.getByTestId('rec-call-create').click();
    await ministry.getByTestId('rec-call-form').waitFor();
    await ministry.getByTestId('rec-call-titleZh').fill('国际技术转移中心认定（端到端测试）');
    const types = ministry.getByTestId('rec-call-typeIds');
    await types.locator('input[value=tech_transfer_center]').waitFor({ state: 'attached' });
    for (const typeId of ['innovation_park', 'joint_research_center', 'tech_transfer_center', 'demonstration_base']) {
      await types.locator(`input[value=${typeId}]`).setChecked(typeId === 'tech_transfer_center');
    }
    await pickDate(ministry, 'rec-call-opensOn', beijingDay(-1));
    await pickDate(ministry, 'rec-call-deadlineOn', beijingDay(30));
    const created = await responseTo(ministry, 'POST', /^\/api\/recognition\/calls$/, () => ministry.getByTestId('rec-call-save').click());
    const call = (await created.json()) as { id: string; typeIds: string[] };
    expect(call.typeIds).toEqual(['tech_transfer_center']);
    const callId = call.id;
    await ministry.getByTestId('rec-call-form').waitFor({ state: 'detached' });
    await ministry.getByTestId(`rec-call-open-${callId}`).click();
    await ministry.locator('.ant-modal-confirm-btns .ant-btn-primary').waitFor();
    await responseTo(ministry, 'POST', new RegExp(`^/api/recognition/calls/${callId}/open$`), () => confirmModal(ministry));
    await ministry.getByTestId(`rec-call-close-${callId}`).waitFor();

    // a7.p1.i1, a7.p2.i1: the intermediary applies; its eligibility is computed in the form, and it submits.
    const institution = await signIn('khitt');
    await institution.goto(`${server.url}/recognition/calls`);
    await institution.getByTestId(`rec-call-apply-${callId}`).click();
    await institution.getByTestId('rec-apply-form').waitFor();
    await institution.getByTestId('rec-apply-typeId').locator('input[type=radio][value=tech_transfer_center]').check();
    await institution.getByTestId('rec-apply-title').fill(centerTitle);
    await institution.getByTestId('rec-apply-submit').click();
    await institution.waitForURL(/\/recognition\/applications\/[^/]+\/edit$/);
    const appId = new URL(institution.url()).pathname.split('/').at(-2)!;
    await institution.getByTestId('rec-form-section-a7.p1.i1').waitFor();
    const form = await institution.request.get(`${server.url}/api/recognition/applications/${appId}/form`);
    const i1 = ((await form.json()) as { sections: { clause: string; verdicts: { met: unknown }[] }[] }).sections.find((s) => s.clause === 'a7.p1.i1')!;
    expect(i1.verdicts.slice(0, 3).map((v) => v.met)).toEqual([true, true, true]);
    await institution.getByTestId('rec-form-narrative-a7.p1.i1').fill('本中心为独立法人的科技中介服务机构，位于合肥国家高新技术产业开发区，主要从事国际技术转移与国际科技合作中介服务。');
    await institution.getByTestId('rec-form-submit').click();
    await responseTo(institution, 'POST', new RegExp(`^/api/recognition/applications/${appId}/submit$`), () => confirmModal(institution));
    await institution.waitForURL(new RegExp(`/recognition/applications/${appId}$`));
    await expect.poll(() => stepState(institution, 'zone_support')).toBe('current');
    await institution.context().close();

    // a7.p2.i1: the Hefei national high-tech zone, where the center sits, gives its supporting opinion.
    const zone = await signIn('zone-hefei');
    await openAt(zone, appId, 'zone_support');
    await approveStep(zone, appId, '合肥高新区同意支持，提供场地与资金配套。', 'recommend');
    await zone.context().close();

    // a7.p2.i1: 安徽省科技厅, in whose territory the center is, recommends.
    const recommender = await signIn('anhui');
    await openAt(recommender, appId, 'recommend');
    await approveStep(recommender, appId, '经审核，该中心符合国际技术转移中心认定条件，同意推荐。', 'formal_check');
    await recommender.context().close();

    // a7.p2.i2: 火炬中心, acting with 国际合作司, runs the formal check, the expert review and the assessment.
    const torch = await signIn('torch');
    await openAt(torch, appId, 'formal_check');
    await checkReviewAssess(torch, appId, {
      check: '申报材料齐全，形式审查通过。', score: '88', reviewOpinion: '该中心技术转移业绩突出，服务园区国际化需求明显，建议认定。',
      reviewDone: '专家评审完成，平均分 88 分。', assessmentOpinion: '现场考核通过。', assessmentDone: '考核通过。',
    });

    // a7.p2.i3: 国际合作司 evaluates on the evaluation screen and signs the decision, which then waits for 火炬中心.
    await evaluateAndApprove(ministry, server.url, callId, 'tech_transfer_center', appId, '经综合评价，该中心符合认定条件，兼顾园区国际化需求与区域布局，同意认定。');
    await ministry.getByTestId('rec-decision-form').waitFor();
    await ministry.getByTestId('rec-decision-documentNumber').fill(documentNumber);
    await pickDate(ministry, 'rec-decision-issuedOn', beijingDay());
    await ministry.getByTestId('rec-decision-opinion').fill('经综合评价，同意认定为国际技术转移中心。');
    // Issue at once rather than after a 公示 (the switch is on by default).
    await ministry.getByTestId('rec-decision-notice').click();
    await expect.poll(() => ministry.getByTestId('rec-decision-notice').getAttribute('aria-checked')).toBe('false');
    const signed = await responseTo(ministry, 'POST', /^\/api\/recognition\/decisions$/, () => ministry.getByTestId('rec-decision-submit').click());
    const first = (await signed.json()) as { decisionId: string; status: string; baseIds: string[] };
    // One signature is not enough: no base yet.
    expect(first).toMatchObject({ status: 'awaiting_cosign', baseIds: [] });
    const decisionId = first.decisionId;
    await ministry.context().close();

    // a7.p2.i3: 火炬中心 co-signs on the decisions page; the document is now issued and a base exists.
    await torch.goto(`${server.url}/recognition/decisions`);
    await torch.getByTestId('rec-decision-table').waitFor();
    await torch.getByTestId(`rec-decision-cosign-${decisionId}`).click();
    await torch.getByTestId('rec-decision-sign-opinion').fill('同意认定。');
    const cosigned = await responseTo(torch, 'POST', new RegExp(`^/api/recognition/decisions/${decisionId}/cosign$`), () => torch.getByTestId('rec-decision-sign-submit').click());
    expect(await cosigned.json()).toMatchObject({ status: 'issued', baseIds: [expect.any(String)] });
    await torch.getByTestId(`rec-decision-cosign-${decisionId}`).waitFor({ state: 'detached' });

    const decision = (await (await torch.request.get(`${server.url}/api/recognition/decisions/${decisionId}`)).json()) as { issuingBodies: string[]; signatures: { orgKind: string }[] };
    expect(decision.issuingBodies).toEqual([MOIST, TORCH]);
    expect(decision.signatures.map((s) => s.orgKind)).toEqual(['ministry_intl_dept', 'torch_center']);

    // The recognition document, through the link on the decisions page, with the browser's own cookies.
    const link = torch.locator('[data-testid^="rec-pdf-recognition-"]').first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/recognition\/documents\/[^/]+\/pdf$/);
    const pdf = await torch.request.get(new URL(href!, server.url).toString());
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(bytes);
    if (text !== null) {
      expect(text).toContain(documentNumber);
      expect(text).toContain(MOIST);
      expect(text).toContain(TORCH);
      expect(text).toContain(centerTitle);
    }

    // The application now shows as recognized.
    await torch.goto(`${server.url}/recognition/applications/${appId}`);
    await torch.getByTestId('rec-step-bar').waitFor();
    await expect.poll(() => stepState(torch, 'issue')).toBe('done');
    await torch.context().close();
  });
});
