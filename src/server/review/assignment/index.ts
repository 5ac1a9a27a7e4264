// Public API of the expert-assignment engine (pure; no database).
export type * from './types.js';
export { CONFLICT_RULES, checkPair, computeConflicts, conflictContext, type ConflictRuleId, type ConflictVerdict } from './conflicts.js';
export { encode, type Instance } from './instance.js';
export { checkFeasibility, type FeasibilityReport, type FeasibilityIssue } from './feasibility.js';
export { propose, solveInstance, type Proposal } from './solve.js';
export { verifyProposal, type Verification } from './verify.js';
export { explainApplication, type ApplicationExplanation, type Exclusion, type PairExplanation } from './explain.js';
export { adjust, type Adjustment, type AdjustResult } from './adjust.js';
export { replaceDeclined, type Replacement } from './replace.js';
export { checkAssignment, type Violation, type ViolationCode } from './constraints.js';
