// Files stored in the database with their SM3 digest and the type sniffed from the content.
// Anyone who can read the application may attach a file to it (the applicant its evidence, a
// recommender or the ministry the papers of their opinion); the uploader's organization is kept.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { sm3Hex } from '../../platform/crypto/sm.js';
import { AppError } from '../../platform/http/errors.js';
import { loadApplication } from '../load.js';
import { applicationScope } from '../scope.js';
import { applications, attachments } from '../tables.js';
import { sanitizeFilename, sniff, withExtension } from './sniff.js';
import { inspectOfficeFile } from './office-macros.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export async function uploadAttachment(db: Db, actor: Actor, audit: AuditActor, applicationId: string, file: { filename: string; content: Buffer }) {
  const app = await loadApplication(db, actor, applicationId, 'read');
  if (file.content.length === 0) throw new AppError('attachment_refused', { message: { zh: '文件为空', en: 'The file is empty' } });
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw new AppError('attachment_too_large', { data: { limit: MAX_ATTACHMENT_BYTES } });
  await refuseMacrosAndBombs(file.content);
  const kind = sniff(file.content);
  if (!kind) throw new AppError('attachment_refused', { data: { allowed: ['pdf', 'docx', 'doc', 'png', 'jpg'] } });
  const declared = sanitizeFilename(file.filename);
  const filename = declared.toLowerCase().endsWith(`.${kind.ext}`) || (kind.ext === 'jpg' && /\.jpe?g$/i.test(declared)) ? declared : withExtension(declared, kind.ext);
  const sm3 = sm3Hex(file.content);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(attachments).values({
      applicationId: app.id, ownerOrgId: actor.orgId, filename, declaredName: filename === declared ? null : declared,
      mime: kind.mime, size: file.content.length, sm3, content: file.content, uploadedBy: actor.userId,
    }).returning({ id: attachments.id, filename: attachments.filename, declaredName: attachments.declaredName, mime: attachments.mime, size: attachments.size, sm3: attachments.sm3, createdAt: attachments.createdAt });
    await recordAudit(tx, audit, { action: 'recognition.attachment.upload', entityType: 'recognition_attachment', entityId: row!.id, scopeOrgId: app.recommenderId, after: { applicationId: app.id, filename, mime: kind.mime, size: file.content.length, sm3 } });
    return { ...row!, createdAt: row!.createdAt.toISOString() };
  });
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

export async function downloadAttachment(db: Db, actor: Actor, id: string) {
  const [row] = await db.select({ a: attachments }).from(attachments)
    .innerJoin(applications, eq(applications.id, attachments.applicationId))
    .where(and(eq(attachments.id, id), applicationScope(actor, 'read')));
  if (!row) throw new AppError('not_found');
  // Integrity on read (GB/T 39786 存储数据完整性): a file whose bytes no longer match the SM3 digest
  // recorded at upload is never served as if it were the applicant's.
  if (sm3Hex(row.a.content) !== row.a.sm3) {
    throw new AppError('internal', { message: { zh: '附件完整性校验失败（SM3 摘要不符），已记录', en: 'Attachment integrity check failed (SM3 digest mismatch); logged' }, data: { attachmentId: id } });
  }
  return row.a;
}
