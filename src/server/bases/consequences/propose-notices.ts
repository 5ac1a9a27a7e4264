// a13.s3: after a year is assessed, read every base's years and PROPOSE a notice where three
// consecutive assessment years are failed. The ministry confirms (with a document) or dismisses;
// a proposal for the same run is never made twice (nor after a dismissal), and a base already
// notified gets none.
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { assessmentResults } from '../assessment/tables.js';
import { programmeOf } from '../programme.js';
import { bases } from '../tables.js';
import { readFailedYears, roundYears } from './reading.js';
import { noticeProposals } from './tables.js';

export async function proposeNotices(db: Db, year: number, baseIds: string[]): Promise<number> {
  if (!baseIds.length) return 0;
  const rounds = await roundYears(db);
  const history = new Map<string, { year: number; grade: string }[]>();
  const info = new Map<string, { recognizedOn: string; status: string; programmeKey: string }>();
  const existing = new Set<string>();
  for (let i = 0; i < baseIds.length; i += 2000) {
    const ids = baseIds.slice(i, i + 2000);
    const [rs, bs, ps] = await Promise.all([
      db.select({ baseId: assessmentResults.baseId, year: assessmentResults.year, grade: assessmentResults.grade }).from(assessmentResults)
        .where(inArray(assessmentResults.baseId, ids)).orderBy(asc(assessmentResults.year)),
      db.select({ id: bases.id, recognizedOn: bases.recognizedOn, status: bases.status, programmeKey: bases.programmeKey }).from(bases).where(inArray(bases.id, ids)),
      db.select({ baseId: noticeProposals.baseId, triggeredInYear: noticeProposals.triggeredInYear }).from(noticeProposals)
        .where(inArray(noticeProposals.baseId, ids)),
    ]);
    for (const r of rs) history.set(r.baseId, [...(history.get(r.baseId) ?? []), r]);
    for (const b of bs) info.set(b.id, b);
    for (const p of ps) existing.add(`${p.baseId}:${p.triggeredInYear}`);
  }
  const rows: (typeof noticeProposals.$inferInsert)[] = [];
  for (const id of baseIds) {
    const b = info.get(id);
    if (!b || b.status !== 'active') continue;
    const reading = readFailedYears(programmeOf(b.programmeKey), b.recognizedOn, rounds, history.get(id) ?? [], year);
    if (!reading.triggered || existing.has(`${id}:${reading.triggeredInYear}`)) continue;
    rows.push({ baseId: id, triggeredInYear: reading.triggeredInYear!, run: reading.run, reading });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(noticeProposals).values(rows.slice(i, i + 500));
  return rows.length;
}
