import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { generateSm2KeyPair } from '../platform/crypto/sm.js';
import {
  DocumentInputError,
  plaqueCertificatePayload,
  recognitionDocumentPayload,
  renderPlaqueCertificate,
  renderRecognitionDocument,
  UnsupportedCharactersError,
  type PlaqueCertificateInput,
  type RecognitionDecision,
} from './recognition-pdf.js';
import { sealDocument, verifySeal } from './verification.js';

// Reading text back needs poppler-utils (pdftotext): CJK text in PDFs is drawn through CID fonts
// and cannot be read back reliably without a real PDF parser. Locally the text assertions are
// skipped with a note when it is missing; on CI (CI set) a missing pdftotext is a failure.
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
const NO_PDFTOTEXT = 'pdftotext not installed (apt-get install -y poppler-utils): text read-back skipped';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guohe-pdf-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** pdftotext output with all whitespace removed (line wrapping and 分散对齐 spacing vary). */
function pdfText(ctx: TestContext, pdf: Buffer): string {
  if (!HAS_PDFTOTEXT) {
    if (process.env.CI) throw new Error(`${NO_PDFTOTEXT}; CI must install poppler-utils`);
    ctx.skip(NO_PDFTOTEXT);
  }
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

const bytes = (pdf: Buffer) => pdf.toString('latin1');
const pageCount = (pdf: Buffer) => (bytes(pdf).match(/\/Type\s*\/Page\b/g) ?? []).length;

const keys = { ...generateSm2KeyPair(), secret: 'test-verification-secret-0123456789' };
const publicBaseUrl = 'https://guohe.example.gov.cn/';

const decision: RecognitionDecision = {
  baseType: 'international_joint_research_center',
  docNumber: '国科外字[2026]12号',
  issueDate: '2026-03-15',
  bases: [
    {
      nameZh: '中德先进\u0007制造国际联合研究中心\u202E',
      nameEn: 'Sino-German International Joint Research Center for Advanced Manufacturing',
      hostInstitution: '清华大学',
      recommendingDepartment: '教育部',
      baseCode: 'GJHZ-2026-006',
    },
    { nameZh: '中法海洋生态国际联合研究中心', hostInstitution: '中国海洋大学', recommendingDepartment: '山东省科学技术厅' },
  ],
  copyTo: ['科学技术部办公厅'],
};

async function renderDecision(d: RecognitionDecision) {
  const payload = recognitionDocumentPayload(d);
  const seal = sealDocument(payload, keys);
  return { payload, seal, pdf: await renderRecognitionDocument({ ...d, seal, publicBaseUrl }) };
}

describe('recognitionDocumentPayload', () => {
  it('derives issuing bodies, title and legal basis from the base type, and cleans the input', () => {
    const p = recognitionDocumentPayload(decision);
    expect(p.docNumber).toBe('国科外字〔2026〕12号');
    expect(p.issuingBodies).toEqual(['科学技术部']);
    expect(p.legalBasis).toBe('根据《国家国际科技合作基地管理办法》第六条');
    expect(p.bases[0]!.nameZh).toBe('中德先进制造国际联合研究中心');
    expect(p.title).toBe('关于认定中德先进制造国际联合研究中心等2家国际联合研究中心为国家国际科技合作基地的通知');
    expect(p.addressees).toEqual(['教育部', '山东省科学技术厅']);

    const one = { ...decision, bases: [decision.bases[1]!] };
    expect(recognitionDocumentPayload(one).title).toBe('关于认定中法海洋生态国际联合研究中心为国家国际科技合作基地的通知');
    expect(recognitionDocumentPayload({ ...one, baseType: 'international_technology_transfer_center' }).issuingBodies).toEqual([
      '科学技术部国际合作司',
      '科学技术部火炬高技术产业开发中心',
    ]);
    const demo = recognitionDocumentPayload({ ...one, baseType: 'demonstration_base' });
    expect(demo.issuingBodies).toEqual(['科学技术部国际合作司']);
    expect(demo.legalBasis).toContain('第八条');
    expect(recognitionDocumentPayload({ ...one, baseType: 'international_innovation_park' }).legalBasis).toContain('第五条');
  });

  it('rejects bad input', () => {
    expect(() => recognitionDocumentPayload({ ...decision, docNumber: '12号' })).toThrow(DocumentInputError);
    expect(() => recognitionDocumentPayload({ ...decision, issueDate: '2026-02-30' })).toThrow(/calendar/);
    expect(() => recognitionDocumentPayload({ ...decision, bases: [] })).toThrow(/at least one/);
    expect(() => recognitionDocumentPayload({ ...decision, bases: [{ ...decision.bases[1]!, hostInstitution: ' \u0000 ' }] })).toThrow(/hostInstitution/);
    expect(() => recognitionDocumentPayload({ ...decision, baseType: 'x' as never })).toThrow(/base type/);
  });
});

describe('renderRecognitionDocument', { timeout: 60_000 }, () => {
  it('is an A4 PDF with the embedded CJK font, deterministic, and its seal verifies', async () => {
    const { payload, seal, pdf } = await renderDecision(decision);
    fs.writeFileSync(path.join(tmp, 'recognition.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = bytes(pdf);
    // Boolean checks: a failing toContain on the raw bytes would print the whole binary.
    expect(/\/FontFile[23]?\b/.test(raw), 'embedded font file').toBe(true);
    expect(raw.includes('CIDFontType'), 'CID font').toBe(true);
    expect(raw.includes('NotoSansHans'), 'Noto Sans SC').toBe(true);
    expect(raw.includes('/MediaBox [0 0 595.28 841.89]'), 'A4 portrait').toBe(true);
    expect(raw.includes('(D:20260314160000Z)'), 'CreationDate = 2026-03-15 00:00 Beijing').toBe(true);
    expect(pdf.length).toBeLessThan(400_000); // fonts are subset, not the 8 MB files

    const again = await renderRecognitionDocument({ ...decision, seal, publicBaseUrl });
    expect(again.equals(pdf)).toBe(true);
    expect(verifySeal(payload, seal, keys).ok).toBe(true);
  });

  it('reads back with the base name, 文号, verification code and URL, signature fingerprint', async (ctx) => {
    const { seal, pdf } = await renderDecision(decision);
    const text = pdfText(ctx, pdf);
    expect(text).toContain('科学技术部文件');
    expect(text).toContain('国科外字〔2026〕12号');
    expect(text).toContain('中德先进制造国际联合研究中心');
    expect(text).toContain('中法海洋生态国际联合研究中心');
    expect(text).toContain('依托单位：清华大学');
    expect(text).toContain('推荐部门：山东省科学技术厅');
    expect(text).toContain('根据《国家国际科技合作基地管理办法》第六条');
    expect(text).toContain('关于认定中德先进制造国际联合研究中心等2家国际联合研究中心为国家国际科技合作基地的通知');
    expect(text).toContain('2026年3月15日');
    expect(text).toContain(seal.verificationCode);
    expect(text).toContain(`https://guohe.example.gov.cn/verify/${seal.verificationCode}`);
    expect(text).toContain(seal.signatureFingerprint.toUpperCase());
    expect(text).toContain(seal.publicKeyFingerprint.toUpperCase());
    expect(text).not.toMatch(/[\u0007\u202E]/);
  });

  it('prints both issuing bodies for a technology transfer center', async (ctx) => {
    const ttc: RecognitionDecision = {
      baseType: 'international_technology_transfer_center',
      docNumber: '国科外字〔2026〕31号',
      issueDate: '2026-05-08',
      bases: [{ nameZh: '苏州国际技术转移中心', hostInstitution: '苏州工业园区国际科技合作服务有限公司', recommendingDepartment: '江苏省科学技术厅' }],
    };
    const { seal, pdf } = await renderDecision(ttc);
    const text = pdfText(ctx, pdf);
    expect(text).toContain('科学技术部国际合作司');
    expect(text).toContain('科学技术部火炬高技术产业开发中心');
    expect(text).toContain('第七条');
    expect(text).toContain('苏州国际技术转移中心');
    expect(text).toContain(seal.verificationCode);
  });

  it('flows long lists onto further pages', async () => {
    const many = Array.from({ length: 14 }, (_, i) => ({
      nameZh: `第${i + 1}示范型国际科技合作基地`,
      hostInstitution: `某某大学第${i + 1}研究院`,
      recommendingDepartment: i % 2 ? '浙江省科学技术厅' : '广东省科学技术厅',
    }));
    const { pdf } = await renderDecision({ ...decision, baseType: 'demonstration_base', bases: many });
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
  });

  it('refuses characters the font cannot draw rather than printing boxes', async () => {
    const d = { ...decision, bases: [{ ...decision.bases[1]!, hostInstitution: '中国海洋大学\u{1F600}' }] };
    const seal = sealDocument(recognitionDocumentPayload(d), keys);
    await expect(renderRecognitionDocument({ ...d, seal, publicBaseUrl })).rejects.toThrow(UnsupportedCharactersError);
  });

  it('rejects a malformed seal or base URL', async () => {
    const seal = sealDocument(recognitionDocumentPayload(decision), keys);
    await expect(renderRecognitionDocument({ ...decision, seal: { ...seal, verificationCode: 'nope' }, publicBaseUrl })).rejects.toThrow(
      DocumentInputError,
    );
    await expect(renderRecognitionDocument({ ...decision, seal, publicBaseUrl: 'javascript:alert(1)' })).rejects.toThrow(DocumentInputError);
  });
});

describe('renderPlaqueCertificate', { timeout: 60_000 }, () => {
  const plaque: Omit<PlaqueCertificateInput, 'seal' | 'publicBaseUrl'> = {
    baseType: 'international_joint_research_center',
    nameZh: '中德先进制造国际联合研究中心',
    nameEn: 'Sino-German International Joint Research Center for Advanced Manufacturing',
    hostInstitution: '清华大学',
    year: 2026,
    baseCode: 'GJHZ-2026-006',
    issueDate: '2026-03-15',
  };

  it('is a landscape A4 PDF, deterministic, with names, type, year, code and verification code', async (ctx) => {
    const payload = plaqueCertificatePayload(plaque);
    const seal = sealDocument(payload, keys);
    const pdf = await renderPlaqueCertificate({ ...plaque, seal, publicBaseUrl });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes(pdf).includes('/MediaBox [0 0 841.89 595.28]'), 'A4 landscape').toBe(true);
    expect(bytes(pdf).includes('CIDFontType'), 'CID font').toBe(true);
    expect(pageCount(pdf)).toBe(1);
    expect((await renderPlaqueCertificate({ ...plaque, seal, publicBaseUrl })).equals(pdf)).toBe(true);

    const text = pdfText(ctx, pdf);
    expect(text).toContain('国家国际科技合作基地');
    expect(text).toContain('中德先进制造国际联合研究中心');
    expect(text).toContain('Sino-GermanInternationalJointResearchCenterforAdvancedManufacturing');
    expect(text).toContain('国家国际联合研究中心');
    expect(text).toContain('二〇二六年');
    expect(text).toContain('GJHZ-2026-006');
    expect(text).toContain(seal.verificationCode);
    expect(text).toContain('科学技术部');
  });

  it('validates input', () => {
    expect(() => plaqueCertificatePayload({ ...plaque, year: 26 })).toThrow(DocumentInputError);
    expect(() => plaqueCertificatePayload({ ...plaque, nameEn: '' })).toThrow(/nameEn/);
    expect(plaqueCertificatePayload({ ...plaque, baseType: 'international_technology_transfer_center' }).issuingBodies).toHaveLength(2);
  });
});
