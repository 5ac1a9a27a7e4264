// Rows → API shapes. Database rows never leave the server as they are (practice 7).
import { inArray } from 'drizzle-orm';
import { clauseLabel, findType, stepKinds, type Programme } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import { organizations } from '../../organizations/tables.js';
import { programmeOf } from '../programmes.js';
import type { ApplicationRow } from '../load.js';
import { calls } from '../tables.js';
import { eq } from 'drizzle-orm';

export const clauseRef = (id: string) => ({ id, label: { zh: clauseLabel(id, 'zh'), en: clauseLabel(id, 'en') } });

type Org = { id: string; nameZh: string; nameEn: string; kind: string };

export async function orgsById(db: Db, ids: (string | null)[]): Promise<Map<string, Org>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn, kind: organizations.kind }).from(organizations).where(inArray(organizations.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export function stepNameOf(programme: Programme, typeId: string, stepIndex: number) {
  const step = findType(programme, typeId)?.procedure[stepIndex];
  return step ? stepKinds[step.kind].name : { zh: '程序已完成', en: 'Procedure complete' };
}

export async function summaries(db: Db, rows: ApplicationRow[]) {
  const orgs = await orgsById(db, rows.flatMap((r) => [r.applicantOrgId, r.filedByOrgId, r.recommenderId]));
  const programmes = new Map<string, Programme>();
  for (const key of new Set(rows.map((r) => r.programmeKey))) programmes.set(key, await programmeOf(db, key));
  const years = new Map<string, number>();
  for (const callId of new Set(rows.map((r) => r.callId))) {
    const [c] = await db.select({ year: calls.year }).from(calls).where(eq(calls.id, callId));
    years.set(callId, c?.year ?? 0);
  }
  return rows.map((r) => {
    const p = programmes.get(r.programmeKey)!;
    const type = findType(p, r.typeId);
    return {
      id: r.id, callId: r.callId, year: years.get(r.callId) ?? 0, programmeKey: r.programmeKey, typeId: r.typeId,
      typeName: type?.name ?? { zh: r.typeId, en: r.typeId }, title: r.title, titleEn: r.titleEn,
      applicant: orgs.get(r.applicantOrgId)!, filedBy: orgs.get(r.filedByOrgId)!,
      recommender: r.recommenderId ? (orgs.get(r.recommenderId) ?? null) : null,
      regionCode: r.regionCode, provinceCode: r.provinceCode, fields: r.fields,
      status: r.status as 'draft' | 'in_progress' | 'returned' | 'rejected' | 'recognized' | 'withdrawn',
      stepId: r.stepId, stepName: stepNameOf(p, r.typeId, r.stepIndex), stepIndex: r.stepIndex,
      submittedAt: r.submittedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(), version: r.version,
    };
  });
}
