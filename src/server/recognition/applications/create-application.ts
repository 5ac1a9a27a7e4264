// A draft application: the institution files for itself; for an innovation park the provincial
// government files for the science park in its province (a5.p2.i2). Scope columns are copied from
// the applicant now, so that later reads are one indexed comparison (a9.s1).
import { and, eq, notInArray } from 'drizzle-orm';
import { callWindowVerdict, initialState, isFieldId, refuse } from '../../../regulation/index.js';
import type { z } from 'zod';
import type { ZApplicationCreate } from '../../../contracts/recognition.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { organizations } from '../../organizations/tables.js';
import { isHostKind, isOrgKind } from '../../organizations/registry/kinds.js';
import { provinceOf } from '../../organizations/registry/regions.js';
import { requireDomainActor } from '../guards.js';
import { callOf, typeOf } from '../load.js';
import { programmeOf } from '../programmes.js';
import { refusalError, ruleError } from '../refusal.js';
import { applications } from '../tables.js';

export async function createApplication(db: Db, actor: Actor, audit: AuditActor, input: z.infer<typeof ZApplicationCreate>, now = new Date()) {
  if (!scopeFor(actor.roles, 'application', 'create')) throw new AppError('forbidden');
  const d = requireDomainActor(actor);
  const call = await callOf(db, input.callId);
  if (call.status === 'draft') throw new AppError('not_found');
  const programme = await programmeOf(db, call.programmeKey);
  if (!call.typeIds.includes(input.typeId) || !programme.types.some((t) => t.id === input.typeId)) throw refusalError(refuse('unknown_type', 'a4.s1'));
  const type = typeOf(programme, input.typeId);
  const window = callWindowVerdict(type, { opensAt: call.opensAt, deadline: call.deadline }, now);
  if (window.verdict.met === false || call.status !== 'open') throw refusalError(refuse(window.verdict.met === false ? window.code : 'call_not_open', type.procedureClause, undefined, window.verdict.data));
  const submitStep = type.procedure.find((s) => s.kind === 'institutionApply' || s.kind === 'governmentApplication');
  if (!submitStep || !submitStep.actor.orgKinds.includes(d.orgKind)) {
    throw refusalError(refuse('wrong_actor', submitStep?.clauses[0] ?? type.procedureClause, undefined, { expected: submitStep?.actor.orgKinds ?? [] }));
  }
  const applicantId = d.orgKind === 'host_institution' ? actor.orgId : input.applicantOrgId;
  if (!applicantId) throw new AppError('validation_failed', { fields: [{ field: 'applicantOrgId', rule: 'required', message: 'the science park the government files for' }] });
  if (d.orgKind === 'host_institution' && input.applicantOrgId && input.applicantOrgId !== actor.orgId) throw new AppError('forbidden');
  const [org] = await db.select().from(organizations).where(eq(organizations.id, applicantId));
  if (!org) throw new AppError('not_found');
  if (!isOrgKind(org.kind) || !isHostKind(org.kind)) throw ruleError('not_host_kind', 'a2.s1', { zh: '申报机构须为科技园区、科研院所、高等学校、创新型企业或科技中介组织', en: 'The applicant must be a science park, research institute, university, innovative enterprise or S&T intermediary' });
  // A provincial government files only for a park in its own province (a5.p2.i2 "所在地").
  if (d.orgKind === 'provincial_government' && (!org.regionCode || provinceOf(org.regionCode) !== d.provinceOf)) {
    throw refusalError(refuse('out_of_scope', submitStep.clauses[0] ?? type.procedureClause));
  }
  for (const f of input.fields) if (!isFieldId(f)) throw new AppError('validation_failed', { fields: [{ field: 'fields', rule: 'enum', message: `unknown field ${f} (a15.s1)` }] });

  const hasRecommender = type.procedure.some((s) => s.kind === 'recommend');
  const recommenderId = hasRecommender ? org.recommenderId : null;
  let affiliationOrgId: string | null = null;
  if (recommenderId) {
    const [rec] = await db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, recommenderId));
    if (rec?.kind === 'state_council_department') affiliationOrgId = recommenderId;
  }
  const state = initialState();
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: applications.id }).from(applications).where(and(
      eq(applications.callId, call.id), eq(applications.typeId, input.typeId), eq(applications.applicantOrgId, applicantId),
      notInArray(applications.status, ['withdrawn', 'rejected']),
    ));
    if (dup) throw new AppError('duplicate', { data: { applicationId: dup.id } });
    const [row] = await tx.insert(applications).values({
      callId: call.id, programmeKey: call.programmeKey, typeId: input.typeId, applicantOrgId: applicantId, filedByOrgId: actor.orgId,
      recommenderId, affiliationOrgId, zoneId: org.zoneId, regionCode: org.regionCode, provinceCode: org.regionCode ? provinceOf(org.regionCode) : null,
      title: input.title, titleEn: input.titleEn ?? '', fields: input.fields, state, status: state.status, stepIndex: state.stepIndex,
      stepId: type.procedure[0]!.id, createdBy: actor.userId,
    }).returning();
    await recordAudit(tx, audit, { action: 'recognition.application.create', entityType: 'recognition_application', entityId: row!.id, scopeOrgId: recommenderId, after: { callId: call.id, typeId: input.typeId, applicantOrgId: applicantId, title: input.title } });
    return row!;
  });
}
