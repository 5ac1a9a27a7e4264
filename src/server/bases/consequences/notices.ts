// a13.s3: the ministry confirms a proposed notice (通报) with its document number, or dismisses it
// with a reason. Confirming changes the base's status to 'notified', adds the document and a
// timeline event citing the clause, and — after commit — tells the base's users why.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import type { FailedYearsReading } from '../../../contracts/bases.js';
import { notifyOrgs } from '../notify.js';
import { baseInScope, baseScope } from '../scope.js';
import { baseEvents, bases } from '../tables.js';
import { noticeProposals } from './tables.js';

export async function listProposals(db: Db, actor: Actor, status?: string) {
  const rows = await db.select({ p: noticeProposals, code: bases.code, nameZh: bases.nameZh }).from(noticeProposals)
    .innerJoin(bases, eq(bases.id, noticeProposals.baseId))
    .where(and(baseScope(actor, 'read'), status ? eq(noticeProposals.status, status) : undefined)).orderBy(asc(noticeProposals.createdAt));
  return rows.map(({ p, code, nameZh }) => ({
    id: p.id, baseId: p.baseId, code, nameZh, triggeredInYear: p.triggeredInYear, run: p.run, reading: p.reading as FailedYearsReading,
    status: p.status, documentNumber: p.documentNumber, decidedOn: p.decidedOn,
  }));
}

async function openProposal(db: Db, actor: Actor, id: string) {
  const [p] = await db.select().from(noticeProposals).where(eq(noticeProposals.id, id));
  if (!p) throw new AppError('not_found');
  const base = await baseInScope(db, actor, p.baseId, 'decide');
  if (p.status !== 'proposed') throw new AppError('rule_refused', { clause: 'a13.s3', message: { zh: '该通报建议已处理', en: 'This proposal has already been decided' }, data: { code: 'invalid_state', status: p.status } });
  return { p, base };
}

export async function confirmNotice(db: Db, actor: Actor, who: AuditActor, id: string, input: { documentNumber: string; on: string; note?: string | undefined }) {
  const { p, base } = await openProposal(db, actor, id);
  if (base.status !== 'active') throw new AppError('rule_refused', { clause: 'a13.s3', message: { zh: '只能通报正常运行的基地', en: 'Only an active base can be notified' }, data: { code: 'invalid_state', status: base.status } });
  const reading = p.reading as FailedYearsReading;
  await db.transaction(async (tx) => {
    const [changed] = await tx.update(bases).set({
      status: 'notified', statusChangedOn: input.on, version: base.version + 1,
      documents: [...base.documents, { kind: 'notice', number: input.documentNumber, on: input.on, title: '通报' }],
    }).where(and(eq(bases.id, base.id), eq(bases.status, 'active'))).returning({ id: bases.id });
    if (!changed) throw new AppError('conflict');
    await tx.update(noticeProposals).set({ status: 'confirmed', documentNumber: input.documentNumber, decidedOn: input.on, decidedBy: who.userId, note: input.note ?? null }).where(eq(noticeProposals.id, id));
    await tx.insert(baseEvents).values({ baseId: base.id, kind: 'notified', on: input.on, clauses: ['a13.s3'], documentNumber: input.documentNumber, note: reading.because.zh, data: { run: p.run }, actorUserId: who.userId });
    await recordAudit(tx, who, { action: 'base.notify', entityType: 'base', entityId: base.id, scopeOrgId: base.recommenderId, before: { status: 'active' }, after: { status: 'notified', documentNumber: input.documentNumber, run: p.run, clause: 'a13.s3' } });
  });
  await notifyOrgs(db, [base.hostOrgId, base.recommenderId], 'base_notified', { baseName: base.nameZh, documentNumber: input.documentNumber, because: reading.because, rule: reading.rule, clause: 'a13.s3' }, `/bases/${base.id}`);
  return { ok: true as const };
}

export async function dismissNotice(db: Db, actor: Actor, who: AuditActor, id: string, reason: string) {
  const { base } = await openProposal(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.update(noticeProposals).set({ status: 'dismissed', decidedBy: who.userId, note: reason }).where(eq(noticeProposals.id, id));
    await recordAudit(tx, who, { action: 'notice_proposal.dismiss', entityType: 'base', entityId: base.id, scopeOrgId: base.recommenderId, after: { proposal: id, reason, clause: 'a13.s3' } });
  });
  return { ok: true as const };
}
