import { createRequire } from 'node:module';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startServer, type RunningServer } from './harness.js';

// a19.s1: the public column passes an automated accessibility check — axe-core injected into
// Chromium on every public page, in Chinese and in English, with no serious or critical violation
// (WCAG 2.0/2.1 A and AA rules). Anonymous readers, as the public sees the pages.

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Demo data (src/server/demo): 四川大学's joint research centre, recognized in 2013.
const BASE_CODE = 'GH-2013-JRC-0001';

/** [path under the portal, screenshot name or null]. 公示 is /publicity. */
const pages: Array<[string, string | null]> = [
  ['', 'portal-home'],
  ['/bases', null],
  [`/bases/${BASE_CODE}`, 'portal-base-profile'],
  ['/map', 'portal-directory-map'],
  ['/measures', null],
  ['/notices', null],
  ['/publicity', null],
  ['/verify', null],
  ['/verify?code=ZZZZ-ZZZZ-ZZZZ-ZZZZ', null],
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

async function axe(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the portal's CSP (script-src 'self') forbids inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: Violation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

describe('a19.s1: the public column passes axe-core in Chromium (no serious or critical violations)', () => {
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

  for (const lang of ['zh', 'en'] as const) {
    it(`a19.s1: every public page in ${lang === 'zh' ? 'Chinese' : 'English'} has no serious or critical accessibility violation`, async () => {
      const context = await browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const prefix = lang === 'zh' ? '/portal' : '/en/portal';
      const found: string[] = [];
      try {
        for (const [rel, shot] of pages) {
          const res = await page.goto(`${server.url}${prefix}${rel}`, { waitUntil: 'load' });
          expect(res?.status(), `${prefix}${rel}`).toBeLessThan(500);
          if (rel.startsWith('/bases/')) expect(res?.status(), 'the demo base has a public profile').toBe(200);
          const bad = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
          for (const v of bad) found.push(`${prefix}${rel}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n    ')}`);
          if (shot) await screenshot(page, `${shot}-${lang}`);
        }
      } finally {
        await context.close();
      }
      expect(found, found.join('\n')).toEqual([]);
    });
  }
});
