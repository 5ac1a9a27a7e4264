// Public API of the pure domain layer. No I/O beyond the bundled regulation JSON and the holiday
// table; nothing from the server or the web.
export * from './verdict.js';
export * from './dates.js';
export { valueAt, zDated, ZIsoDate, type Dated, type DatedEntry } from './dated.js';
export * from './clauses.js';
export * from './fields.js';
export * from './refusals.js';
export * from './actors.js';
export * from './working-days.js';

export { conditionKinds, conditionKindIds, evaluateCondition, evaluateConditions, type ConditionInstance, type ConditionKindId, type ConditionKind } from './conditions/index.js';
export { ZFacts, ZProject, ZForeignPartner, projectKinds, projectLevels, type Facts, type Project, type ProjectKind } from './conditions/facts.js';

export { stepKinds, stepKindIds, evaluationFactors, type StepKind, type StepKindId, type StepMode } from './procedures/step-kinds.js';
export { inScope, recommendingKinds, type Relation } from './procedures/scope.js';
export * from './procedures/state-machine.js';

export * from './programme/schema.js';
export { validateProgramme, loadProgramme, type ProgrammeProblem } from './programme/validate.js';
export { programmeVersionAt, inForceOn, findType, programmeKey } from './programme/versions.js';
export * from './programmes/index.js';

export * from './eligibility.js';
export * from './lifecycle/annual-report.js';
export * from './lifecycle/grading.js';
export * from './lifecycle/consequences.js';

export { ruleRegistry, type RuleEntry } from './rules.js';
export { coverage, outOfScope, programmeClauseIds, type CoverageReport } from './coverage.js';
