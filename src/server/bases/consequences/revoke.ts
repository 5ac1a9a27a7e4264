// a13.s4: a serious violation recorded by the ministry, and the revocation of a NOTIFIED base that
// has one — judged by the domain's revocationAllowed, refused as 422 with the clause otherwise.
import { and, eq } from 'drizzle-orm';
import { revocationAllowed } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { notifyOrgs } from '../notify.js';
import { refused } from '../refusal.js';
import { baseInScope } from '../scope.js';
import { baseEvents, bases } from '../tables.js';
import { endMembershipOnRevocation } from '../../alliance/memberships.js';

export async function recordViolation(db: Db, actor: Actor, who: AuditActor, baseId: string, v: { on: string; serious: boolean; description: string; documentNumber?: string | undefined }) {
  const base = await baseInScope(db, actor, baseId, 'decide');
  await db.transaction(async (tx) => {
    await tx.insert(baseEvents).values({ baseId, kind: 'violation', on: v.on, clauses: ['a13.s4'], documentNumber: v.documentNumber ?? null, note: v.description, data: { serious: v.serious }, actorUserId: who.userId });
    await recordAudit(tx, who, { action: 'base.violation', entityType: 'base', entityId: baseId, scopeOrgId: base.recommenderId, after: { ...v, clause: 'a13.s4' } });
  });
  return { ok: true as const };
}

export async function revokeBase(db: Db, actor: Actor, who: AuditActor, baseId: string, input: { documentNumber: string; on: string; note?: string | undefined }) {
  const base = await baseInScope(db, actor, baseId, 'decide');
  const violations = await db.select({ on: baseEvents.on, data: baseEvents.data }).from(baseEvents).where(and(eq(baseEvents.baseId, baseId), eq(baseEvents.kind, 'violation')));
  const verdict = revocationAllowed({
    status: base.status as 'active' | 'notified' | 'revoked',
    violations: violations.map((v) => ({ recordedOn: v.on, serious: !!(v.data as { serious?: boolean } | null)?.serious })),
  });
  if (!verdict.ok) throw refused(verdict);
  await db.transaction(async (tx) => {
    const [changed] = await tx.update(bases).set({
      status: 'revoked', statusChangedOn: input.on, version: base.version + 1,
      documents: [...base.documents, { kind: 'revocation', number: input.documentNumber, on: input.on, title: '取消国合基地资格' }],
    }).where(and(eq(bases.id, baseId), eq(bases.status, 'notified'))).returning({ id: bases.id });
    if (!changed) throw new AppError('conflict');
    await tx.insert(baseEvents).values({ baseId, kind: 'revoked', on: input.on, clauses: ['a13.s4'], documentNumber: input.documentNumber, note: input.note ?? verdict.verdict.because.zh, actorUserId: who.userId });
    await endMembershipOnRevocation(tx, who, baseId, input.on); // a18.s1: a revoked base leaves the alliance
    await recordAudit(tx, who, { action: 'base.revoke', entityType: 'base', entityId: baseId, scopeOrgId: base.recommenderId, before: { status: 'notified' }, after: { status: 'revoked', documentNumber: input.documentNumber, clause: 'a13.s4', verdict: verdict.verdict } });
  });
  await notifyOrgs(db, [base.hostOrgId, base.recommenderId], 'base_revoked', { baseName: base.nameZh, documentNumber: input.documentNumber, because: verdict.verdict.because, clause: 'a13.s4' }, `/bases/${baseId}`);
  return { ok: true as const };
}
