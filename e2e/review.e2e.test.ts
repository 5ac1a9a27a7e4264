import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, screenshot, startServer, type RunningServer, signInPage } from './harness.js';

// Expert review of a 示范型国际科技合作基地 (a8.p2.i2) in Chromium. Setup through the API brings one
// application of 清华大学 to the expert-review step (call → filing → 教育部 recommends → formal
// check). Then, in the browser: 国际合作司 creates the round, computes the assignment with three
// reviewers and applies it; the three experts it picked sign the 回避与保密承诺 and score; the
// ministry opens the panel (会评) and concludes; the panel's score shows on the evaluation screen.

/** Poll with room for a loaded CI machine (vitest's default is one second). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000 });

function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A signed-in API session for setup (cookie + CSRF token), outside the browser. */
async function apiAs(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${url}${path}`, {
      method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (r.status >= 300) throw new Error(`${username} ${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

describe('expert review in Chromium: round, assignment, declaration, scoring, panel, evaluation screen', () => {
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

  /** The response to `method` on a path matching `re`, started by `action`. */
  async function responseTo(page: Page, method: string, re: RegExp, action: () => Promise<unknown>): Promise<Response> {
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && re.test(new URL(r.url()).pathname)), action()]);
    expect(res.status(), `${method} ${res.url()}: ${await res.text().catch(() => '')}`).toBeLessThan(300);
    return res;
  }

  /** Confirm the open Popconfirm. */
  const confirmPop = (page: Page) => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();

  /** Pick the option labelled `text` in the antd Select with `testId`. */
  async function pick(page: Page, testId: string, text: string) {
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await page.getByTestId(testId).click();
    await open.locator('.ant-select-item-option', { hasText: text }).first().click();
    // Wait for the dropdown to finish closing: the next Select's options must not be confused with these.
    await poll(() => open.count()).toBe(0);
    await poll(() => page.getByTestId(testId).textContent()).toContain(text);
  }

  /** Reload `page` in `lang` (the browser's explicit choice beats the account's locale) and wait for `testId`. */
  async function inLang(page: Page, lang: 'zh' | 'en', testId: string) {
    await page.evaluate((l) => localStorage.setItem('guohe.lang', l), lang);
    await page.reload();
    await page.getByTestId(testId).waitFor();
    await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang === 'en' ? 'en-US' : 'zh-CN');
  }

  /** For screenshots: no spinner and no toast left on the page. */
  async function settled(page: Page) {
    await poll(() => page.locator('.ant-spin-spinning, .ant-message-notice').count()).toBe(0);
  }

  /** Setup: an application of 清华大学 at the expert-review step of a fresh call; returns the ids. */
  async function applicationAtReview() {
    const moist = await apiAs(server.url, 'moist');
    const year = Number(beijingDay().slice(0, 4));
    const titleZh = `示范型国际科技合作基地认定（评审端到端 ${Math.random().toString(36).slice(2, 8)}）`;
    const call = await moist('POST', '/api/recognition/calls', {
      year, titleZh, titleEn: 'Demonstration bases (review e2e)', typeIds: ['demonstration_base'], opensOn: beijingDay(-1), deadlineOn: beijingDay(30),
    });
    await moist('POST', `/api/recognition/calls/${call.id}/open`, { version: call.version });
    const tsinghua = await apiAs(server.url, 'tsinghua');
    const draft = await tsinghua('POST', '/api/recognition/applications', { callId: call.id, typeId: 'demonstration_base', title: '清华大学能源与环境示范型国际科技合作基地', fields: ['energy', 'ecology_environment'] });
    await tsinghua('POST', `/api/recognition/applications/${draft.id}/submit`, { version: draft.version });
    const moe = await apiAs(server.url, 'moe');
    await moe('POST', `/api/recognition/applications/${draft.id}/actions`, { action: 'approve', opinion: '同意推荐' });
    const checked = await moist('POST', `/api/recognition/applications/${draft.id}/actions`, { action: 'approve', opinion: '形式审查通过' });
    expect(checked.stepId).toBe('expert_review');
    return { callId: call.id as string, callLabel: `${year} · ${titleZh}`, appId: draft.id as string };
  }

  it('a8.p2.i2: 国际合作司 runs a round, three experts declare and score, the panel concludes, the score reaches the evaluation screen', async () => {
    const { callId, callLabel, appId } = await applicationAtReview();

    // 国际合作司 creates the round for the call and type.
    const ministry = await signInPage(browser, server.url, 'moist');
    await ministry.goto(`${server.url}/review/rounds`);
    await ministry.getByTestId('review-rounds-table').waitFor();
    await ministry.getByTestId('review-round-create').click();
    await ministry.getByTestId('review-round-form').waitFor();
    await pick(ministry, 'review-round-callId', callLabel);
    await pick(ministry, 'review-round-typeId', '示范型');
    const created = await responseTo(ministry, 'POST', /^\/api\/review\/rounds$/, () => ministry.getByTestId('review-round-save').click());
    const roundId = ((await created.json()) as { id: string }).id;
    await ministry.waitForURL(new RegExp(`/review/rounds/${roundId}$`));

    // Three reviewers, load ≤ 1, a third drawn at random; a fixed seed makes the draw replayable.
    await ministry.getByTestId('review-params').waitFor();
    await ministry.getByTestId('review-param-min').fill('3');
    await ministry.getByTestId('review-param-max').fill('3');
    await ministry.getByTestId('review-param-maxLoad').fill('1');
    await ministry.getByTestId('review-param-seed').fill('e2e-review');
    const proposed = await responseTo(ministry, 'POST', new RegExp(`^/api/review/rounds/${roundId}/proposal$`), () => ministry.getByTestId('review-propose').click());
    type Pair = { applicationId: string; expertId: string };
    const proposal = ((await proposed.json()) as { proposal: { pairs: Pair[]; feasibility: { ok: boolean } } }).proposal;
    expect(proposal.feasibility.ok).toBe(true);
    const panel = proposal.pairs.filter((p) => p.applicationId === appId).map((p) => p.expertId);
    expect(panel).toHaveLength(3);
    await poll(() => ministry.getByTestId(`review-proposal-row-${appId}`).getAttribute('data-count')).toBe('3');
    await poll(() => ministry.getByTestId('review-feasibility').getAttribute('data-ok')).toBe('yes');
    if (process.env.GUOHE_SCREENSHOTS === '1') {
      await settled(ministry);
      await screenshot(ministry, 'review-assignment-zh');
      await inLang(ministry, 'en', `review-proposal-row-${appId}`);
      await settled(ministry);
      await screenshot(ministry, 'review-assignment-en');
      await inLang(ministry, 'zh', `review-proposal-row-${appId}`);
    }
    // Why each expert: the explanation names matched fields.
    await ministry.getByTestId(`review-explain-${appId}`).click();
    for (const id of panel) await ministry.getByTestId(`review-explain-panel-${id}`).waitFor();
    await ministry.keyboard.press('Escape');
    await ministry.getByTestId('review-explain-drawer').waitFor({ state: 'hidden' });

    await ministry.getByTestId('review-apply').click();
    const applied = await responseTo(ministry, 'POST', new RegExp(`^/api/review/rounds/${roundId}/apply$`), () => confirmPop(ministry));
    expect(((await applied.json()) as { status: string }).status).toBe('applied');

    // The experts the assignment picked, by username.
    const pool = (await (await ministry.request.get(`${server.url}/api/experts?pageSize=200`)).json()) as { items: Array<{ id: string; username: string }> };
    const usernames = panel.map((id) => pool.items.find((e) => e.id === id)!.username);
    expect(usernames.every((u) => /^expert\d+$/.test(u))).toBe(true);

    // Each expert: their list → the assignment → sign the declaration → score → submit.
    const totals: number[] = [];
    for (const [i, username] of usernames.entries()) {
      const expert = await signInPage(browser, server.url, username);
      const [mine] = await Promise.all([
        expert.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/review/assignments'),
        expert.goto(`${server.url}/reviews`),
      ]);
      const assignment = ((await mine.json()) as Array<{ id: string; application: { id?: string }; status: string }>)[0]!;
      await poll(() => expert.getByTestId(`review-my-row-${assignment.id}`).getAttribute('data-status')).toBe('pending');
      await expert.getByTestId(`review-my-open-${assignment.id}`).click();
      await expert.getByTestId('review-declaration').waitFor();
      // Nothing to score before signing.
      expect(await expert.getByTestId('review-scoring-form').count()).toBe(0);
      await responseTo(expert, 'POST', new RegExp(`^/api/review/assignments/${assignment.id}/declaration$`), () => expert.getByTestId('review-sign').click());
      await poll(() => expert.getByTestId('review-assignment-status').getAttribute('data-status')).toBe('accepted');
      await expert.getByTestId('review-scoring-form').waitFor();

      const detail = (await (await expert.request.get(`${server.url}/api/review/assignments/${assignment.id}`)).json()) as { form: { criteria: Array<{ clause: string; weight: number }> } };
      const criteria = detail.form.criteria;
      expect(criteria.length).toBeGreaterThan(0);
      const score = [88, 82, 76][i]!;
      for (const c of criteria) await expert.getByTestId(`review-score-${c.clause}`).fill(String(score));
      await poll(() => expert.getByTestId('review-total').textContent()).toContain(String(score));
      await expert.getByTestId('review-opinion').fill(`该单位国际合作基础扎实，示范带动作用明显（专家 ${i + 1}）。`);
      await expert.locator('label:has([data-testid="review-recommendation-recommend"])').click();
      if (i === 0 && process.env.GUOHE_SCREENSHOTS === '1') {
        await inLang(expert, 'zh', 'review-scoring-form');
        await settled(expert);
        await screenshot(expert, 'review-scoring-zh');
        await inLang(expert, 'en', 'review-scoring-form');
        await settled(expert);
        await screenshot(expert, 'review-scoring-en');
        await inLang(expert, 'zh', 'review-scoring-form');
        // The typed values survive the reloads (local draft or the server's).
        await poll(async () => Number(await expert.getByTestId(`review-score-${criteria[0]!.clause}`).inputValue())).toBe(score);
      }
      await expert.getByTestId('review-submit').click();
      const submitted = await responseTo(expert, 'POST', new RegExp(`^/api/review/assignments/${assignment.id}/submit$`), () => confirmPop(expert));
      totals.push(((await submitted.json()) as { totalScore: number }).totalScore);
      await poll(() => expert.getByTestId('review-assignment-status').getAttribute('data-status')).toBe('submitted');
      await expert.context().close();
    }
    expect(totals).toEqual([88, 82, 76]);

    // 国际合作司 opens the panel stage (会评) and concludes with the consensus opinion and vote.
    await ministry.goto(`${server.url}/review/rounds/${roundId}`);
    await ministry.getByTestId('review-open-panel').click();
    await responseTo(ministry, 'POST', new RegExp(`^/api/review/rounds/${roundId}/panel-stage$`), () => confirmPop(ministry));
    await ministry.goto(`${server.url}/review/rounds/${roundId}/panel`);
    const row = ministry.getByTestId(`review-panel-row-${appId}`);
    await poll(() => row.getAttribute('data-n')).toBe('3');
    // Three scores: nothing trimmed, the mean (82).
    await poll(() => row.getAttribute('data-trimmed-mean')).toBe('82');
    await ministry.getByTestId(`review-panel-open-${appId}`).click();
    await ministry.getByTestId('review-panel-form').waitFor();
    await ministry.getByTestId('review-panel-opinion').fill('专家组经会评一致认为：该单位符合示范型国际科技合作基地条件，建议认定。');
    await ministry.getByTestId('review-panel-vote-for').fill('3');
    const concluded = await responseTo(ministry, 'POST', new RegExp(`^/api/review/rounds/${roundId}/applications/${appId}/panel$`), () => ministry.getByTestId('review-panel-submit').click());
    expect(await concluded.json()).toMatchObject({ recommendation: 'recommend', score: 82, votes: { for: 3, against: 0, abstain: 0 } });

    // The panel's score is the candidate's review score on the comprehensive evaluation screen.
    const [evaluation] = await Promise.all([
      ministry.waitForResponse((r) => new URL(r.url()).pathname === '/api/recognition/evaluation' && r.status() === 200),
      ministry.goto(`${server.url}/recognition/evaluation?callId=${callId}&typeId=demonstration_base`),
    ]);
    const candidate = ((await evaluation.json()) as { candidates: Array<{ applicationId: string; reviewScore: number | null; reviewCount: number }> }).candidates.find((c) => c.applicationId === appId);
    expect(candidate).toMatchObject({ reviewScore: 82, reviewCount: 1 });
    await poll(() => ministry.getByTestId(`rec-eval-row-${appId}`).textContent()).toContain('82');
    // The application's record carries the panel's result with the experts' names.
    const app = (await (await ministry.request.get(`${server.url}/api/recognition/applications/${appId}`)).json()) as { reviewResults: Array<{ kind: string; score: number | null; source?: string }> };
    expect(app.reviewResults).toContainEqual(expect.objectContaining({ kind: 'review', score: 82 }));
    await ministry.context().close();
    // Four users in turn on a shared 2-core machine: more room than the project's default.
  }, 600_000);
});
