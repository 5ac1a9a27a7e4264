// The public side of 公示: notices now running, with what is proposed for recognition, so the
// portal can publish them. Only what a notice publishes — names, hosts, dates — nothing internal.
import { eq, inArray } from 'drizzle-orm';
import { beijingDateOf, compareDates, findType } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import { organizations } from '../../organizations/tables.js';
import { programmeOf } from '../programmes.js';
import { applications, decisions, publicNotices } from '../tables.js';

export async function openNotices(db: Db, now = new Date()) {
  const today = beijingDateOf(now);
  const rows = await db.select({ n: publicNotices, d: decisions }).from(publicNotices).innerJoin(decisions, eq(decisions.id, publicNotices.decisionId)).where(eq(publicNotices.status, 'open'));
  const out = [];
  for (const { n, d } of rows.filter((r) => compareDates(r.n.startsOn, today) <= 0)) {
    const apps = d.applicationIds.length ? await db.select({ title: applications.title, hostZh: organizations.nameZh, regionCode: applications.regionCode })
      .from(applications).innerJoin(organizations, eq(organizations.id, applications.applicantOrgId)).where(inArray(applications.id, d.applicationIds)) : [];
    const type = findType(await programmeOf(db, d.programmeKey), d.typeId);
    out.push({
      noticeId: n.id, decisionId: d.id, typeName: type?.name ?? { zh: d.typeId, en: d.typeId }, startsOn: n.startsOn, endsOn: n.endsOn, workingDays: n.workingDays,
      issuingBodies: d.issuingBodies, candidates: apps.map((a) => ({ title: a.title, hostInstitution: a.hostZh, regionCode: a.regionCode })),
    });
  }
  return out;
}
