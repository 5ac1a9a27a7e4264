/**
 * Shared PDF plumbing for issued documents: the embedded CJK font (Noto Sans SC from
 * @embedpdf/fonts-sc, which a plain `npm ci` brings), text cleaning, dates, deterministic output.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export const FONT_REGULAR = 'sc-regular';
export const FONT_BOLD = 'sc-bold';

/** Official red (版头红) used for the issuing-body mark and the separator line. */
export const OFFICIAL_RED = '#D7000F';

const fontFiles = { [FONT_REGULAR]: 'NotoSansHans-Regular.otf', [FONT_BOLD]: 'NotoSansHans-Bold.otf' } as const;
const fontCache = new Map<string, Buffer>(); // immutable file contents; read once per process

/** Directory of the OTF files: the package's exports map has no subpaths, so go from its main entry. */
export function cjkFontDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

function fontBytes(file: string): Buffer {
  let buf = fontCache.get(file);
  if (!buf) {
    buf = fs.readFileSync(path.join(cjkFontDir(), file));
    fontCache.set(file, buf);
  }
  return buf;
}

export class DocumentInputError extends Error {
  override name = 'DocumentInputError';
}

/** Raised when text contains characters the embedded font cannot draw (they would print as boxes). */
export class UnsupportedCharactersError extends DocumentInputError {
  override name = 'UnsupportedCharactersError';
  constructor(readonly characters: string[]) {
    super(`the document font has no glyph for: ${characters.map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}`);
  }
}

// C0/C1 controls, zero-width and bidi formatting characters (which could reorder what a reader sees).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** NFC, invisible/control characters removed, whitespace runs (incl. newlines) collapsed, trimmed. */
export function cleanLine(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Required single-line field: cleaned and non-empty. */
export function requireLine(text: string | undefined, field: string): string {
  const s = cleanLine(text ?? '');
  if (s === '') throw new DocumentInputError(`${field} is required`);
  return s;
}

/** Parses YYYY-MM-DD strictly. */
export function parseIsoDate(value: string, field: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new DocumentInputError(`${field} must be YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    throw new DocumentInputError(`${field} is not a calendar date`);
  }
  return { y, m: mo, d };
}

/** 2026-03-05 → 2026年3月5日 (GB/T 9704-2012 writes dates with Arabic numerals). */
export function zhDate(value: string, field = 'date'): string {
  const { y, m, d } = parseIsoDate(value, field);
  return `${y}年${m}月${d}日`;
}

/** 2026 → 二〇二六 (as printed on plaques). */
export function zhYearDigits(year: number): string {
  return String(year)
    .split('')
    .map((c) => '〇一二三四五六七八九'[Number(c)])
    .join('');
}

/** Midnight Beijing time of a YYYY-MM-DD date: the stable CreationDate of the PDF. */
export function beijingMidnight(value: string, field: string): Date {
  parseIsoDate(value, field);
  return new Date(`${value}T00:00:00+08:00`);
}

export interface NewDocOptions {
  layout: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  subject: string;
  creationDate: Date;
}

/** A pdfkit document with both font weights registered and fixed metadata (deterministic bytes). */
export function newDocument(opts: NewDocOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout,
    margins: opts.margins,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: opts.title,
      Subject: opts.subject,
      Author: 'Guohe',
      Creator: 'Guohe',
      Producer: 'Guohe (PDFKit)',
      CreationDate: opts.creationDate,
      ModDate: opts.creationDate,
    },
  });
  doc.registerFont(FONT_REGULAR, fontBytes(fontFiles[FONT_REGULAR]));
  doc.registerFont(FONT_BOLD, fontBytes(fontFiles[FONT_BOLD]));
  doc.font(FONT_REGULAR);
  return doc;
}

/** Throws UnsupportedCharactersError if the current font cannot draw some of the texts. */
export function assertGlyphs(doc: PDFKit.PDFDocument, texts: readonly string[]): void {
  // pdfkit keeps the fontkit font on the (untyped) current font object.
  const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font?.font;
  if (typeof font?.hasGlyphForCodePoint !== 'function') return;
  const missing = new Set<string>();
  for (const text of texts) {
    for (const ch of text) {
      if (ch === ' ') continue;
      if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
    }
  }
  if (missing.size > 0) throw new UnsupportedCharactersError([...missing]);
}

/** Ends the document and collects its bytes. */
export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Absolute verification URL: `<publicBaseUrl>/verify/<code>`. */
export function verifyUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(code)}`;
}

/** "ABCD EF01 …": hex fingerprint grouped in fours, upper case. */
export function groupFingerprint(hex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new DocumentInputError('fingerprints must be 64 hex digits (SM3)');
  return (hex.toUpperCase().match(/.{4}/g) ?? []).join(' ');
}
