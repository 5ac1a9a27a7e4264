// Steps shared by the recognition walks (one e2e file per base type): waiting for the response an
// action starts, antd date pickers and confirm dialogs, approving a step on the detail page,
// recording review results by hand, and reading a recognition document PDF back as text.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page, Response } from 'playwright-core';

/** A Beijing calendar day, `days` from today. */
export function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The response to `method` on a path matching `re`, started by `action`; it must be a success. */
export async function responseTo(page: Page, method: string, re: RegExp, action: () => Promise<unknown>): Promise<Response> {
  const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && re.test(new URL(r.url()).pathname)), action()]);
  expect(res.status(), `${method} ${res.url()}: ${await res.text().catch(() => '')}`).toBeLessThan(300);
  return res;
}

/** Type a date into an antd DatePicker (by test id or locator) and close its panel. */
export async function pickDate(page: Page, input: string | Locator, day: string) {
  const field = typeof input === 'string' ? page.getByTestId(input) : input;
  await field.click();
  await page.keyboard.type(day);
  await page.keyboard.press('Enter');
  await expect.poll(() => field.inputValue()).toBe(day);
}

/** Press OK in the open antd confirm dialog. */
export async function confirmModal(page: Page) {
  await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
}

/** The step bar's state of one step: 'done', 'current' or 'todo'. */
export const stepState = (page: Page, stepId: string) => page.getByTestId(`rec-step-${stepId}`).getAttribute('data-state');

/** On the application detail page: sign `opinion` and approve, then wait for `next` to be the current step. */
export async function approveStep(page: Page, appId: string, opinion: string, next: string) {
  await page.getByTestId('rec-opinion').fill(opinion);
  await responseTo(page, 'POST', new RegExp(`^/api/recognition/applications/${appId}/actions$`), () => page.getByTestId('rec-action-approve').click());
  await expect.poll(() => stepState(page, next)).toBe('current');
}

/** Record a review score or an assessment result by hand through the detail page's modal. */
export async function recordReview(page: Page, appId: string, fill: () => Promise<void>) {
  await page.getByTestId('rec-review-add').click();
  await page.getByTestId('rec-review-form').waitFor();
  await fill();
  await responseTo(page, 'POST', new RegExp(`^/api/recognition/applications/${appId}/review-results$`), () => page.getByTestId('rec-review-save').click());
  await page.getByTestId('rec-review-form').waitFor({ state: 'detached' });
}

/** poppler-utils' pdftotext is installed in CI; elsewhere the text check is skipped. */
export function hasPdftotext(): boolean {
  return !spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error;
}

/** The text of a PDF with all white space removed, or null where pdftotext is not installed. */
export function pdfText(bytes: Buffer): string | null {
  if (!hasPdftotext()) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guohe-e2e-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Texts of the by-hand review and assessment (a5.p2–a8.p2: 组织专家评审、考核) on the detail page. */
export interface ReviewTexts { check: string; score: string; reviewOpinion: string; reviewDone: string; assessmentOpinion: string; assessmentDone: string }

/** From the formal check (current) to the evaluation: pass the check, record a score and a passed assessment. */
export async function checkReviewAssess(page: Page, appId: string, t: ReviewTexts) {
  await approveStep(page, appId, t.check, 'expert_review');
  await recordReview(page, appId, async () => {
    await page.getByTestId('rec-review-score').fill(t.score);
    await page.getByTestId('rec-review-opinion').fill(t.reviewOpinion);
  });
  await approveStep(page, appId, t.reviewDone, 'assessment');
  await recordReview(page, appId, async () => {
    await page.getByTestId('rec-review-kind').locator('input[value=assessment]').check();
    await page.getByTestId('rec-review-result').locator('input[value=pass]').check();
    await page.getByTestId('rec-review-opinion').fill(t.assessmentOpinion);
  });
  await approveStep(page, appId, t.assessmentDone, 'evaluate');
}

/** On the comprehensive evaluation screen of a call and type: choose the application and approve it with `opinion`. */
export async function evaluateAndApprove(page: Page, baseUrl: string, callId: string, typeId: string, appId: string, opinion: string) {
  await page.goto(`${baseUrl}/recognition/evaluation?callId=${callId}&typeId=${typeId}`);
  const row = page.getByTestId(`rec-eval-row-${appId}`);
  await row.waitFor();
  await row.locator('input[type=checkbox]').check();
  await page.getByTestId('rec-eval-opinion').fill(opinion);
  await responseTo(page, 'POST', new RegExp(`^/api/recognition/applications/${appId}/actions$`), () => page.getByTestId('rec-eval-approve').click());
}
