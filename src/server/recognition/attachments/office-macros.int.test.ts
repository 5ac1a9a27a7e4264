// Macro-enabled office files and zip bombs are refused at upload (issue 8), tested with real files
// built here: OOXML with jszip, OLE2 compound files with cfb.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { count, eq } from 'drizzle-orm';
import { attachments } from '../tables.js';
import CFB from 'cfb';
import { describeEachDb } from '../../testing/db.js';
import { testApp, type TestApp } from '../../testing/app.js';
import { client, openCall, type Api } from '../testing.js';
import { inspectOfficeFile, ZIP_LIMITS } from '../../platform/files/office-macros.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const DOCM_TYPE = 'application/vnd.ms-word.document.macroEnabled.main+xml';

async function docx(opts: { mainType?: string; extra?: Record<string, Buffer | string> } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${opts.mainType ?? DOCX_TYPE}"/></Types>`);
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>合作协议</w:t></w:r></w:p></w:body></w:document>');
  for (const [name, content] of Object.entries(opts.extra ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function oleDoc(withMacros: boolean): Buffer {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/WordDocument', Buffer.alloc(4096, 1));
  CFB.utils.cfb_add(cfb, '/1Table', Buffer.alloc(1024, 2));
  if (withMacros) {
    CFB.utils.cfb_add(cfb, '/Macros/VBA/dir', Buffer.from('Attribute VB_Name = "ThisDocument"'));
    CFB.utils.cfb_add(cfb, '/Macros/PROJECT', Buffer.from('ID="{00000000-0000-0000-0000-000000000000}"'));
  }
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

describe('office macro and zip-bomb inspection', () => {
  it('passes a plain DOCX and a plain DOC', async () => {
    expect(await inspectOfficeFile(await docx())).toEqual({ refused: false });
    expect(await inspectOfficeFile(oleDoc(false))).toEqual({ refused: false });
  });

  it('refuses an OOXML package carrying vbaProject.bin, whatever its type says', async () => {
    expect(await inspectOfficeFile(await docx({ extra: { 'word/vbaProject.bin': Buffer.alloc(512, 7) } }))).toMatchObject({ refused: true, reason: 'macros', part: 'word/vbaProject.bin' });
    const xlsm = new JSZip();
    xlsm.file('[Content_Types].xml', '<Types/>');
    xlsm.file('xl/workbook.xml', '<workbook/>');
    xlsm.file('xl/vbaProject.bin', Buffer.alloc(64));
    expect(await inspectOfficeFile(await xlsm.generateAsync({ type: 'nodebuffer' }))).toMatchObject({ refused: true, reason: 'macros' });
  });

  it('refuses a macro-enabled content type (DOCM) even without the VBA part, and ActiveX controls', async () => {
    expect(await inspectOfficeFile(await docx({ mainType: DOCM_TYPE }))).toMatchObject({ refused: true, reason: 'macros', part: '[Content_Types].xml' });
    expect(await inspectOfficeFile(await docx({ extra: { 'word/activeX/activeX1.xml': '<ax:ocx/>' } }))).toMatchObject({ refused: true, reason: 'activex' });
  });

  it('refuses a legacy DOC with a VBA storage (Macros/VBA)', async () => {
    expect(await inspectOfficeFile(oleDoc(true))).toMatchObject({ refused: true, reason: 'macros' });
  });

  it('zip bombs: too many entries, or more declared uncompressed bytes than the cap, are refused unread', async () => {
    const many = new JSZip();
    for (let i = 0; i <= ZIP_LIMITS.maxEntries; i++) many.file(`word/media/${i}.xml`, '');
    expect(await inspectOfficeFile(await many.generateAsync({ type: 'nodebuffer' }))).toMatchObject({ refused: true, reason: 'too_many_entries' });
    const saved = ZIP_LIMITS.maxUncompressedBytes;
    ZIP_LIMITS.maxUncompressedBytes = 1024 * 1024; // a 4 MB entry of zeros deflates to a few KB
    try {
      const bomb = await docx({ extra: { 'word/media/zeros.bin': Buffer.alloc(4 * 1024 * 1024) } });
      expect(bomb.length).toBeLessThan(64 * 1024);
      expect(await inspectOfficeFile(bomb)).toMatchObject({ refused: true, reason: 'too_large_uncompressed' });
    } finally {
      ZIP_LIMITS.maxUncompressedBytes = saved;
    }
  });

  it('a truncated ZIP or OLE file is refused as unreadable', async () => {
    const good = await docx();
    expect(await inspectOfficeFile(good.subarray(0, good.length - 30))).toMatchObject({ refused: true, reason: 'unreadable' });
    expect(await inspectOfficeFile(Buffer.from('d0cf11e0a1b11ae100000000', 'hex'))).toMatchObject({ refused: true, reason: 'unreadable' });
  });
});

describeEachDb('uploads refuse macro-enabled office files (issue 8)', (getDb) => {
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

  it('stores a clean DOCX and DOC, refuses the same with macros (415, in the user\'s language), storing nothing', async () => {
    expect((await api.upload('fzu', id, '协议.docx', await docx())).json()).toMatchObject({ mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect((await api.upload('fzu', id, '协议.doc', oleDoc(false))).json()).toMatchObject({ mime: 'application/msword' });
    const stored = async () => (await getDb().db.select({ n: count() }).from(attachments).where(eq(attachments.applicationId, id)))[0]!.n;
    expect(await stored()).toBe(2);
    const docm = await api.upload('fzu', id, '协议.docx', await docx({ extra: { 'word/vbaProject.bin': Buffer.alloc(512, 7) } }));
    expect(docm.statusCode).toBe(415);
    expect(docm.json().error).toMatchObject({ code: 'attachment_macros', data: { reason: 'macros' } });
    expect(docm.json().error.message).toContain('宏');
    const doc = await api.upload('fzu', id, '协议.doc', oleDoc(true));
    expect(doc.statusCode).toBe(415);
    expect(doc.json().error.code).toBe('attachment_macros');
    expect(await stored()).toBe(2);
  });
});
