// Inputs and outputs of the expert-assignment engine. Pure data: no database rows, no I/O.

export interface WeightedField {
  readonly field: string;
  /** Relative importance of the field for this application (any positive scale). */
  readonly weight: number;
}

export interface Application {
  readonly id: string;
  readonly fields: readonly WeightedField[];
  readonly keywords: readonly string[];
  readonly province: string;
  /** Applicant and host institutions together with their parent organisations. */
  readonly institutionIds: readonly string[];
  readonly recommendingOrgId: string;
  /** People named in the application (leaders, members); expert ids are person ids. */
  readonly namedPeopleIds: readonly string[];
}

export type ExpertStatus = 'active' | 'suspended' | 'retired';

export interface PastEmployment {
  readonly institutionId: string;
  /** Last calendar year of that employment. */
  readonly untilYear: number;
}

export interface Expert {
  readonly id: string;
  readonly fields: readonly string[];
  readonly keywords: readonly string[];
  readonly province: string;
  readonly institutionId: string;
  /** Other organisations the expert belongs to (e.g. a recommending department). */
  readonly affiliationIds?: readonly string[];
  readonly employment?: readonly PastEmployment[];
  readonly status: ExpertStatus;
  /** Reviews the expert already carries in this round. */
  readonly currentLoad: number;
}

/** Co-authorship or a shared project between an expert and another person. */
export interface Relation {
  readonly expertId: string;
  readonly personId: string;
  readonly kind: 'coauthor' | 'project';
  readonly year: number;
}

export interface DeclaredConflict {
  readonly expertId: string;
  readonly applicationId: string;
}

/** The configurable conflict rules; `null` switches a rule off. */
export interface ConflictConfig {
  readonly sameProvince: boolean;
  readonly collaborationYears: number | null;
  readonly employmentYears: number | null;
  /** The round's year, against which "within N years" is measured. */
  readonly year: number;
}

export interface AssignmentParams {
  /** Reviewers per application; min === max asks for exactly that many. */
  readonly reviewers: { readonly min: number; readonly max: number };
  /** L: most reviews one expert may carry, current load included. */
  readonly maxLoad: number;
  /** k: most experts from one province on one application's panel. */
  readonly maxPerProvince: number;
  /** Relative weights of field match and keyword match in the score. */
  readonly weights: { readonly field: number; readonly keyword: number };
  /** Share of each panel's minimum drawn at random from the eligible pool (随机抽取). */
  readonly randomShare: number;
  /** Seed of the random draw; stored with the proposal so the draw can be replayed. */
  readonly seed: string;
}

export interface AssignmentInput {
  readonly applications: readonly Application[];
  readonly experts: readonly Expert[];
  readonly relations?: readonly Relation[];
  readonly declared?: readonly DeclaredConflict[];
  readonly conflictConfig: ConflictConfig;
  readonly params: AssignmentParams;
}

export interface Pair {
  readonly applicationId: string;
  readonly expertId: string;
}

export interface AssignedPair extends Pair {
  readonly score: number;
  /** 'random' pairs were drawn first and fixed; 'optimized' came from the flow. */
  readonly source: 'random' | 'optimized' | 'manual';
}

/**
 * Node potentials of the flow network (see network.ts for its shape). With them anyone can check
 * reduced-cost optimality and compute the dual bound without trusting the solver.
 */
export interface Potentials {
  readonly source: number;
  readonly unfilled: number;
  readonly experts: Float64Array;
  /** Indexed application * provinceCount + province. */
  readonly groups: Float64Array;
  readonly applications: Float64Array;
}

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}
