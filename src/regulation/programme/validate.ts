// Deep checks a schema cannot express: each condition's and step's params fit its kind, each
// cited clause exists (in this document or the national Measures), step ids are unique, every
// type has exactly one deciding step in the recognition phase.
import type { ZodType } from 'zod';
import { hasClause } from '../clauses.js';
import { conditionKinds } from '../conditions/index.js';
import { stepKinds } from '../procedures/step-kinds.js';
import { ZProgramme, type Programme, type ProgrammeInput } from './schema.js';

export type ProgrammeProblem = { where: string; problem: string };

export function validateProgramme(p: Programme): ProgrammeProblem[] {
  const problems: ProgrammeProblem[] = [];
  const own = new Set(p.document.clauseIds);
  const cites = (where: string, ids: readonly string[]) => {
    for (const id of ids) if (!own.has(id) && !hasClause(id)) problems.push({ where, problem: `unknown clause ${id}` });
  };
  cites('callRules', p.callRules.clauses);
  cites('grading', p.grading.clauses);
  cites('annualReport', p.annualReport.clauses);
  cites('consequences', p.consequences.clauses);
  for (const t of p.types) {
    cites(`${t.id}`, [t.definitionClause, t.procedureClause]);
    t.conditions.forEach((c, i) => {
      const where = `${t.id}.conditions[${i}]`;
      cites(where, c.clauses);
      const r = (conditionKinds[c.kind].params as ZodType).safeParse(c.params ?? {});
      if (!r.success) problems.push({ where, problem: r.error.message });
    });
    const ids = new Set<string>();
    t.procedure.forEach((s, i) => {
      const where = `${t.id}.procedure[${i}]`;
      cites(where, s.clauses);
      if (ids.has(s.id)) problems.push({ where, problem: `duplicate step id ${s.id}` });
      ids.add(s.id);
      const r = (stepKinds[s.kind].params as ZodType).safeParse(s.params ?? {});
      if (!r.success) problems.push({ where, problem: r.error.message });
    });
    const deciding = t.procedure.filter((s) => s.deciding && s.phase === 'recognition');
    if (deciding.length !== 1) problems.push({ where: t.id, problem: `needs exactly one deciding step, has ${deciding.length}` });
    if (!t.procedure.some((s) => stepKinds[s.kind].mode === 'submit')) problems.push({ where: t.id, problem: 'no submit step' });
  }
  return problems;
}

/** Build a programme from plain data (a JSON file, a form): parse, then validate deeply; throws on problems. */
export function loadProgramme(data: ProgrammeInput | unknown): Programme {
  const p = ZProgramme.parse(data);
  const problems = validateProgramme(p);
  if (problems.length) throw new Error(`invalid programme ${p.lineage}@${p.version}: ${problems.map((x) => `${x.where}: ${x.problem}`).join('; ')}`);
  return p;
}
