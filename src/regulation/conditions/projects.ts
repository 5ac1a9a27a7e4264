// Project records as conditions.
// a6.p1.i1 "多次承担国家国际科技合作专项项目和政府间科技合作项目": "多次" (repeatedly) means
// more than once, i.e. at least two. We read "A和B" as the family of national cooperation projects
// (the count runs over both kinds together); `perKind: true` requires the count for each kind.
// "承担" is read as the undertaking unit (lead) by default; `roles` widens it.
// a8.p1.i1 "承担过国家级或省部级国际科技合作项目": at least one project at national, provincial
// or ministerial level. Only projects started by the date of judgement count.
import { z } from 'zod';
import { yearOf } from '../dates.js';
import { met, unmet } from '../verdict.js';
import { projectKinds, projectLevels, type Facts, type Project } from './facts.js';
import { defineConditionKind } from './kind.js';

const ZRoles = z.array(z.enum(['lead', 'participant'])).default(['lead']);

const startedBy = (p: Project, asOfYear: number) => p.startYear <= asOfYear;

export const projectsUndertaken = defineConditionKind({
  id: 'projectsUndertaken',
  name: { zh: '承担特定类别项目', en: 'Projects of given kinds undertaken' },
  machineCheckable: true,
  params: z.object({
    kinds: z.array(z.enum(projectKinds)).min(1),
    minCount: z.number().int().positive().default(1),
    /** more_than_once: "多次" — count ≥ 2 whatever minCount says. */
    mode: z.enum(['at_least', 'more_than_once']).default('at_least'),
    perKind: z.boolean().default(false),
    roles: ZRoles,
  }),
  evaluate(facts: Facts, params, asOf, clause) {
    const need = params.mode === 'more_than_once' ? Math.max(2, params.minCount) : params.minCount;
    const y = yearOf(asOf);
    const counting = facts.projects.filter((p) => startedBy(p, y) && params.roles.includes(p.role));
    const counts = Object.fromEntries(params.kinds.map((k) => [k, counting.filter((p) => p.kind === k).length]));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const ok = params.perKind ? Object.values(counts).every((c) => c >= need) : total >= need;
    const data = { counts, total, need, perKind: params.perKind };
    return ok
      ? met(clause, { zh: `已承担相关项目${total}项（要求不少于${need}项）`, en: `${total} qualifying project(s) undertaken (need ${need})` }, data)
      : unmet(clause, { zh: `承担相关项目${total}项，不足${need}项`, en: `Only ${total} qualifying project(s) undertaken; need ${need}` }, data);
  },
});

export const projectsOfLevel = defineConditionKind({
  id: 'projectsOfLevel',
  name: { zh: '承担过一定级别的国际科技合作项目', en: 'International cooperation projects at a given level' },
  machineCheckable: true,
  params: z.object({
    levels: z.array(z.enum(projectLevels)).min(1),
    minCount: z.number().int().positive().default(1),
    roles: ZRoles,
  }),
  evaluate(facts, params, asOf, clause) {
    const y = yearOf(asOf);
    const n = facts.projects.filter((p) => startedBy(p, y) && params.levels.includes(p.level) && params.roles.includes(p.role)).length;
    const data = { count: n, need: params.minCount, levels: params.levels };
    return n >= params.minCount
      ? met(clause, { zh: `承担过${n}项符合级别要求的国际科技合作项目`, en: `${n} international cooperation project(s) at the required level` }, data)
      : unmet(clause, { zh: '未承担过国家级或省部级国际科技合作项目', en: 'No international cooperation project at the required level' }, data);
  },
});
