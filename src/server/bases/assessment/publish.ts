import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { clock } from '../clock.js';
import { notifyOrgs } from '../notify.js';
import { bases } from '../tables.js';
import { assessmentResults, assessmentRounds } from './tables.js';

/** Publish a computed year (a10.i4): its results become final and visible to bases and departments. */
export async function publishYear(db: Db, who: AuditActor, year: number) {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const [round] = await tx.select().from(assessmentRounds).where(eq(assessmentRounds.year, year));
    if (!round) throw new AppError('not_found');
    if (round.status === 'published') throw new AppError('rule_refused', { clause: 'a10.i4', message: { zh: '该年度考核结果已公布', en: 'Already published' }, data: { year } });
    await tx.update(assessmentRounds).set({ status: 'published', publishedAt: now, publishedBy: who.userId }).where(eq(assessmentRounds.year, year));
    await recordAudit(tx, who, { action: 'assessment.publish', entityType: 'assessment_round', entityId: String(year), after: { year, clause: 'a10.i4' } });
  });
  const hosts = await db.selectDistinct({ orgId: bases.hostOrgId }).from(assessmentResults).innerJoin(bases, eq(bases.id, assessmentResults.baseId)).where(eq(assessmentResults.year, year));
  await notifyOrgs(db, hosts.map((h) => h.orgId), 'assessment_published', { year, clause: 'a10.i4' }, '/bases');
  return { year, published: true };
}
