// a14.s1 transitions of a plan or summary — submit, withdraw, sign (审核意见), return, receive —
// judged by the domain's reportApply: who acts at which state, reasons and opinions required,
// withdrawal only before the due instant. The state change and its audit row commit together;
// the people concerned are told after commit.
import { and, eq } from 'drizzle-orm';
import { reportApply, reportWasLate } from '../../../regulation/index.js';
import type { ReportActionInput } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { clock } from '../clock.js';
import { domainActor } from '../domain-actor.js';
import { notifyOrgs } from '../notify.js';
import { programmeOf } from '../programme.js';
import { refused } from '../refusal.js';
import { computedSections } from './computed-sections.js';
import { domainReport, reportInScope, toReport } from './report-query.js';
import { annualReports } from './tables.js';

export async function actOnReport(db: Db, actor: Actor, who: AuditActor, id: string, action: ReportActionInput) {
  const { report, base, due } = await reportInScope(db, actor, id, 'read');
  const programme = programmeOf(base.programmeKey);
  const now = clock.now();
  const domainAction = action.type === 'sign' ? { type: 'sign' as const, opinion: action.opinion } : action;
  const result = reportApply(programme, domainReport(report, base, due), domainAction, domainActor(actor), now);
  if (!result.ok) throw refused(result);
  // The domain says whose turn it is; the role table says whether this user's role may act at all.
  const cell = action.type === 'submit' || action.type === 'withdraw' ? 'update' : 'decide';
  if (!scopeFor(actor.roles, 'annual_report', cell)) throw new AppError('forbidden');

  const set: Partial<typeof annualReports.$inferInsert> = { status: result.report.status, history: result.report.history, updatedAt: now, version: report.version + 1 };
  if (action.type === 'submit') {
    // What the recommender will sign is what the records said at submission.
    set.computed = await computedSections(db, base.id, report.year);
    set.firstSubmittedAt = report.firstSubmittedAt ?? now;
    set.late = reportWasLate(programme, result.report, now);
  }
  if (action.type === 'sign') {
    Object.assign(set, { opinion: action.opinion, opinionSignedBy: action.signedBy, opinionSignedAt: now, opinionSignerUserId: actor.userId, recommenderScore: action.score ?? null });
  }
  if (action.type === 'receive') set.receivedAt = now;

  await db.transaction(async (tx) => {
    const [after] = await tx.update(annualReports).set(set).where(and(eq(annualReports.id, id), eq(annualReports.status, report.status))).returning({ id: annualReports.id });
    if (!after) throw new AppError('conflict');
    await recordAudit(tx, who, {
      action: `annual_report.${action.type}`, entityType: 'annual_report', entityId: id, scopeOrgId: base.recommenderId,
      before: { status: report.status }, after: { status: result.report.status, clause: 'a14.s1', event: result.event },
    });
  });

  const link = `/bases/${base.id}/reports/${id}`;
  const params = { baseName: base.nameZh, year: report.year, kind: report.kind, clause: 'a14.s1' };
  if (action.type === 'submit') await notifyOrgs(db, [base.recommenderId], 'annual_report_submitted', params, link);
  if (action.type === 'return') await notifyOrgs(db, [base.hostOrgId], 'annual_report_returned', { ...params, reason: action.reason }, link);
  if (action.type === 'receive') await notifyOrgs(db, [base.hostOrgId], 'annual_report_received', params, link);

  const fresh = await reportInScope(db, actor, id, 'read');
  return toReport(db, fresh.report, fresh.base, due);
}
