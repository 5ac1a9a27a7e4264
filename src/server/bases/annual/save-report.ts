import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZReportSave } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { checkReportAttachments } from './report-attachments.js';
import { reportInScope, toReport } from './report-query.js';
import { annualReports } from './tables.js';

/** The base edits its report while it is a draft or returned to it; otherwise it is frozen (a14.s1). */
export async function saveReport(db: Db, actor: Actor, who: AuditActor, id: string, body: z.infer<typeof ZReportSave>) {
  const { report, base, due } = await reportInScope(db, actor, id, 'update');
  if (report.status !== 'draft' && report.status !== 'returned') {
    throw new AppError('rule_refused', { clause: 'a14.s1', message: { zh: '已报送的报告不能修改，请先撤回或等待退回', en: 'A submitted report cannot be edited; withdraw it or wait for it to be returned' }, data: { code: 'invalid_state', status: report.status } });
  }
  await checkReportAttachments(db, id, body.attachmentIds);
  await db.transaction(async (tx) => {
    const [after] = await tx.update(annualReports)
      .set({ content: body.content, narrative: body.narrative, attachmentIds: body.attachmentIds, version: sql`${annualReports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(annualReports.id, id), eq(annualReports.version, body.version))).returning({ id: annualReports.id });
    if (!after) throw new AppError('conflict', { data: { version: report.version } });
    await recordAudit(tx, who, { action: 'annual_report.save', entityType: 'annual_report', entityId: id, scopeOrgId: base.recommenderId, after: { version: body.version + 1, attachmentIds: body.attachmentIds } });
  });
  const fresh = await reportInScope(db, actor, id, 'read');
  return toReport(db, fresh.report, fresh.base, due);
}
