/**
 * The recognition decision (认定文件) and the plaque certificate (证书/牌匾) as PDF.
 *
 * Layout follows GB/T 9704-2012 (党政机关公文格式) as far as a single embedded font allows:
 * A4, text area 156 × 225 mm (margins 37/35/28/26 mm), red issuing-body mark (发文机关标志)
 * centred with the document number (发文字号) and a red separator line below it, 22 pt centred
 * title, 16 pt body (三号) with two-character paragraph indent, signature and date, page numbers
 * "— N —". Only Noto Sans SC is bundled, so the 仿宋/小标宋 faces become Noto Sans Regular/Bold.
 *
 * Output is deterministic for a given input: the PDF dates come from the issue date, and no
 * random or clock value is used. Typical flow:
 *
 *   const payload = recognitionDocumentPayload(input);            // what is signed and stored
 *   const seal = sealDocument(payload, { secret, ...keys.sm2 });   // verification.ts
 *   const pdf = await renderRecognitionDocument({ ...input, seal, publicBaseUrl });
 */
import { BASE_TYPE_INFO, BASE_TYPES, MEASURES_TITLE_ZH, type BaseType } from './base-types.js';
import {
  assertGlyphs,
  beijingMidnight,
  cleanLine,
  DocumentInputError,
  finish,
  FONT_BOLD,
  FONT_REGULAR,
  groupFingerprint,
  newDocument,
  OFFICIAL_RED,
  parseIsoDate,
  requireLine,
  verifyUrl,
  zhDate,
  zhYearDigits,
} from './pdf-common.js';
import { normalizeVerificationCode, type DocumentSeal } from './verification.js';

export { DocumentInputError, UnsupportedCharactersError } from './pdf-common.js';

const MM = 72 / 25.4;

export interface RecognizedBase {
  /** 基地名称, e.g. 中德先进制造国际联合研究中心. */
  nameZh: string;
  nameEn?: string;
  /** 依托单位. */
  hostInstitution: string;
  /** 推荐部门, e.g. 北京市科学技术委员会 or 教育部. */
  recommendingDepartment: string;
  /** 基地编号, if already assigned. */
  baseCode?: string;
}

/** The decision itself: everything that is signed. */
export interface RecognitionDecision {
  baseType: BaseType;
  /** 文号, e.g. 国科外字〔2026〕12号 ([2026] and (2026) are normalised to 〔2026〕). */
  docNumber: string;
  /** YYYY-MM-DD. */
  issueDate: string;
  bases: RecognizedBase[];
  /** 主送机关; default: the recommending departments, in order of first appearance. */
  addressees?: string[];
  /** 抄送. */
  copyTo?: string[];
}

export type SealForPrint = Pick<DocumentSeal, 'verificationCode' | 'signatureFingerprint' | 'publicKeyFingerprint'>;

export interface RecognitionDocumentInput extends RecognitionDecision {
  seal: SealForPrint;
  /** e.g. https://guohe.example.gov.cn; the footer prints `<publicBaseUrl>/verify/<code>`. */
  publicBaseUrl: string;
}

/** Canonical, cleaned form of a decision: sign and store this, and render from the same input. */
export interface RecognitionDocumentPayload {
  kind: 'recognition-decision';
  baseType: BaseType;
  docNumber: string;
  issueDate: string;
  issuingBodies: string[];
  title: string;
  legalBasis: string;
  addressees: string[];
  copyTo: string[];
  bases: { nameZh: string; nameEn?: string; hostInstitution: string; recommendingDepartment: string; baseCode?: string }[];
}

function normaliseDocNumber(raw: string): string {
  const s = cleanLine(raw).replace(/\s/g, '').replace(/[[［(（〔【](\d{4})[\]］)）〕】]/, '〔$1〕');
  if (!/^[\u4e00-\u9fff]{2,12}〔\d{4}〕\d{1,5}号$/.test(s)) {
    throw new DocumentInputError(`文号 "${raw}" must look like 国科外字〔2026〕12号`);
  }
  return s;
}

function titleOf(baseType: BaseType, bases: { nameZh: string }[]): string {
  const first = bases[0]!.nameZh;
  if (bases.length === 1) return `关于认定${first}为国家国际科技合作基地的通知`;
  return `关于认定${first}等${bases.length}家${BASE_TYPE_INFO[baseType].nameZh}为国家国际科技合作基地的通知`;
}

/** Validates and cleans a decision; pure, deterministic. */
export function recognitionDocumentPayload(input: RecognitionDecision): RecognitionDocumentPayload {
  if (!BASE_TYPES.includes(input.baseType)) throw new DocumentInputError(`unknown base type ${String(input.baseType)}`);
  const info = BASE_TYPE_INFO[input.baseType];
  parseIsoDate(input.issueDate, 'issueDate');
  if (!Array.isArray(input.bases) || input.bases.length === 0) throw new DocumentInputError('at least one base is required');
  const bases = input.bases.map((b, i) => {
    const nameEn = cleanLine(b.nameEn ?? '');
    const baseCode = cleanLine(b.baseCode ?? '');
    return {
      nameZh: requireLine(b.nameZh, `bases[${i}].nameZh`),
      ...(nameEn ? { nameEn } : {}),
      hostInstitution: requireLine(b.hostInstitution, `bases[${i}].hostInstitution`),
      recommendingDepartment: requireLine(b.recommendingDepartment, `bases[${i}].recommendingDepartment`),
      ...(baseCode ? { baseCode } : {}),
    };
  });
  const addressees = (input.addressees ?? bases.map((b) => b.recommendingDepartment)).map((a) => cleanLine(a)).filter((a) => a !== '');
  return {
    kind: 'recognition-decision',
    baseType: input.baseType,
    docNumber: normaliseDocNumber(input.docNumber),
    issueDate: input.issueDate,
    issuingBodies: [...info.issuingBodies],
    title: titleOf(input.baseType, bases),
    legalBasis: `根据《${MEASURES_TITLE_ZH}》${info.articleLabelZh}`,
    addressees: [...new Set(addressees)],
    copyTo: [...new Set((input.copyTo ?? []).map((c) => cleanLine(c)).filter((c) => c !== ''))],
    bases,
  };
}

function checkSeal(seal: SealForPrint, publicBaseUrl: string) {
  const code = normalizeVerificationCode(seal.verificationCode);
  if (code === null) throw new DocumentInputError('seal.verificationCode is not a verification code');
  if (!/^https?:\/\/[^\s]+$/.test(publicBaseUrl)) throw new DocumentInputError('publicBaseUrl must be an http(s) URL');
  return {
    code,
    url: verifyUrl(publicBaseUrl, code),
    signature: groupFingerprint(seal.signatureFingerprint),
    publicKey: groupFingerprint(seal.publicKeyFingerprint),
  };
}

// ---------------------------------------------------------------------------------------------
// 认定文件

const A4_W = 595.28;
const A4_H = 841.89;
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const BODY = 16; // 三号
const TITLE = 22; // 二号
const INDENT = 2 * BODY;

export async function renderRecognitionDocument(input: RecognitionDocumentInput): Promise<Buffer> {
  const p = recognitionDocumentPayload(input);
  const seal = checkSeal(input.seal, input.publicBaseUrl);
  const info = BASE_TYPE_INFO[p.baseType];
  const date = zhDate(p.issueDate, 'issueDate');

  const doc = newDocument({
    layout: 'portrait',
    margins: MARGIN,
    title: p.title,
    subject: `${p.docNumber} ${info.nameZh}认定`,
    creationDate: beijingMidnight(p.issueDate, 'issueDate'),
  });
  const left = MARGIN.left;
  const width = A4_W - MARGIN.left - MARGIN.right;
  const bottom = A4_H - MARGIN.bottom;

  const baseLines = p.bases.map((b, i) => {
    const parts = [`类型：${info.nameZh}`, `依托单位：${b.hostInstitution}`, `推荐部门：${b.recommendingDepartment}`];
    if (b.baseCode) parts.push(`基地编号：${b.baseCode}`);
    return { head: `${i + 1}．${b.nameZh}${b.nameEn ? `（${b.nameEn}）` : ''}`, detail: `${parts.join('；')}。` };
  });
  assertGlyphs(doc, [p.title, p.docNumber, ...p.addressees, ...p.copyTo, ...baseLines.flatMap((l) => [l.head, l.detail])]);

  // --- 版头: red issuing-body mark, 文号, red separator line.
  const bodies = p.issuingBodies;
  const longest = Math.max(...bodies.map((b) => b.length));
  doc.fillColor(OFFICIAL_RED).font(FONT_BOLD);
  let y = MARGIN.top;
  if (bodies.length === 1) {
    const mark = `${bodies[0]}文件`;
    const size = Math.min(38, (width - 8) / mark.length);
    doc.fontSize(size).text(mark, left, y, { width, align: 'center', lineBreak: false });
    y += size * 1.45;
  } else {
    // Joint issuance: bodies stacked (lead body first), "文件" to the right, centred vertically.
    const size = Math.min(32, (width - 16) / (longest + 2));
    doc.fontSize(size);
    const markW = Math.max(...bodies.map((b) => doc.widthOfString(b)));
    const x0 = left + (width - (markW + 8 + doc.widthOfString('文件'))) / 2;
    const lineH = size * 1.3;
    bodies.forEach((b, i) => {
      // 分散对齐: spread shorter names over the width of the longest.
      const chars = [...b].length;
      const spacing = chars > 1 ? (markW - doc.widthOfString(b)) / (chars - 1) : 0;
      doc.text(b, x0, y + i * lineH, { characterSpacing: spacing, lineBreak: false });
    });
    const blockH = bodies.length * lineH;
    doc.text('文件', x0 + markW + 8, y + (blockH - lineH) / 2, { lineBreak: false });
    y += blockH + size * 0.15;
  }
  y += 2 * BODY;
  doc.fillColor('black').font(FONT_REGULAR).fontSize(BODY).text(p.docNumber, left, y, { width, align: 'center', lineBreak: false });
  y += BODY * 1.45 + 4 * MM;
  doc.save().lineWidth(1.5).strokeColor(OFFICIAL_RED).moveTo(left, y).lineTo(left + width, y).stroke().restore();
  y += 2 * BODY;

  // --- 标题
  doc.font(FONT_BOLD).fontSize(TITLE).fillColor('black').text(p.title, left, y, { width, align: 'center', lineGap: 4 });
  doc.moveDown(1);

  // --- 主送机关
  const body = (text: string, opts: PDFKit.Mixins.TextOptions = {}) =>
    doc.font(FONT_REGULAR).fontSize(BODY).text(text, left, doc.y, { width, align: 'justify', lineGap: 2, ...opts });
  if (p.addressees.length > 0) body(`${p.addressees.join('、')}：`);

  // --- 正文
  const recommenders = [...new Set(p.bases.map((b) => b.recommendingDepartment))];
  body(
    `${p.legalBasis}的规定，经${recommenders.join('、')}推荐，专家评审和考核，并根据认定标准进行综合评价，` +
      `现认定${p.bases.length === 1 ? '' : `以下${p.bases.length}家机构`}${p.bases.length === 1 ? `${p.bases[0]!.nameZh}` : ''}` +
      `为国家国际科技合作基地（${info.nameZh}）${p.bases.length === 1 ? '。' : '：'}`,
    { indent: INDENT },
  );
  for (const l of baseLines) {
    body(l.head, { indent: INDENT, align: 'left' });
    body(l.detail, { indent: INDENT });
  }
  body(
    `请各有关单位按照《${MEASURES_TITLE_ZH}》的要求，加强对国合基地建设与运行的指导和管理；` +
      `各国合基地应充分发挥引领和示范作用，不断提升国际科技合作的质量和水平。`,
    { indent: INDENT },
  );
  body('特此通知。', { indent: INDENT });

  // --- 署名与成文日期: date 4 characters from the right, bodies centred over it.
  const blockNeeded = (bodies.length + 1) * BODY * 1.6 + 3 * BODY;
  if (doc.y + blockNeeded > bottom) doc.addPage();
  y = doc.y + 2.5 * BODY;
  doc.font(FONT_REGULAR).fontSize(BODY);
  const dateW = doc.widthOfString(date);
  const dateRight = left + width - 4 * BODY;
  const centre = dateRight - dateW / 2;
  for (const b of bodies) {
    const w = doc.widthOfString(b);
    const x = Math.min(centre - w / 2, left + width - w);
    doc.text(b, x, y, { lineBreak: false });
    y += BODY * 1.6;
  }
  doc.text(date, dateRight - dateW, y, { lineBreak: false });
  y += BODY * 2.2;

  // --- 电子签名与核验 (text block instead of a QR code)
  const small = 10.5;
  const sealLines = [
    `电子签名：SM2（SM3 摘要）　验证码：${seal.code}`,
    `签名指纹（SM3）：${seal.signature}`,
    `公钥指纹（SM3）：${seal.publicKey}`,
    `核验地址：${seal.url}`,
  ];
  doc.font(FONT_REGULAR).fontSize(small);
  const sealH = sealLines.reduce((h, s) => h + doc.heightOfString(s, { width: width - 16 }) + 2, 0) + 14;
  // 版记 (抄送 + 印发) below it
  const copyLine = p.copyTo.length > 0 ? `抄送：${p.copyTo.join('、')}。` : '';
  const printLine = `${bodies[0]}`;
  const printDate = `${date}印发`;
  const recordH = (copyLine ? doc.heightOfString(copyLine, { width }) + 10 : 0) + 30;
  if (y + sealH > bottom) {
    doc.addPage();
    y = MARGIN.top;
  }
  doc.save().lineWidth(0.75).strokeColor('#555555').rect(left, y, width, sealH).stroke().restore();
  let sy = y + 7;
  for (const s of sealLines) {
    doc.fillColor('#222222').text(s, left + 8, sy, { width: width - 16 });
    sy = doc.y + 2;
  }
  y += sealH + 12;

  // 版记 at the foot of the last page, per GB/T 9704 (lines above and below, 抄送, 印发).
  doc.fillColor('black');
  if (y + recordH > bottom) {
    doc.addPage();
    y = MARGIN.top;
  }
  const recordTop = Math.max(y, bottom - recordH);
  let ry = recordTop;
  doc.save().lineWidth(1).strokeColor('black').moveTo(left, ry).lineTo(left + width, ry).stroke().restore();
  ry += 5;
  doc.fontSize(14);
  if (copyLine) {
    doc.text(copyLine, left + BODY, ry, { width: width - 2 * BODY });
    ry = doc.y + 4;
    doc.save().lineWidth(0.5).moveTo(left, ry).lineTo(left + width, ry).stroke().restore();
    ry += 5;
  }
  doc.text(printLine, left + BODY, ry, { lineBreak: false });
  doc.text(printDate, left + width - BODY - doc.widthOfString(printDate), ry, { lineBreak: false });
  ry += 14 * 1.45 + 3;
  doc.save().lineWidth(1).moveTo(left, ry).lineTo(left + width, ry).stroke().restore();

  // --- 页码 and a short verification footer on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT_REGULAR).fontSize(14).fillColor('black');
    doc.text(`— ${i + 1} —`, left, bottom + 7 * MM, { width, align: 'center', lineBreak: false });
    doc.fontSize(8).fillColor('#666666');
    doc.text(`${p.docNumber}　验证码 ${seal.code}　${seal.url}`, left, A4_H - 12 * MM, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  return finish(doc);
}

// ---------------------------------------------------------------------------------------------
// 证书 / 牌匾

export interface PlaqueCertificateInput {
  baseType: BaseType;
  nameZh: string;
  nameEn: string;
  /** 依托单位 (optional on the plaque). */
  hostInstitution?: string;
  /** Year of recognition (printed as 二〇二六年). */
  year: number;
  /** 基地编号. */
  baseCode: string;
  /** YYYY-MM-DD; used for the PDF dates (deterministic output). */
  issueDate: string;
  seal: SealForPrint;
  publicBaseUrl: string;
}

export interface PlaquePayload {
  kind: 'plaque-certificate';
  baseType: BaseType;
  nameZh: string;
  nameEn: string;
  hostInstitution?: string;
  year: number;
  baseCode: string;
  issueDate: string;
  issuingBodies: string[];
}

/** Validates and cleans plaque data: sign and store this. */
export function plaqueCertificatePayload(input: Omit<PlaqueCertificateInput, 'seal' | 'publicBaseUrl'>): PlaquePayload {
  if (!BASE_TYPES.includes(input.baseType)) throw new DocumentInputError(`unknown base type ${String(input.baseType)}`);
  parseIsoDate(input.issueDate, 'issueDate');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new DocumentInputError('year must be a 4-digit year');
  const host = cleanLine(input.hostInstitution ?? '');
  return {
    kind: 'plaque-certificate',
    baseType: input.baseType,
    nameZh: requireLine(input.nameZh, 'nameZh'),
    nameEn: requireLine(input.nameEn, 'nameEn'),
    ...(host ? { hostInstitution: host } : {}),
    year: input.year,
    baseCode: requireLine(input.baseCode, 'baseCode'),
    issueDate: input.issueDate,
    issuingBodies: [...BASE_TYPE_INFO[input.baseType].issuingBodies],
  };
}

/** Fits text on one line: the largest size ≤ max whose width fits. */
function fitSize(doc: PDFKit.PDFDocument, text: string, max: number, width: number, min = 9): number {
  doc.fontSize(max);
  const w = doc.widthOfString(text);
  return w <= width ? max : Math.max(min, Math.floor(((max * width) / w) * 10) / 10);
}

export async function renderPlaqueCertificate(input: PlaqueCertificateInput): Promise<Buffer> {
  const p = plaqueCertificatePayload(input);
  const seal = checkSeal(input.seal, input.publicBaseUrl);
  const info = BASE_TYPE_INFO[p.baseType];
  const W = A4_H;
  const H = A4_W;
  const doc = newDocument({
    layout: 'landscape',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    title: `${p.nameZh} ${info.plaqueNameZh}证书`,
    subject: `${p.baseCode}`,
    creationDate: beijingMidnight(p.issueDate, 'issueDate'),
  });
  assertGlyphs(doc, [p.nameZh, p.nameEn, p.hostInstitution ?? '', p.baseCode]);

  // Borders: outer red, inner gold hairline.
  doc.save().lineWidth(6).strokeColor(OFFICIAL_RED).rect(18, 18, W - 36, H - 36).stroke();
  doc.lineWidth(1.2).strokeColor('#B8860B').rect(30, 30, W - 60, H - 60).stroke().restore();

  const inner = 90;
  const width = W - 2 * inner;
  const centred = (text: string, y: number, size: number, font: string, color = 'black') => {
    doc.font(font).fillColor(color);
    const s = fitSize(doc, text, size, width);
    doc.fontSize(s).text(text, inner, y, { width, align: 'center', lineBreak: false });
    return s;
  };

  centred('国家国际科技合作基地', 62, 40, FONT_BOLD, OFFICIAL_RED);
  centred('National International Science and Technology Cooperation Base', 116, 15, FONT_REGULAR, '#8B0000');
  doc.save().lineWidth(1).strokeColor('#B8860B').moveTo(W / 2 - 160, 146).lineTo(W / 2 + 160, 146).stroke().restore();

  centred(p.nameZh, 176, 34, FONT_BOLD);
  centred(p.nameEn, 230, 16, FONT_REGULAR, '#222222');
  centred(info.plaqueNameZh, 282, 26, FONT_BOLD, OFFICIAL_RED);
  centred(info.nameEn, 320, 14, FONT_REGULAR, '#8B0000');
  if (p.hostInstitution) centred(`依托单位：${p.hostInstitution}`, 358, 14, FONT_REGULAR, '#333333');

  // Issuing bodies and year, lower right; code and verification, lower left.
  doc.font(FONT_BOLD).fillColor('black').fontSize(18);
  let y = 420;
  for (const b of p.issuingBodies) {
    doc.text(b, inner, y, { width, align: 'right', lineBreak: false });
    y += 26;
  }
  doc.font(FONT_REGULAR).fontSize(16).text(`${zhYearDigits(p.year)}年`, inner, y, { width, align: 'right', lineBreak: false });

  doc.font(FONT_REGULAR).fontSize(12).fillColor('#222222');
  doc.text(`编号：${p.baseCode}`, inner, 438, { lineBreak: false });
  doc.text(`验证码：${seal.code}`, inner, 458, { lineBreak: false });
  doc.fontSize(8.5).fillColor('#555555');
  doc.text(`核验地址：${seal.url}`, inner, 482, { width: width * 0.62, lineBreak: false });
  doc.text(`SM2 签名指纹：${seal.signature}`, inner, 496, { width: width * 0.62, lineBreak: false });
  doc.text(`公钥指纹：${seal.publicKey}`, inner, 510, { width: width * 0.62, lineBreak: false });
  return finish(doc);
}
