// Practice 2: every clause that can bind (condition, step, rule, support) is either implemented —
// cited by the national programme's data or by the rule registry — or declared out of scope of
// the domain layer here, with the reason and where it is handled instead.
import { allClauses, hasClause, type ClauseKind } from './clauses.js';
import type { Programme } from './programme/schema.js';
import { national2011 } from './programmes/national-2011.js';
import { ruleRegistry } from './rules.js';

export const outOfScope: Readonly<Record<string, string>> = {
  'a9.s1': 'two-level management: enforced by the server’s data scope (each recommender sees and acts on its own units); the procedure’s scope check is procedures/scope.ts',
  'a12.s1': 'recognition never changes a unit’s affiliation: the organization registry (server) keeps affiliation; no domain operation alters it',
  'a12.s2': 'differentiated operation models: an encouragement, nothing to check',
  'a13.s2': 'assessment results as a reference for later project applications: exported by the server to project management, no decision here',
  'a16.s1': 'project funding priority: outside this system (project management)',
  'a16.s2': 'matching funds by the recommender: reported in the annual report, not checked',
  'a17.s1': 'training, talent and information services: reported in the annual report, not checked',
  'a19.s1': 'the public column of bases: portal feature',
};

const binding: readonly ClauseKind[] = ['condition', 'step', 'rule', 'support'];

/** Every clause id a programme's data cites. */
export function programmeClauseIds(p: Programme): Set<string> {
  const ids = new Set<string>([...p.callRules.clauses, ...p.grading.clauses, ...p.annualReport.clauses, ...p.consequences.clauses]);
  for (const t of p.types) {
    ids.add(t.definitionClause);
    ids.add(t.procedureClause);
    for (const c of t.conditions) c.clauses.forEach((id) => ids.add(id));
    for (const s of t.procedure) s.clauses.forEach((id) => ids.add(id));
  }
  return ids;
}

export type CoverageReport = {
  covered: string[];
  outOfScope: string[];
  /** Binding clauses neither implemented nor declared out of scope: must be empty. */
  uncovered: string[];
  /** Out-of-scope entries that are also implemented, or name no clause: must be empty. */
  inconsistent: string[];
};

export function coverage(programme: Programme = national2011): CoverageReport {
  const implemented = programmeClauseIds(programme);
  ruleRegistry.forEach((r) => r.clauses.forEach((id) => implemented.add(id)));
  const bindingIds = allClauses().filter((c) => binding.includes(c.kind)).map((c) => c.id);
  return {
    covered: bindingIds.filter((id) => implemented.has(id)),
    outOfScope: bindingIds.filter((id) => id in outOfScope),
    uncovered: bindingIds.filter((id) => !implemented.has(id) && !(id in outOfScope)),
    inconsistent: Object.keys(outOfScope).filter((id) => implemented.has(id) || !hasClause(id)),
  };
}
