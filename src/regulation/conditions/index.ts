// The library of condition kinds and the evaluation of a programme type's conditions.
import type { IsoDate } from '../dates.js';
import type { Verdict } from '../verdict.js';
import type { Facts } from './facts.js';
import type { ConditionKind } from './kind.js';
import { registrationAge } from './registration-age.js';
import { locatedInHighTechZone } from './high-tech-zone.js';
import { projectsOfLevel, projectsUndertaken } from './projects.js';
import { hasForeignPartners, holdsDocument } from './partners-documents.js';
import { hostKind, narrative } from './narrative.js';

export const conditionKinds = {
  registrationAge,
  locatedInHighTechZone,
  projectsUndertaken,
  projectsOfLevel,
  hasForeignPartners,
  holdsDocument,
  narrative,
  hostKind,
} as const satisfies Record<string, ConditionKind>;
export type ConditionKindId = keyof typeof conditionKinds;
export const conditionKindIds = Object.keys(conditionKinds) as ConditionKindId[];

export type ConditionInstance = { kind: ConditionKindId; clauses: string[]; params?: unknown };

/** Evaluate one instance. Params were validated when the programme was loaded; a bad one here throws. */
export function evaluateCondition(instance: ConditionInstance, facts: Facts, asOf: IsoDate): Verdict {
  const kind: ConditionKind = conditionKinds[instance.kind];
  const params = kind.params.parse(instance.params ?? {});
  const clause = instance.clauses[0];
  if (!clause) throw new Error(`condition ${instance.kind} cites no clause`);
  return kind.evaluate(facts, params, asOf, clause);
}

export const evaluateConditions = (conditions: readonly ConditionInstance[], facts: Facts, asOf: IsoDate): Verdict[] =>
  conditions.map((c) => evaluateCondition(c, facts, asOf));

export type { Facts } from './facts.js';
export { ZFacts } from './facts.js';
export type { ConditionKind } from './kind.js';
