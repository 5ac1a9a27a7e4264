// Attachments of a plan or summary (a14.s1 "附件"), through recognition's attachment storage rules:
// type sniffed from the content (never the name), safe display name, SM3 digest checked on every
// read, bytes in the database. The base uploads while the report is editable; whoever may read the
// report may download what it includes. Each upload is audit-logged with the file's digest.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { MAX_ATTACHMENT_BYTES } from '../../recognition/attachments/upload-attachment.js';
import { acceptFile, checkStoredDigest, type IncomingFile } from '../../platform/files/accept-file.js';
import { baseScope } from '../scope.js';
import { bases } from '../tables.js';
import { reportInScope } from './report-query.js';
import { annualReportAttachments, annualReports } from './tables.js';

export { MAX_ATTACHMENT_BYTES };

const meta = {
  id: annualReportAttachments.id, filename: annualReportAttachments.filename, declaredName: annualReportAttachments.declaredName,
  mime: annualReportAttachments.mime, size: annualReportAttachments.size, sm3: annualReportAttachments.sm3, createdAt: annualReportAttachments.createdAt,
};
type MetaRow = { id: string; filename: string; declaredName: string | null; mime: string; size: number; sm3: string; createdAt: Date };
const toMeta = (r: MetaRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function uploadReportAttachment(db: Db, actor: Actor, audit: AuditActor, reportId: string, incoming: IncomingFile) {
  const { report, base } = await reportInScope(db, actor, reportId, 'update');
  if (report.status !== 'draft' && report.status !== 'returned') {
    throw new AppError('rule_refused', { clause: 'a14.s1', message: { zh: '已报送的报告不能再添加附件，请先撤回或等待退回', en: 'A submitted report takes no more attachments; withdraw it or wait for it to be returned' }, data: { code: 'invalid_state', status: report.status } });
  }
  const file = await acceptFile(incoming, MAX_ATTACHMENT_BYTES);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(annualReportAttachments).values({
      reportId, ownerOrgId: actor.orgId ?? base.hostOrgId, filename: file.filename, declaredName: file.declaredName,
      mime: file.mime, size: file.size, sm3: file.sm3, content: file.content, uploadedBy: actor.userId,
    }).returning(meta);
    await recordAudit(tx, audit, { action: 'annual_report.attachment.upload', entityType: 'annual_report_attachment', entityId: row!.id, scopeOrgId: base.recommenderId, after: { reportId, filename: file.filename, mime: file.mime, size: file.size, sm3: file.sm3, clause: 'a14.s1' } });
    return toMeta(row!);
  });
}

/** The metadata of the given attachments of a report, in the order given (unknown ids dropped). */
export async function attachmentsOf(db: Db, reportId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db.select(meta).from(annualReportAttachments).where(and(eq(annualReportAttachments.reportId, reportId), inArray(annualReportAttachments.id, [...ids])));
  const byId = new Map(rows.map((r) => [r.id, toMeta(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A save may only include files uploaded to this very report. */
export async function checkReportAttachments(db: Db, reportId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const found = unique.length && unique.every((id) => uuid.test(id)) ? await attachmentsOf(db, reportId, unique) : [];
  if (found.length !== unique.length || unique.length !== ids.length) {
    throw new AppError('validation_failed', { fields: [{ field: 'attachmentIds', rule: 'invalid', message: 'an attachment does not belong to this report (or is listed twice)' }] });
  }
}

/** Download within the report's scope; a file whose bytes no longer match its SM3 digest is never served. */
export async function downloadReportAttachment(db: Db, actor: Actor, id: string) {
  const [row] = await db.select({ a: annualReportAttachments }).from(annualReportAttachments)
    .innerJoin(annualReports, eq(annualReports.id, annualReportAttachments.reportId))
    .innerJoin(bases, eq(bases.id, annualReports.baseId))
    .where(and(eq(annualReportAttachments.id, id), baseScope(actor, 'read', 'annual_report')));
  if (!row) throw new AppError('not_found');
  checkStoredDigest(row.a.content, row.a.sm3, { zh: '附件', en: 'Attachment' }, { attachmentId: id });
  return row.a;
}
