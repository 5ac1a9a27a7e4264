// Reading the pool: one row shape (profile ⨝ user ⨝ institution) and its outward form. Contact
// details are shown masked: the pool says a way to reach the expert exists, not what it is.
import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZExpert, ZExpertQuery } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor, type Action } from '../../platform/authz/policy.js';
import type { Sm4KeyRing } from '../../platform/crypto/sm.js';
import { AppError } from '../../platform/http/errors.js';
import { users } from '../../accounts/tables.js';
import { maskEmail, maskPhone, unseal } from '../../accounts/personal-data.js';
import { organizations } from '../../organizations/tables.js';
import { provinceOf } from '../../organizations/registry/regions.js';
import { expertProfiles, reviewAssignments } from '../tables.js';
import { expertScope } from '../scope.js';

export type Expert = z.infer<typeof ZExpert>;

export const expertSelect = {
  profile: expertProfiles,
  user: { id: users.id, username: users.username, displayName: users.displayName, status: users.status, email: users.email, phone: users.phone, orgId: users.orgId },
  org: { id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn, regionCode: organizations.regionCode, uscc: organizations.uscc },
};

export const expertQuery = (db: Db) => db.select(expertSelect).from(expertProfiles)
  .innerJoin(users, eq(users.id, expertProfiles.userId)).innerJoin(organizations, eq(organizations.id, users.orgId));

export type ExpertRow = Awaited<ReturnType<ReturnType<typeof expertQuery>['where']>>[number];

/** The region an expert counts for: their own when set, else their institution's. */
export const regionOf = (r: ExpertRow) => r.profile.regionCode ?? r.org.regionCode;

async function historyOf(db: Db, ids: string[]) {
  const out = new Map<string, { assigned: number; submitted: number; declined: number }>();
  if (!ids.length) return out;
  const rows = await db.select({ id: reviewAssignments.expertUserId, status: reviewAssignments.status, n: count() })
    .from(reviewAssignments).where(inArray(reviewAssignments.expertUserId, ids)).groupBy(reviewAssignments.expertUserId, reviewAssignments.status);
  for (const r of rows) {
    const h = out.get(r.id) ?? { assigned: 0, submitted: 0, declined: 0 };
    h.assigned += r.n;
    if (r.status === 'submitted') h.submitted += r.n;
    if (r.status === 'declined') h.declined += r.n;
    out.set(r.id, h);
  }
  return out;
}

function contactOf(ring: Sm4KeyRing | undefined, r: ExpertRow) {
  // Without the key ring (never in the running app) only the presence of a contact is shown.
  const open = (col: 'email' | 'phone', v: string | null) => (ring ? unseal(ring, col, r.user.id, v) : v ? '***' : null);
  return { email: maskEmail(open('email', r.user.email)), phone: maskPhone(open('phone', r.user.phone)) };
}

export async function toExperts(db: Db, rows: ExpertRow[], ring?: Sm4KeyRing): Promise<Expert[]> {
  const history = await historyOf(db, rows.map((r) => r.user.id));
  return rows.map((r) => {
    const region = regionOf(r);
    return {
      id: r.user.id, username: r.user.username, name: r.user.displayName, org: { id: r.org.id, nameZh: r.org.nameZh, nameEn: r.org.nameEn },
      regionCode: region, provinceCode: region ? provinceOf(region) : null, title: r.profile.title,
      fields: r.profile.fields, keywords: r.profile.keywords, languages: r.profile.languages, foreignExperience: r.profile.foreignExperience,
      affiliationOrgIds: r.profile.affiliationOrgIds, employment: r.profile.employment,
      status: r.profile.status as Expert['status'], accountStatus: r.user.status, contact: contactOf(ring, r),
      history: history.get(r.user.id) ?? { assigned: 0, submitted: 0, declined: 0 },
      completedAt: r.profile.completedAt?.toISOString() ?? null, version: r.profile.version,
    };
  });
}

/** The pool in scope. Listing needs a pool-wide scope: an expert ('self') may read only their own profile. */
export async function listExperts(db: Db, actor: Actor, q: z.infer<typeof ZExpertQuery>, ring?: Sm4KeyRing) {
  const scope = scopeFor(actor.roles, 'expert', 'read');
  if (!scope || scope === 'self') throw new AppError('forbidden');
  const where: SQL[] = [expertScope(actor, 'read')];
  if (q.status) where.push(eq(expertProfiles.status, q.status));
  if (q.field) where.push(sql`${expertProfiles.fields} @> ${JSON.stringify([q.field])}::jsonb`);
  if (q.q) where.push(or(ilike(users.displayName, `%${q.q}%`), ilike(users.username, `%${q.q}%`), ilike(organizations.nameZh, `%${q.q}%`))!);
  const [total] = await db.select({ n: count() }).from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId)).innerJoin(organizations, eq(organizations.id, users.orgId)).where(and(...where));
  const rows = await expertQuery(db).where(and(...where)).orderBy(users.username).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { items: await toExperts(db, rows, ring), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** One expert in scope, or 404. */
export async function expertRowInScope(db: Db, actor: Actor, id: string, action: Action = 'read'): Promise<ExpertRow> {
  const [row] = await expertQuery(db).where(and(eq(expertProfiles.userId, id), expertScope(actor, action)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getExpert(db: Db, actor: Actor, id: string, ring?: Sm4KeyRing): Promise<Expert> {
  return (await toExperts(db, [await expertRowInScope(db, actor, id)], ring))[0]!;
}
