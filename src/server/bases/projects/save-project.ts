// A base's international cooperation projects (a10.i3, a16): written once into the shared projects
// table (recognition reads it too) and linked to the base. Matching funds are the recommending
// department's (a16.s2), recorded beside the programme's funding.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZBaseProjectInput } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { projects } from '../../projects/tables.js';
import { baseInScope } from '../scope.js';
import { baseProjects } from './tables.js';

type Input = z.infer<typeof ZBaseProjectInput>;
const levelOf = (kind: Input['kind']) => (kind === 'other' ? 'provincial' : 'national');

export async function createProject(db: Db, actor: Actor, who: AuditActor, baseId: string, p: Input) {
  const base = await baseInScope(db, actor, baseId, 'update');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(projects).values({
      orgId: base.hostOrgId, kind: p.kind, level: levelOf(p.kind), field: p.field, title: p.title, partnerCountry: p.partnerCountry,
      startYear: p.startYear, endYear: p.endYear, fundingWan: p.fundingWan, matchingWan: p.matchingWan,
    }).returning({ id: projects.id });
    await tx.insert(baseProjects).values({ projectId: row!.id, baseId, status: p.status, partnerInstitution: p.partnerInstitution });
    await recordAudit(tx, who, { action: 'base_project.create', entityType: 'project', entityId: row!.id, scopeOrgId: base.recommenderId, after: { ...p, baseId, clauses: ['a16.s1', 'a16.s2'] } });
    return { id: row!.id };
  });
}

async function linked(db: Db, baseId: string, projectId: string) {
  const [link] = await db.select().from(baseProjects).where(and(eq(baseProjects.baseId, baseId), eq(baseProjects.projectId, projectId)));
  if (!link) throw new AppError('not_found');
  return link;
}

export async function updateProject(db: Db, actor: Actor, who: AuditActor, baseId: string, projectId: string, p: Input) {
  const base = await baseInScope(db, actor, baseId, 'update');
  await linked(db, baseId, projectId);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(projects).where(eq(projects.id, projectId));
    await tx.update(projects).set({
      kind: p.kind, level: levelOf(p.kind), field: p.field, title: p.title, partnerCountry: p.partnerCountry,
      startYear: p.startYear, endYear: p.endYear, fundingWan: p.fundingWan, matchingWan: p.matchingWan,
    }).where(eq(projects.id, projectId));
    await tx.update(baseProjects).set({ status: p.status, partnerInstitution: p.partnerInstitution }).where(eq(baseProjects.projectId, projectId));
    await recordAudit(tx, who, { action: 'base_project.update', entityType: 'project', entityId: projectId, scopeOrgId: base.recommenderId, before, after: p });
  });
  return { id: projectId };
}

/** Removes the link and the project itself: a base's project is entered through the base. */
export async function deleteProject(db: Db, actor: Actor, who: AuditActor, baseId: string, projectId: string) {
  const base = await baseInScope(db, actor, baseId, 'update');
  await linked(db, baseId, projectId);
  await db.transaction(async (tx) => {
    await tx.delete(baseProjects).where(eq(baseProjects.projectId, projectId));
    const [before] = await tx.delete(projects).where(eq(projects.id, projectId)).returning();
    await recordAudit(tx, who, { action: 'base_project.delete', entityType: 'project', entityId: projectId, scopeOrgId: base.recommenderId, before });
  });
  return { ok: true as const };
}
