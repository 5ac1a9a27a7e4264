import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signInPage, startServer, type RunningServer } from './harness.js';
import { confirmModal, responseTo, stepState } from './recognition-steps.js';

// a21.s1 in Chromium: a provincial S&T department (demo user 'sichuan', 四川省科学技术厅) builds a
// local programme in the editor — a validation error shown at its field, then corrected — previews
// it, publishes it (the version becomes read-only), opens a call under it; an institution of the
// province (四川省农业科学院, 'saas') applies under that call and its submission reaches the first
// step after filing (the department's recommendation).

describe('a21.s1: a provincial programme built in the editor, published, called and applied under', () => {
  let server: RunningServer;
  let browser: Browser;

  // The hook allows for a slow first start on a loaded machine (GUOHE_E2E_START_MS, harness.ts).
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (username: string): Promise<Page> => signInPage(browser, server.url, username);

  it('a21.s1: sichuan builds, validates, previews and publishes a programme and opens a call; saas applies and reaches the recommendation step', async () => {
    const tag = randomBytes(3).toString('hex');
    const lineage = `sc-e2e-${tag}`;
    const titleZh = `四川省国际科技合作基地管理办法（${tag}）`;

    // The department opens its programmes from the menu and starts a new one from the template.
    const dept = await signIn('sichuan');
    await dept.getByTestId('menu-programmes').click();
    await dept.getByTestId('prog-list').waitFor();
    await dept.getByTestId('prog-create').click();
    await dept.getByTestId('prog-create-form').waitFor();
    await dept.getByTestId('prog-create-lineage').fill(lineage);
    await dept.getByTestId('prog-create-version').fill('2026');
    await dept.getByTestId('prog-create-titleZh').fill(titleZh);
    await dept.getByTestId('prog-create-titleEn').fill(`Sichuan measures for international cooperation bases (${tag})`);
    const created = await responseTo(dept, 'POST', /^\/api\/programmes$/, () => dept.getByTestId('prog-create-submit').click());
    const programmeId = ((await created.json()) as { id: string }).id;
    await dept.waitForURL(new RegExp(`/programmes/${programmeId}$`));
    await dept.getByTestId('prog-editor').waitFor();
    // The preview of the saved draft: the form's section under the document's own clause.
    await dept.getByTestId('prog-preview-section-l.5.1').waitFor();

    // Conditions and procedure: the question of the narrative condition, and no deciding step —
    // the server's validation names the procedure and the rule, shown beside it.
    await dept.getByTestId('prog-tab-types').click();
    await dept.getByTestId('prog-cond-0-param-question-zh').fill('与境外机构建立稳定合作关系，近三年承担国际合作项目');
    await dept.getByTestId('prog-step-2-deciding').uncheck();
    const refused = await Promise.all([
      dept.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/programmes/${programmeId}`),
      dept.getByTestId('prog-save').click(),
    ]).then(([r]) => r);
    expect(refused.status()).toBe(400);
    await dept.getByTestId('prog-issues').waitFor();
    await expect.poll(() => dept.getByTestId('prog-issue-types[0].procedure').textContent()).toContain('决定步骤');

    // Corrected: the deciding step back, and a completeness check (形式审查) under clause l.6.2
    // moved before the decision.
    await dept.getByTestId('prog-step-2-deciding').check();
    await dept.getByTestId('prog-step-add').click();
    await dept.getByTestId('prog-step-4').waitFor();
    await dept.getByTestId('prog-step-4-clauses').click();
    await dept.keyboard.type('l.6.2');
    await dept.keyboard.press('Enter');
    await dept.keyboard.press('Escape');
    await dept.getByTestId('prog-step-4').getByRole('button', { name: '上移' }).click();
    await dept.getByTestId('prog-step-3').getByRole('button', { name: '上移' }).click();
    await responseTo(dept, 'PATCH', new RegExp(`^/api/programmes/${programmeId}$`), () => dept.getByTestId('prog-save').click());
    await dept.getByTestId('prog-issues').waitFor({ state: 'detached' });
    // The live preview follows the saved draft: the step bar now has the completeness check third.
    await expect.poll(async () => (await dept.getByTestId('prog-preview-steps').textContent()) ?? '').toMatch(/推荐.*形式审查.*办公会议决定/);
    await expect.poll(async () => (await dept.getByTestId('prog-preview-section-l.5.1').textContent()) ?? '').toContain('近三年承担国际合作项目');
    await screenshot(dept, 'programme-editor-zh');

    // Publish: the version becomes read-only.
    await dept.getByTestId('prog-publish').click();
    await responseTo(dept, 'POST', new RegExp(`^/api/programmes/${programmeId}/publish$`), () => confirmModal(dept));
    await dept.getByTestId('prog-read-only').waitFor();
    expect(await dept.getByTestId('prog-save').count()).toBe(0);
    expect(await dept.getByTestId('prog-step-0-id').isDisabled()).toBe(true);

    // A call under the published version, opened for filing.
    await dept.getByTestId('prog-tab-callsList').click();
    await dept.getByTestId('prog-call-create').click();
    await dept.getByTestId('prog-call-form').waitFor();
    const call = await responseTo(dept, 'POST', new RegExp(`^/api/programmes/${programmeId}/calls$`), () => dept.getByTestId('prog-call-save').click());
    const callId = ((await call.json()) as { id: string }).id;
    await responseTo(dept, 'POST', new RegExp(`^/api/programmes/calls/${callId}/open$`), () => dept.getByTestId(`prog-call-open-${callId}`).click());
    await expect.poll(async () => (await dept.getByTestId(`prog-call-row-${callId}`).textContent()) ?? '').toContain('受理中');

    // The English editor of the published version (screenshot only).
    await dept.context().addInitScript(() => localStorage.setItem('guohe.lang', 'en'));
    await dept.goto(`${server.url}/programmes/${programmeId}`);
    await dept.getByTestId('prog-preview-steps').waitFor();
    await dept.getByTestId('prog-tab-types').click();
    await screenshot(dept, 'programme-editor-en');
    await dept.context().close();

    // 四川省农业科学院 applies under the provincial call with the programme's own form.
    const institution = await signIn('saas');
    await institution.goto(`${server.url}/recognition/calls`);
    await institution.getByTestId(`rec-call-apply-${callId}`).click();
    await institution.getByTestId('rec-apply-form').waitFor();
    await institution.getByTestId('rec-apply-typeId').locator('input[type=radio][value=joint_research_center]').check();
    await institution.getByTestId('rec-apply-title').fill(`四川省农业科学院国际联合研究中心 ${tag}`);
    await responseTo(institution, 'POST', /^\/api\/recognition\/applications$/, () => institution.getByTestId('rec-apply-submit').click());
    await institution.waitForURL(/\/recognition\/applications\/[^/]+\/edit$/);
    const appId = new URL(institution.url()).pathname.split('/').at(-2)!;
    await institution.getByTestId('rec-form-section-l.5.1').waitFor();
    expect(await institution.getByTestId('rec-form-section-l.5.1').textContent()).toContain('近三年承担国际合作项目');
    await institution.getByTestId('rec-form-narrative-l.5.1').fill('与德国、泰国等国 6 家机构签有合作协议，近三年承担国际合作项目 5 项。');
    await institution.getByTestId('rec-form-submit').click();
    await responseTo(institution, 'POST', new RegExp(`^/api/recognition/applications/${appId}/submit$`), () => confirmModal(institution));
    await institution.waitForURL(new RegExp(`/recognition/applications/${appId}$`));
    await expect.poll(() => stepState(institution, 'recommend')).toBe('current');
    const detail = (await (await institution.request.get(`${server.url}/api/recognition/applications/${appId}`)).json()) as { programmeKey: string; stepId: string };
    expect(detail).toMatchObject({ programmeKey: `${lineage}@2026`, stepId: 'recommend' });
    await institution.context().close();
  });
});
