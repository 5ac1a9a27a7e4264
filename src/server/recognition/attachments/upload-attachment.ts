// Files stored in the database with their SM3 digest and the type sniffed from the content.
// Anyone who can read the application may attach a file to it (the applicant its evidence, a
// recommender or the ministry the papers of their opinion); the uploader's organization is kept.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { loadApplication } from '../load.js';
import { applicationScope } from '../scope.js';
import { applications, attachments } from '../tables.js';
import { acceptFile, checkStoredDigest, type IncomingFile } from '../../platform/files/accept-file.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export async function uploadAttachment(db: Db, actor: Actor, audit: AuditActor, applicationId: string, incoming: IncomingFile) {
  const app = await loadApplication(db, actor, applicationId, 'read');
  const file = await acceptFile(incoming, MAX_ATTACHMENT_BYTES);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(attachments).values({
      applicationId: app.id, ownerOrgId: actor.orgId, filename: file.filename, declaredName: file.declaredName,
      mime: file.mime, size: file.size, sm3: file.sm3, content: file.content, uploadedBy: actor.userId,
    }).returning({ id: attachments.id, filename: attachments.filename, declaredName: attachments.declaredName, mime: attachments.mime, size: attachments.size, sm3: attachments.sm3, createdAt: attachments.createdAt });
    await recordAudit(tx, audit, { action: 'recognition.attachment.upload', entityType: 'recognition_attachment', entityId: row!.id, scopeOrgId: app.recommenderId, after: { applicationId: app.id, filename: file.filename, mime: file.mime, size: file.size, sm3: file.sm3 } });
    return { ...row!, createdAt: row!.createdAt.toISOString() };
  });
}

export async function downloadAttachment(db: Db, actor: Actor, id: string) {
  const [row] = await db.select({ a: attachments }).from(attachments)
    .innerJoin(applications, eq(applications.id, attachments.applicationId))
    .where(and(eq(attachments.id, id), applicationScope(actor, 'read')));
  if (!row) throw new AppError('not_found');
  checkStoredDigest(row.a.content, row.a.sm3, { zh: '附件', en: 'Attachment' }, { attachmentId: id });
  return row.a;
}
