// The facts conflict rules read besides the registry: an expert's co-authorships and shared
// projects, conflicts declared for an application, and the people an application names.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZDeclaredConflictInput, ZNamedPeople, ZRelationInput } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { applications } from '../../recognition/tables.js';
import { declaredConflicts, expertRelations, namedPeople } from '../tables.js';
import { expertRowInScope } from '../pool/expert-view.js';

/** The ministry (or the expert for themselves) records relations: both read them in conflict checks. */
async function requireExpertWriter(db: Db, actor: Actor, expertId: string) {
  const scope = scopeFor(actor.roles, 'expert', 'update');
  if (!scope) throw new AppError('forbidden');
  await expertRowInScope(db, actor, expertId, 'update');
}

export async function addRelation(db: Db, actor: Actor, audit: AuditActor, expertId: string, input: z.infer<typeof ZRelationInput>) {
  await requireExpertWriter(db, actor, expertId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(expertRelations).values({ expertUserId: expertId, ...input, createdBy: actor.userId }).returning();
    await recordAudit(tx, audit, { action: 'expert.relation_add', entityType: 'expert', entityId: expertId, after: input });
    return { id: row!.id, expertId, personKey: row!.personKey, personName: row!.personName, kind: row!.kind as 'coauthor' | 'project', year: row!.year };
  });
}

export async function listRelations(db: Db, actor: Actor, expertId: string) {
  await expertRowInScope(db, actor, expertId, 'read');
  const rows = await db.select().from(expertRelations).where(eq(expertRelations.expertUserId, expertId)).orderBy(expertRelations.year);
  return rows.map((r) => ({ id: r.id, expertId, personKey: r.personKey, personName: r.personName, kind: r.kind as 'coauthor' | 'project', year: r.year }));
}

/** A conflict declared ahead of assignment (the expert for themselves, or the ministry on their word). */
export async function declareConflict(db: Db, actor: Actor, audit: AuditActor, expertId: string, input: z.infer<typeof ZDeclaredConflictInput>) {
  await requireExpertWriter(db, actor, expertId);
  return db.transaction(async (tx) => {
    const row = await insertDeclared(tx, expertId, input.applicationId, input.reason, actor.userId);
    await recordAudit(tx, audit, { action: 'expert.conflict_declare', entityType: 'expert', entityId: expertId, after: input });
    return { id: row.id, expertId, applicationId: row.applicationId, reason: row.reason, createdAt: row.createdAt.toISOString() };
  });
}

/**
 * Idempotent: declaring the same conflict twice keeps the first record. `subjectChecked`: the
 * caller holds an assignment to the subject (an application or an annual summary), so it exists.
 */
export async function insertDeclared(tx: Db, expertId: string, applicationId: string, reason: string, by: string, opts: { subjectChecked?: boolean } = {}) {
  if (!opts.subjectChecked) {
    const [app] = await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, applicationId));
    if (!app) throw new AppError('not_found');
  }
  await tx.insert(declaredConflicts).values({ expertUserId: expertId, applicationId, reason, declaredBy: by }).onConflictDoNothing();
  const [row] = await tx.select().from(declaredConflicts).where(and(eq(declaredConflicts.expertUserId, expertId), eq(declaredConflicts.applicationId, applicationId)));
  return row!;
}

/** Replace the people an application names (leader, team, partner contacts). The ministry's call. */
export async function setNamedPeople(db: Db, actor: Actor, audit: AuditActor, applicationId: string, input: z.infer<typeof ZNamedPeople>) {
  if (scopeFor(actor.roles, 'review', 'update') !== 'all') throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    const [app] = await tx.select({ id: applications.id, recommenderId: applications.recommenderId }).from(applications).where(eq(applications.id, applicationId));
    if (!app) throw new AppError('not_found');
    await tx.delete(namedPeople).where(eq(namedPeople.applicationId, applicationId));
    const unique = [...new Map(input.people.map((p) => [p.personKey, p])).values()];
    if (unique.length) await tx.insert(namedPeople).values(unique.map((p) => ({ applicationId, ...p })));
    await recordAudit(tx, audit, { action: 'review.named_people', entityType: 'recognition_application', entityId: applicationId, scopeOrgId: app.recommenderId, after: unique });
    return { people: unique };
  });
}
