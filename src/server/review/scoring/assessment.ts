// 考核 of the applicant (a5.p2.i3, a6.p2.i2, a7.p2.i2, a8.p2.i2): a site visit or a defence,
// recorded with its form (a judgement per condition clause), participants and result, and written
// into recognition as the assessment result.
import type { z } from 'zod';
import type { ZAssessmentInput } from '../../../contracts/review.js';
import { findType } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { programmeOf } from '../../recognition/programmes.js';
import { domainKindOf } from '../../recognition/actor-map.js';
import { applications } from '../../recognition/tables.js';
import { eq } from 'drizzle-orm';
import { reviewAssessments } from '../tables.js';
import { writeExpertResult } from '../results/write-result.js';

export async function recordAssessment(db: Db, actor: Actor, audit: AuditActor, applicationId: string, input: z.infer<typeof ZAssessmentInput>) {
  if (scopeFor(actor.roles, 'review', 'decide') !== 'all') throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, applicationId));
    if (!app) throw new AppError('not_found');
    const type = findType(await programmeOf(tx, app.programmeKey), app.typeId);
    const step = type?.procedure.find((s) => s.kind === 'assessment');
    if (!type || !step) throw new AppError('rule_refused', { message: { zh: '该类型的程序没有考核步骤', en: 'This type’s procedure has no assessment step' } });
    const kind = domainKindOf(actor.orgKind);
    if (!kind || !step.actor.orgKinds.includes(kind)) throw new AppError('rule_refused', { clause: step.clauses[0], data: { expected: step.actor.orgKinds } });
    const known = new Set(type.conditions.flatMap((c) => c.clauses));
    const unknown = input.items.filter((i) => !known.has(i.clause));
    if (unknown.length) throw new AppError('validation_failed', { fields: unknown.map((i) => ({ field: 'items', rule: 'unknown_clause', message: `${i.clause} is not a condition of ${type.id}` })) });
    const { row: result, scopeOrgId } = await writeExpertResult(tx, {
      applicationId, kind: 'assessment', score: null, result: input.result, opinion: input.opinion, judgements: input.items,
      panel: input.participants.map((p) => p.name), recordedBy: actor.userId, recordedByOrgId: actor.orgId,
    });
    const [row] = await tx.insert(reviewAssessments).values({ applicationId, ...input, resultId: result.id, recordedBy: actor.userId }).returning();
    await recordAudit(tx, audit, { action: 'review.assessment_record', entityType: 'recognition_application', entityId: applicationId, scopeOrgId, after: { mode: input.mode, result: input.result, resultId: result.id, clauses: step.clauses } });
    return { id: row!.id, applicationId, ...input, resultId: result.id, recordedAt: row!.recordedAt.toISOString() };
  });
}
