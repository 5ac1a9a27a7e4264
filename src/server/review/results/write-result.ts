// The one place the expert module writes into recognition: a review or assessment result row
// (recognition_review_results, source 'expert_panel'), inside the caller's transaction. Same
// window as recognition's manual recording: from the expert-review step until the comprehensive
// evaluation is done, while the application is in progress.
import { eq } from 'drizzle-orm';
import { findType } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { programmeOf } from '../../recognition/programmes.js';
import { applications, reviewResults } from '../../recognition/tables.js';

export const EXPERT_SOURCE = 'expert_panel';

export interface ExpertResult {
  applicationId: string;
  kind: 'review' | 'assessment';
  score: number | null;
  result: 'pass' | 'fail' | null;
  opinion: string;
  judgements: Array<{ clause: string; met: boolean; note?: string | undefined }>;
  panel: string[];
  recordedBy: string;
  recordedByOrgId: string;
}

export async function writeExpertResult(tx: Db, r: ExpertResult) {
  const [app] = await tx.select().from(applications).where(eq(applications.id, r.applicationId)).for('update');
  if (!app) throw new AppError('not_found');
  const type = findType(await programmeOf(tx, app.programmeKey), app.typeId);
  const review = type?.procedure.findIndex((s) => s.kind === 'expertReview') ?? -1;
  const evaluate = type?.procedure.findIndex((s) => s.kind === 'comprehensiveEvaluation') ?? -1;
  const clause = type?.procedure[review]?.clauses[0];
  if (review < 0 || app.status !== 'in_progress' || app.stepIndex < review || (evaluate >= 0 && app.stepIndex > evaluate)) {
    throw new AppError('rule_refused', { ...(clause ? { clause } : {}), data: { currentStep: app.stepId }, message: {
      zh: '申请不在专家评审至综合评价阶段，不能记录评审结果', en: 'The application is not between expert review and comprehensive evaluation; no result can be recorded' } });
  }
  const [row] = await tx.insert(reviewResults).values({
    applicationId: app.id, kind: r.kind, score: r.score, result: r.result, opinion: r.opinion,
    judgements: r.judgements.map((j) => ({ clause: j.clause, met: j.met, ...(j.note ? { note: j.note } : {}) })),
    panel: r.panel, source: EXPERT_SOURCE, recordedBy: r.recordedBy, recordedByOrgId: r.recordedByOrgId,
  }).returning();
  return { row: row!, scopeOrgId: app.recommenderId };
}
