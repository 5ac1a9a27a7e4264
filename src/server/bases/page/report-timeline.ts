// The a14.s1 steps of a base's plans and summaries — submitted, returned, signed (审核意见),
// received — as timeline events of the base, read from each report's own history (the record of
// the transition), so the timeline cannot disagree with the report.
import { asc, eq } from 'drizzle-orm';
import { beijingDateOf } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import { annualReports } from '../annual/tables.js';

const KIND: Record<string, string> = { submit: 'report_submitted', return: 'report_returned', sign: 'report_signed', receive: 'report_received' };

export async function reportTimeline(db: Db, baseId: string) {
  const rows = await db.select({ id: annualReports.id, year: annualReports.year, kind: annualReports.kind, history: annualReports.history, opinionSignedBy: annualReports.opinionSignedBy })
    .from(annualReports).where(eq(annualReports.baseId, baseId)).orderBy(asc(annualReports.year), asc(annualReports.kind));
  return rows.flatMap((r) => r.history.flatMap((e, i) => {
    const kind = KIND[e.action];
    if (!kind) return [];
    // A return carries its reason; a signature its signer (the opinion itself is on the report).
    const note = e.action === 'return' ? e.text ?? null : e.action === 'sign' ? r.opinionSignedBy : null;
    return [{
      id: `${r.id}:${i}`, kind, on: beijingDateOf(new Date(e.at)), clauses: ['a14.s1'], documentNumber: null, note,
      report: { id: r.id, year: r.year, kind: r.kind as 'plan' | 'summary', late: e.action === 'submit' && !!e.late },
    }];
  }));
}
