// a14.s1 attachments of plans and summaries: the base uploads to its own editable report; the
// report includes the files it lists; the recommending unit and the ministry download them; the
// same storage rules as recognition (content-sniffed type, SM3 digest checked on read).
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import CFB from 'cfb';
import { sql } from 'drizzle-orm';
import { beijingInstant } from '../../../regulation/index.js';
import { describeEachDb } from '../../testing/db.js';
import { signInAs, testApp, type TestApp } from '../../testing/app.js';
import { PDF_BYTES, PNG_BYTES } from '../../recognition/testing.js';
import { clock } from '../clock.js';
import { apiAs, insertBase } from '../test-helpers.js';

const realNow = clock.now;

describeEachDb('a14.s1: attachments of annual plans and summaries', (getDb) => {
  let app: TestApp;
  let call: ReturnType<typeof apiAs>;
  let report: { id: string; version: number; attachmentIds: string[] };
  const upload = async (who: string, reportId: string, filename: string, content: Buffer) => {
    const { headers } = await signInAs(app, who);
    const boundary = '----guohe-report-boundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({ method: 'POST', url: `/api/reports/${reportId}/attachments`, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  };

  beforeAll(async () => {
    app = await testApp(getDb());
    call = apiAs(app);
    // A Sichuan base (host 四川省农业科学院, recommended by 四川省科学技术厅) filing its 2026 summary.
    const base = await insertBase(getDb().db, 'inst-saas', '2019-05-20');
    clock.now = () => beijingInstant('2026-12-01', 10);
    report = (await call('saas', 'POST', `/api/bases/${base.id}/reports`, { year: 2026, kind: 'summary' })).json();
  });
  afterEach(() => { clock.now = realNow; });
  afterAll(async () => { await app.close(); });

  it('a14.s1: the base uploads a file to its draft; saved into the report, it is shown and downloadable by the department and the ministry', async () => {
    const res = await upload('saas', report.id, '2026年度合作成果汇编.pdf', PDF_BYTES);
    expect(res.statusCode).toBe(201);
    const meta = res.json();
    expect(meta).toMatchObject({ filename: '2026年度合作成果汇编.pdf', mime: 'application/pdf', size: PDF_BYTES.length, sm3: createHash('sm3').update(PDF_BYTES).digest('hex') });
    // Uploaded but not yet saved into the report: not part of it.
    expect((await call('saas', 'GET', `/api/reports/${report.id}`)).json().attachments).toEqual([]);

    const saved = await call('saas', 'PUT', `/api/reports/${report.id}`, { version: report.version, content: {}, narrative: '见附件', attachmentIds: [meta.id] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().attachments).toEqual([meta]);
    report = saved.json();

    for (const who of ['saas', 'sichuan', 'moist']) {
      const back = await call(who, 'GET', `/api/report-attachments/${meta.id}`);
      expect(back.statusCode, who).toBe(200);
      expect(back.rawPayload.equals(PDF_BYTES)).toBe(true);
      expect(back.headers['content-disposition']).toContain("filename*=UTF-8''2026");
    }
    // Another province's department and another institution: not found.
    expect((await call('beijing', 'GET', `/api/report-attachments/${meta.id}`)).statusCode).toBe(404);
    expect((await call('tsinghua', 'GET', `/api/report-attachments/${meta.id}`)).statusCode).toBe(404);
    expect((await call('moist', 'GET', `/api/reports/${report.id}`)).json().attachments.map((a: { id: string }) => a.id)).toEqual([meta.id]);
  });

  it('a14.s1: only the base uploads, only while the report is editable; a save lists only this report’s files', async () => {
    // The department's role files nothing (403); another institution does not see the report (404).
    expect((await upload('sichuan', report.id, 'x.pdf', PDF_BYTES)).statusCode).toBe(403);
    expect((await upload('tsinghua', report.id, 'x.pdf', PDF_BYTES)).statusCode).toBe(404);
    // A file of another report (or a made-up id) cannot be slipped into this one.
    const other = await insertBase(getDb().db, 'inst-jaas', '2019-05-20');
    clock.now = () => beijingInstant('2026-12-01', 10);
    const otherReport = (await call('jaas', 'POST', `/api/bases/${other.id}/reports`, { year: 2026, kind: 'summary' })).json();
    const foreign = (await upload('jaas', otherReport.id, 'other.png', PNG_BYTES)).json();
    for (const ids of [[foreign.id], ['00000000-0000-4000-8000-000000000000'], [...report.attachmentIds, ...report.attachmentIds]]) {
      const bad = await call('saas', 'PUT', `/api/reports/${report.id}`, { version: report.version, content: {}, narrative: '', attachmentIds: ids });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].field).toBe('attachmentIds');
    }
    // Submitted: frozen.
    expect((await call('saas', 'POST', `/api/reports/${report.id}/actions`, { type: 'submit' })).statusCode).toBe(200);
    const late = await upload('saas', report.id, 'late.pdf', PDF_BYTES);
    expect(late.statusCode).toBe(422);
    expect(late.json().error.clause).toBe('a14.s1');
    // What was submitted still lists its file.
    expect((await call('sichuan', 'GET', `/api/reports/${report.id}`)).json().attachments).toHaveLength(1);
  });

  it('refuses content of no allowed type (415) and Word files with macros; renames a PNG sent as ".pdf"; never serves bytes whose SM3 no longer matches', async () => {
    const base = await insertBase(getDb().db, 'inst-hit', '2019-05-20');
    clock.now = () => beijingInstant('2026-12-01', 10);
    const r = (await call('hit', 'POST', `/api/bases/${base.id}/reports`, { year: 2026, kind: 'summary' })).json();
    const text = await upload('hit', r.id, 'notes.pdf', Buffer.from('<script>alert(1)</script>'));
    expect(text.statusCode).toBe(415);
    const png = (await upload('hit', r.id, 'scan.pdf', PNG_BYTES)).json();
    expect(png).toMatchObject({ mime: 'image/png', filename: 'scan.png', declaredName: 'scan.pdf' });
    await getDb().db.execute(sql`update annual_report_attachments set content = ${Buffer.from('forged')} where id = ${png.id}`);
    const back = await call('hit', 'GET', `/api/report-attachments/${png.id}`);
    expect(back.statusCode).toBe(500);
    expect(back.body).not.toContain('forged');
    // A Word file with macros is refused here as for recognition attachments (one gate: platform/files).
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/WordDocument', Buffer.alloc(4096, 1));
    CFB.utils.cfb_add(cfb, '/Macros/VBA/dir', Buffer.from('Attribute VB_Name = "ThisDocument"'));
    const macros = await upload('hit', r.id, '年度总结.doc', Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array));
    expect(macros.statusCode).toBe(415);
    expect(macros.json().error.code).toBe('attachment_macros');
  });
});
