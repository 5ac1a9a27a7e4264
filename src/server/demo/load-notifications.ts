// The messages the demo's history would have sent (inside loadDemo's transaction), so that the
// message center of a fresh `npm start` is not empty: the last published assessment year to every
// host institution (as assessment/publish.ts sends it) and each confirmed notice to the base's host
// and recommending department (as consequences/notices.ts sends it). Read from the loaded rows, not
// invented: the same kinds, params and links the use cases write.
import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { notifications, users } from '../accounts/tables.js';
import { bases } from '../bases/tables.js';
import { assessmentRounds } from '../bases/assessment/tables.js';
import { noticeProposals } from '../bases/consequences/tables.js';

export async function loadDemoNotifications(tx: Db): Promise<void> {
  const [round] = await tx.select({ year: assessmentRounds.year, at: assessmentRounds.publishedAt }).from(assessmentRounds)
    .where(eq(assessmentRounds.status, 'published')).orderBy(desc(assessmentRounds.year)).limit(1);
  const allBases = await tx.select({ id: bases.id, nameZh: bases.nameZh, hostOrgId: bases.hostOrgId, recommenderId: bases.recommenderId }).from(bases);
  const notices = await tx.select().from(noticeProposals).where(eq(noticeProposals.status, 'confirmed'));
  const orgIds = [...new Set(allBases.flatMap((b) => [b.hostOrgId, b.recommenderId]).filter((x): x is string => !!x))];
  if (!orgIds.length) return;
  const usersOf = new Map<string, string[]>();
  for (const u of await tx.select({ id: users.id, orgId: users.orgId }).from(users).where(inArray(users.orgId, orgIds))) {
    usersOf.set(u.orgId, [...(usersOf.get(u.orgId) ?? []), u.id]);
  }
  const rows: Array<typeof notifications.$inferInsert> = [];
  if (round) {
    for (const host of new Set(allBases.map((b) => b.hostOrgId))) {
      for (const userId of usersOf.get(host) ?? []) {
        rows.push({ userId, kind: 'assessment_published', params: { year: round.year, clause: 'a10.i4' }, link: '/bases', createdAt: round.at ?? new Date() });
      }
    }
  }
  const byId = new Map(allBases.map((b) => [b.id, b]));
  for (const n of notices) {
    const base = byId.get(n.baseId);
    if (!base) continue;
    const reading = n.reading as { because?: unknown; rule?: unknown };
    for (const org of [base.hostOrgId, base.recommenderId]) {
      for (const userId of (org && usersOf.get(org)) || []) {
        rows.push({
          userId, kind: 'base_notified', link: `/bases/${base.id}`, createdAt: n.decidedOn ? new Date(`${n.decidedOn}T02:00:00Z`) : new Date(),
          params: { baseName: base.nameZh, documentNumber: n.documentNumber, because: reading.because, rule: reading.rule, clause: 'a13.s3' },
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(notifications).values(rows.slice(i, i + 500));
}
