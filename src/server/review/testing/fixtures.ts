// Test data for the review module: a call and applications already at the expert-review step,
// inserted directly into recognition's tables (its API would need the whole filing chain).
import { eq, inArray } from 'drizzle-orm';
import { findType, national2011 } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import { users } from '../../accounts/tables.js';
import { organizations } from '../../organizations/tables.js';
import { provinceOf } from '../../organizations/registry/regions.js';
import { applications, calls } from '../../recognition/tables.js';

export const PROGRAMME = 'most-bases@2011';
export const TYPE = 'joint_research_center';
export const YEAR = 2026;

export async function createCall(db: Db, typeId = TYPE) {
  const [call] = await db.insert(calls).values({
    year: YEAR, programmeKey: PROGRAMME, titleZh: `${YEAR} 年度测试批次`, typeIds: [typeId],
    opensAt: new Date('2026-04-01T00:00:00+08:00'), deadline: new Date('2026-05-20T23:59:59+08:00'), status: 'closed',
  }).returning();
  return call!;
}

/** An application of `orgId` at the expert_review step of its type. */
export async function createApplication(db: Db, callId: string, orgId: string, fields: string[], title: string, typeId = TYPE) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const type = findType(national2011, typeId)!;
  const stepIndex = type.procedure.findIndex((s) => s.kind === 'expertReview');
  const [app] = await db.insert(applications).values({
    callId, programmeKey: PROGRAMME, typeId, applicantOrgId: org!.id, filedByOrgId: org!.id, recommenderId: org!.recommenderId,
    zoneId: org!.zoneId, regionCode: org!.regionCode, provinceCode: org!.regionCode ? provinceOf(org!.regionCode) : null,
    title, fields, state: { stepIndex, status: 'in_progress', history: [] }, status: 'in_progress', stepIndex, stepId: type.procedure[stepIndex]!.id,
  }).returning();
  return app!;
}

/** username → { id, orgId, regionCode of the institution }. */
export async function usersByName(db: Db, names: string[]) {
  const rows = await db.select({ id: users.id, username: users.username, orgId: users.orgId, regionCode: organizations.regionCode })
    .from(users).innerJoin(organizations, eq(organizations.id, users.orgId)).where(inArray(users.username, names));
  return new Map(rows.map((r) => [r.username, r]));
}

/** Institutions (host kinds) that employ no demo expert, for conflict-free applicants. */
export async function institutionsWithoutExperts(db: Db, n: number, exclude: string[] = []) {
  const employers = new Set((await db.select({ orgId: users.orgId }).from(users).where(inArray(users.username, Array.from({ length: 60 }, (_, i) => `expert${String(i + 1).padStart(2, '0')}`)))).map((r) => r.orgId));
  const rows = await db.select().from(organizations).where(inArray(organizations.kind, ['university', 'research_institute', 'innovative_enterprise']));
  return rows.filter((o) => !employers.has(o.id) && !exclude.includes(o.id) && o.regionCode && o.recommenderId).slice(0, n);
}
