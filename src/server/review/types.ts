// Server-side shapes of the review module's jsonb columns. Request/response shapes are the Zod
// schemas of contracts/review.ts; these are what is stored.
import type { z } from 'zod';
import type { ZDraft, ZPendingReplacement, ZRoundParams, ZScoringForm, ZSubmission } from '../../contracts/review.js';
import type { AssignedPair, ConflictConfig, FeasibilityReport, Pair } from './assignment/index.js';

export type RoundParams = z.infer<typeof ZRoundParams>;
export type ScoringForm = z.infer<typeof ZScoringForm>;
export type Submission = z.infer<typeof ZSubmission>;
export type DraftSubmission = z.infer<typeof ZDraft>;
export type PendingReplacement = z.infer<typeof ZPendingReplacement>;

/** The engine's Proposal as JSON (typed arrays become plain arrays), with what it was computed from. */
export interface StoredProposal {
  seed: string;
  applicationIds: string[];
  conflictConfig: ConflictConfig;
  pairs: AssignedPair[];
  fixed: Pair[];
  forbidden: Pair[];
  unfilled: { applicationId: string; mandatory: number; optional: number }[];
  objective: { score: number; primalCost: number; value: number };
  potentials: { source: number; unfilled: number; experts: number[]; groups: number[]; applications: number[] };
  feasibility: FeasibilityReport;
  conflicts: Record<string, number>;
  computedAt: string;
}

export interface AggregateOut {
  n: number;
  mean: number | null;
  trimmedMean: number | null;
  spread: number | null;
  trimmed: boolean;
}
