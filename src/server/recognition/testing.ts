// Helpers for the recognition integration tests: signed-in requests by demo username, a call
// open now, and reading a PDF back as text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, beijingDateOf } from '../../regulation/index.js';
import { signInAs, type TestApp } from '../testing/app.js';

export type Api = ReturnType<typeof client>;

export function client(app: TestApp) {
  const sessions = new Map<string, Record<string, string>>();
  const headersOf = async (who: string) => {
    let h = sessions.get(who);
    if (!h) {
      h = (await signInAs(app, who)).headers;
      sessions.set(who, h);
    }
    return h;
  };
  const call = async (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const headers = who ? await headersOf(who) : {};
    return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  };
  return {
    get: (who: string | null, url: string) => call(who, 'GET', url),
    post: (who: string, url: string, payload: unknown = {}) => call(who, 'POST', url, payload),
    patch: (who: string, url: string, payload: unknown) => call(who, 'PATCH', url, payload),
    headersOf,
    /** POST that must succeed; returns the JSON body. */
    ok: async <T = any>(who: string, method: 'POST' | 'PATCH', url: string, payload: unknown = {}): Promise<T> => {
      const res = await call(who, method, url, payload);
      if (res.statusCode >= 300) throw new Error(`${who} ${method} ${url} → ${res.statusCode} ${res.body}`);
      return res.json() as T;
    },
    upload: async (who: string, applicationId: string, filename: string, content: Buffer) => {
      const boundary = '----guohe-test-boundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({ method: 'POST', url: `/api/recognition/applications/${applicationId}/attachments`, headers: { ...(await headersOf(who)), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    },
  };
}

export const today = () => beijingDateOf(new Date());

/** A call opened by 国际合作司 for the given types, open from yesterday for 30 days. */
export async function openCall(api: Api, typeIds: string[], extra: Record<string, unknown> = {}) {
  const call = await api.ok('moist', 'POST', '/api/recognition/calls', {
    year: Number(today().slice(0, 4)), titleZh: '国家国际科技合作基地申报', titleEn: 'Call for national bases', typeIds,
    opensOn: addDays(today(), -1), deadlineOn: addDays(today(), 30), ...extra,
  });
  return api.ok('moist', 'POST', `/api/recognition/calls/${call.id}/open`, { version: call.version });
}

/** Approve the current step with a signed opinion; returns the new summary. */
export const approve = (api: Api, who: string, id: string, opinion = '同意') =>
  api.ok(who, 'POST', `/api/recognition/applications/${id}/actions`, { action: 'approve', opinion });

/** Expert review and assessment recorded by hand, then the three review steps approved. */
export async function reviewAndEvaluate(api: Api, who: string, id: string, score = 86) {
  await approve(api, who, id, '材料齐全，形式审查通过');
  await api.ok(who, 'POST', `/api/recognition/applications/${id}/review-results`, { kind: 'review', score, opinion: '专家组评审通过', panel: ['专家甲', '专家乙', '专家丙'] });
  await approve(api, who, id, '专家评审通过');
  await api.ok(who, 'POST', `/api/recognition/applications/${id}/review-results`, { kind: 'assessment', result: 'pass', opinion: '考核合格' });
  await approve(api, who, id, '考核合格');
  return approve(api, who, id, '综合评价：符合认定标准');
}

export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

export function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `guohe-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return out.stdout.replace(/\s+/g, '');
  } finally {
    fs.rmSync(file, { force: true });
  }
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

/** Demo profile: 'single' institutions have one national project; a6.p1.i1 needs more than one. */
export async function addIntergovernmentalProject(db: import('../platform/db/client.js').Db, orgKey: string) {
  const { eq } = await import('drizzle-orm');
  const { organizations } = await import('../organizations/tables.js');
  const { projects } = await import('../projects/tables.js');
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, orgKey));
  await db.insert(projects).values({ key: `test-${orgKey}-igov`, orgId: org!.id, kind: 'intergovernmental', level: 'national', title: '政府间科技合作项目（测试）', startYear: 2020, endYear: 2023 });
  return org!.id;
}
