// Attachments: stored in the database with an SM3 digest; the type comes from the content.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { testApp, type TestApp } from '../testing/app.js';
import { PDF_BYTES, PNG_BYTES, client, openCall, type Api } from './testing.js';
import { sanitizeFilename, sniff } from '../platform/files/sniff.js';

describeEachDb('recognition attachments', (getDb) => {
  let app: TestApp;
  let api: Api;
  let id: string;
  beforeAll(async () => {
    app = await testApp(getDb());
    api = client(app);
    const call = await openCall(api, ['demonstration_base']);
    id = (await api.ok('fzu', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'demonstration_base', title: '福州大学示范型国际科技合作基地' })).id;
  });
  afterAll(async () => app?.close());

  it('stores a PDF with its SM3 digest and gives the same bytes back, within scope only', async () => {
    const res = await api.upload('fzu', id, '../../etc/合作协议.pdf', PDF_BYTES);
    expect(res.statusCode).toBe(201);
    const meta = res.json();
    expect(meta).toMatchObject({ filename: '合作协议.pdf', mime: 'application/pdf', size: PDF_BYTES.length, declaredName: null });
    expect(meta.sm3).toBe(createHash('sm3').update(PDF_BYTES).digest('hex'));
    const back = await api.get('fzu', `/api/recognition/attachments/${meta.id}`);
    expect(back.rawPayload.equals(PDF_BYTES)).toBe(true);
    expect(back.headers['content-disposition']).toContain("filename*=UTF-8''%E5%90%88");
    expect((await api.get('hunau', `/api/recognition/attachments/${meta.id}`)).statusCode).toBe(404);
  });

  it('checks the SM3 digest on read: altered bytes are refused, never served', async () => {
    const meta = (await api.upload('fzu', id, '证明材料.pdf', PDF_BYTES)).json();
    // Only someone writing to the database directly can do this; the digest still tells.
    await getDb().db.execute(sql`update recognition_attachments set content = ${Buffer.from('%PDF-1.4 forged')} where id = ${meta.id}`);
    const back = await api.get('fzu', `/api/recognition/attachments/${meta.id}`);
    expect(back.statusCode).toBe(500);
    expect(back.body).toContain('SM3');
    expect(back.body).not.toContain('forged');
  });

  it('decision: a ".pdf" that is a PNG is stored as PNG, renamed, with the declared name kept', async () => {
    const meta = (await api.upload('fzu', id, 'scan.pdf', PNG_BYTES)).json();
    expect(meta).toMatchObject({ mime: 'image/png', filename: 'scan.png', declaredName: 'scan.pdf' });
  });

  it('refuses content of no allowed type (415) and files over 20 MB (413)', async () => {
    const text = await api.upload('fzu', id, 'evil.pdf', Buffer.from('<script>alert(1)</script>'));
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('attachment_refused');
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await api.upload('fzu', id, 'big.pdf', big);
    expect(tooBig.statusCode).toBe(413);
  });

  it('sniffs DOC, DOCX and JPEG by magic numbers and sanitizes names', () => {
    expect(sniff(Buffer.from('d0cf11e0a1b11ae100000000', 'hex'))?.ext).toBe('doc');
    expect(sniff(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from('....word/document.xml')]))?.ext).toBe('docx');
    expect(sniff(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from('....xl/workbook.xml')]))).toBeNull();
    expect(sniff(Buffer.from('ffd8ffe000104a464946', 'hex'))?.mime).toBe('image/jpeg');
    expect(sanitizeFilename('C:\\x\\a<b>|c?.pdf')).toBe('abc.pdf');
    expect(sanitizeFilename('...')).toBe('file');
  });

  it('a section may cite only files of its own application', async () => {
    const detail = (await api.get('fzu', `/api/recognition/applications/${id}`)).json();
    const bad = await api.patch('fzu', `/api/recognition/applications/${id}`, { version: detail.version, sections: { 'a8.p1.i2': { attachmentIds: ['00000000-0000-4000-8000-000000000000'] } } });
    expect(bad.statusCode).toBe(400);
    const good = await api.patch('fzu', `/api/recognition/applications/${id}`, { version: detail.version, sections: { 'a8.p1.i2': { narrative: '见附件', attachmentIds: [detail.attachments[0].id] } } });
    expect(good.statusCode).toBe(200);
  });
});
