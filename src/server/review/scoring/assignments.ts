// An expert's own assignments (scope 'assigned'): another expert's assignment id is simply not
// found. The application's narratives are shown only after the declaration is signed.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZAssignmentDetail, ZMyAssignment } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import type { Action } from '../../platform/authz/policy.js';
import { AppError } from '../../platform/http/errors.js';
import { organizations } from '../../organizations/tables.js';
import { applications } from '../../recognition/tables.js';
import { assessmentSubjects } from '../../bases/assessment/review-adapter.js';
import { reviewAssignments, reviewRounds } from '../tables.js';
import { assignmentScope } from '../scope.js';

export type AssignmentRow = typeof reviewAssignments.$inferSelect;
type Mine = z.infer<typeof ZMyAssignment>;

const mineQuery = (db: Db) => db.select({ a: reviewAssignments, round: { title: reviewRounds.title, status: reviewRounds.status, form: reviewRounds.form, kind: reviewRounds.kind },
  app: { id: applications.id, title: applications.title, titleEn: applications.titleEn, typeId: applications.typeId, fields: applications.fields, sections: applications.sections },
  applicant: organizations.nameZh })
  .from(reviewAssignments)
  .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
  // Left joins: an assessment round's subject is an annual summary, resolved in subjectsOf.
  .leftJoin(applications, eq(applications.id, reviewAssignments.applicationId))
  .leftJoin(organizations, eq(organizations.id, applications.applicantOrgId));
type MineRow = Awaited<ReturnType<ReturnType<typeof mineQuery>['where']>>[number];
interface Subject { id: string; title: string; titleEn: string; typeId: string; fields: string[]; applicant: string; sections: Record<string, { narrative?: string }> }

/** What the expert reviews: the application, or the base's annual summary (its narrative under the first criterion). */
async function subjectsOf(db: Db, rows: MineRow[]): Promise<Map<string, Subject>> {
  const out = new Map<string, Subject>();
  for (const r of rows) {
    if (r.app) out.set(r.a.id, { ...r.app, applicant: r.applicant ?? '', sections: r.app.sections as Subject['sections'] });
  }
  const summaries = await assessmentSubjects(db, [...new Set(rows.filter((r) => !r.app).map((r) => r.a.applicationId))]);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  for (const r of rows) {
    const s = byId.get(r.a.applicationId);
    const first = r.round.form.criteria[0]?.clause;
    if (s) out.set(r.a.id, { id: s.id, title: s.title, titleEn: s.titleEn, typeId: s.typeId, fields: s.fields, applicant: s.hostName, sections: first ? { [first]: { narrative: s.narrative } } : {} });
  }
  return out;
}

const toMine = (r: MineRow, s: Subject): Mine => ({
  id: r.a.id, roundId: r.a.roundId, roundTitle: r.round.title, roundStatus: r.round.status, status: r.a.status as Mine['status'],
  application: { id: s.id, title: s.title, titleEn: s.titleEn, typeId: s.typeId, fields: s.fields, applicant: s.applicant },
  totalScore: r.a.totalScore, submittedAt: r.a.submittedAt?.toISOString() ?? null,
});

export async function myAssignments(db: Db, actor: Actor): Promise<Mine[]> {
  const rows = await mineQuery(db).where(and(eq(reviewAssignments.expertUserId, actor.userId), assignmentScope(actor, 'read'))).orderBy(desc(reviewAssignments.createdAt));
  const subjects = await subjectsOf(db, rows);
  return rows.filter((r) => subjects.has(r.a.id)).map((r) => toMine(r, subjects.get(r.a.id)!));
}

/** One assignment in scope, or 404 (another expert's id included). */
export async function assignmentInScope(db: Db, actor: Actor, id: string, action: Action, opts: { lock?: boolean } = {}): Promise<AssignmentRow> {
  const q = db.select().from(reviewAssignments).where(and(eq(reviewAssignments.id, id), assignmentScope(actor, action)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

export async function assignmentDetail(db: Db, actor: Actor, id: string): Promise<z.infer<typeof ZAssignmentDetail>> {
  await assignmentInScope(db, actor, id, 'read');
  const [r] = await mineQuery(db).where(eq(reviewAssignments.id, id));
  const subject = (await subjectsOf(db, [r!])).get(id);
  if (!subject) throw new AppError('not_found');
  const signed = r!.a.status === 'accepted' || r!.a.status === 'submitted';
  const sections = signed
    ? Object.fromEntries(Object.entries(subject.sections).map(([k, v]) => [k, v.narrative !== undefined ? { narrative: v.narrative } : {}]))
    : null;
  return {
    ...toMine(r!, subject), form: r!.round.form, sections,
    draft: r!.a.draft, draftSavedAt: r!.a.draftSavedAt?.toISOString() ?? null, submission: r!.a.submission,
    declaredAt: r!.a.declaredAt?.toISOString() ?? null, version: r!.a.version,
  };
}

/** Live (not declined) assignments of a round, optionally of some applications. */
export async function liveAssignments(db: Db, roundId: string, applicationIds?: string[]) {
  const rows = await db.select().from(reviewAssignments).where(and(eq(reviewAssignments.roundId, roundId),
    applicationIds ? inArray(reviewAssignments.applicationId, applicationIds) : undefined));
  return { live: rows.filter((r) => r.status !== 'declined'), declined: rows.filter((r) => r.status === 'declined') };
}
