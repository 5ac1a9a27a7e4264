// Profile changes: the expert completes their own profile (fields, keywords, languages, foreign
// experience, past employers); the ministry sets the status and the affiliations the expert
// cannot be trusted to declare alone. Both with a version check and an audit row.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZExpertPatch, ZProfileSelf } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { isRegionCode } from '../../organizations/registry/regions.js';
import { organizations } from '../../organizations/tables.js';
import { expertProfiles } from '../tables.js';
import { expertRowInScope } from './expert-view.js';

async function assertOrgsExist(db: Db, field: string, ids: string[]) {
  if (!ids.length) return;
  const found = await db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new AppError('validation_failed', { fields: [{ field, rule: 'exists', message: `unknown organization ${missing.join(', ')}` }] });
}

async function write(db: Db, audit: AuditActor, id: string, version: number, set: Partial<typeof expertProfiles.$inferInsert>, action: string) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(expertProfiles).where(eq(expertProfiles.userId, id)).for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== version) throw new AppError('conflict', { data: { version: before.version } });
    await tx.update(expertProfiles).set({ ...set, updatedAt: new Date(), version: version + 1 }).where(and(eq(expertProfiles.userId, id), eq(expertProfiles.version, version)));
    await recordAudit(tx, audit, { action, entityType: 'expert', entityId: id, before: { status: before.status, fields: before.fields }, after: set });
  });
}

/** The signed-in expert's own profile (scope 'self'). */
export async function completeOwnProfile(db: Db, actor: Actor, audit: AuditActor, input: z.infer<typeof ZProfileSelf>) {
  if (!actor.roles.includes('expert')) throw new AppError('forbidden');
  await expertRowInScope(db, actor, actor.userId, 'update');
  if (input.regionCode && !isRegionCode(input.regionCode)) throw new AppError('validation_failed', { fields: [{ field: 'regionCode', rule: 'region_unknown', message: 'unknown GB/T 2260 code' }] });
  await assertOrgsExist(db, 'employment', input.employment.map((j) => j.orgId));
  await write(db, audit, actor.userId, input.version, {
    title: input.title ?? null, fields: input.fields, keywords: input.keywords, languages: input.languages, foreignExperience: input.foreignExperience ?? null,
    regionCode: input.regionCode ?? null, employment: input.employment, completedAt: new Date(),
  }, 'expert.profile_complete');
}

/** The ministry's changes (scope 'all' on expert/update). */
export async function patchExpert(db: Db, actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof ZExpertPatch>) {
  const scope = scopeFor(actor.roles, 'expert', 'update');
  if (!scope || scope === 'self') throw new AppError('forbidden');
  await expertRowInScope(db, actor, id, 'update');
  await assertOrgsExist(db, 'affiliationOrgIds', input.affiliationOrgIds ?? []);
  await assertOrgsExist(db, 'employment', (input.employment ?? []).map((j) => j.orgId));
  const { version, ...rest } = input;
  const set = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<typeof expertProfiles.$inferInsert>;
  await write(db, audit, id, version, set, input.status ? `expert.status_${input.status}` : 'expert.update');
}
