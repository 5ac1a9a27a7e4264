// The conclusion of an assessment round's panel (a10.i4): per expert-scored indicator, the same
// aggregation as a review's total (trimmed mean from five scores), written into the base's
// assessment of the year through the bases adapter (recordExpertScore).
import type { Db } from '../../platform/db/client.js';
import type { AuditActor } from '../../platform/audit/audit.js';
import { recordPanelScores } from '../../bases/assessment/review-adapter.js';
import type { RoundRow } from '../rounds/round-store.js';
import { aggregate } from './aggregate.js';
import { liveAssignments } from './assignments.js';

/** The trimmed mean of each criterion (indicator) over the submitted reviews of one summary. */
export async function indicatorAggregates(db: Db, roundId: string, reportId: string, criteria: string[]): Promise<Record<string, number>> {
  const { live } = await liveAssignments(db, roundId, [reportId]);
  const submitted = live.filter((a) => a.status === 'submitted' && a.submission);
  const out: Record<string, number> = {};
  for (const clause of criteria) {
    const agg = aggregate(submitted.flatMap((a) => (a.submission!.scores[clause] === undefined ? [] : [{ total: a.submission!.scores[clause]! }])));
    if (agg.trimmedMean !== null) out[clause] = agg.trimmedMean;
  }
  return out;
}

export async function concludeAssessmentPanel(tx: Db, audit: AuditActor, round: RoundRow, reportId: string, recordedBy: string) {
  const scores = await indicatorAggregates(tx, round.id, reportId, round.form.criteria.map((c) => c.clause));
  const written = await recordPanelScores(tx, audit, { reportId, scores, recordedBy, note: `${round.title}（会评，${Object.keys(scores).length} 项指标）` });
  return { ...written, scores };
}
