// The one gate every stored upload passes (recognition attachments, annual-report attachments,
// alliance materials): not empty, within the limit, no macros or zip bombs, a type sniffed from
// the content (issue 8), a safe name with the extension of what the content is, and its SM3 digest.
import { sm3Hex } from '../crypto/sm.js';
import { AppError } from '../http/errors.js';
import { inspectOfficeFile } from './office-macros.js';
import { sanitizeFilename, sniff, withExtension } from './sniff.js';

export interface IncomingFile {
  filename: string;
  content: Buffer;
  /** The digest when the caller computed it while the bytes arrived (readUpload). */
  sm3?: string;
}

export interface AcceptedFile {
  filename: string;
  /** The name the user gave, when it was changed to match the content. */
  declaredName: string | null;
  mime: string;
  size: number;
  sm3: string;
  content: Buffer;
}

export const ALLOWED_KINDS = ['pdf', 'docx', 'doc', 'png', 'jpg'];

export async function acceptFile(file: IncomingFile, limit: number): Promise<AcceptedFile> {
  if (file.content.length === 0) throw new AppError('attachment_refused', { message: { zh: '文件为空', en: 'The file is empty' } });
  if (file.content.length > limit) throw new AppError('attachment_too_large', { data: { limit } });
  await refuseMacrosAndBombs(file.content);
  const kind = sniff(file.content);
  if (!kind) throw new AppError('attachment_refused', { data: { allowed: ALLOWED_KINDS } });
  const declared = sanitizeFilename(file.filename);
  const matches = declared.toLowerCase().endsWith(`.${kind.ext}`) || (kind.ext === 'jpg' && /\.jpe?g$/i.test(declared));
  const filename = matches ? declared : withExtension(declared, kind.ext);
  return {
    filename, declaredName: filename === declared ? null : declared, mime: kind.mime,
    size: file.content.length, sm3: file.sm3 ?? sm3Hex(file.content), content: file.content,
  };
}

/** Macro-enabled office files and ZIPs that would inflate past the caps never reach storage. */
async function refuseMacrosAndBombs(content: Buffer) {
  const finding = await inspectOfficeFile(content);
  if (!finding.refused) return;
  if (finding.reason === 'macros' || finding.reason === 'activex') throw new AppError('attachment_macros', { data: { reason: finding.reason, part: finding.part } });
  const message = finding.reason === 'unreadable'
    ? { zh: '文件已损坏，无法读取', en: 'The file is damaged and cannot be read' }
    : { zh: '压缩内容过大或条目过多（疑似压缩炸弹）', en: 'The compressed content is too large or has too many entries (possible zip bomb)' };
  throw new AppError('attachment_refused', { message, data: { reason: finding.reason } });
}

/** Integrity on read (GB/T 39786 存储数据完整性): bytes that no longer match their digest are never served. */
export function checkStoredDigest(content: Buffer, sm3: string, what: { zh: string; en: string }, data: Record<string, unknown>): void {
  if (sm3Hex(content) === sm3) return;
  throw new AppError('internal', { message: { zh: `${what.zh}完整性校验失败（SM3 摘要不符），已记录`, en: `${what.en} integrity check failed (SM3 digest mismatch); logged` }, data });
}
