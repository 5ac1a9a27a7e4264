import { describe, expect, it } from 'vitest';
import { checkPair, computeConflicts, conflictContext, CONFLICT_RULES, type ConflictRuleId } from './conflicts.js';
import { app, expert, randomRound } from './testing.js';
import type { Application, ConflictConfig, Expert, Relation } from './types.js';

const config: ConflictConfig = { sameProvince: false, collaborationYears: 3, employmentYears: 3, year: 2025 };
const A = app('a1', { institutionIds: ['uni-x', 'ministry-edu'], recommendingOrgId: 'dept-BJ', namedPeopleIds: ['lead-1', 'e-named'], province: 'BJ' });

interface Case { name: string; rule: ConflictRuleId | null; expert: Partial<Expert>; relations?: Relation[]; declared?: boolean; config?: Partial<ConflictConfig> }
const cases: Case[] = [
  { name: 'applicant institution', rule: 'institution', expert: { institutionId: 'uni-x' } },
  { name: 'parent of the applicant institution', rule: 'institution', expert: { institutionId: 'ministry-edu' } },
  { name: 'a different institution', rule: null, expert: { institutionId: 'uni-y' } },
  { name: 'works at the recommending department', rule: 'recommending-org', expert: { institutionId: 'dept-BJ' } },
  { name: 'affiliated with the recommending department', rule: 'recommending-org', expert: { affiliationIds: ['dept-BJ'] } },
  { name: 'affiliated with another department', rule: null, expert: { affiliationIds: ['dept-SH'] } },
  { name: 'named in the application', rule: 'named-in-application', expert: { id: 'e-named' } },
  { name: 'declared conflict', rule: 'declared', expert: {}, declared: true },
  { name: 'same province, rule on', rule: 'same-province', expert: { province: 'BJ' }, config: { sameProvince: true } },
  { name: 'same province, rule off', rule: null, expert: { province: 'BJ' } },
  { name: 'co-author 3 years ago (2022 ≥ 2025 − 3)', rule: 'collaboration', expert: {}, relations: [{ expertId: 'e1', personId: 'lead-1', kind: 'coauthor', year: 2022 }] },
  { name: 'co-author 4 years ago', rule: null, expert: {}, relations: [{ expertId: 'e1', personId: 'lead-1', kind: 'coauthor', year: 2021 }] },
  { name: 'shared project this year', rule: 'collaboration', expert: {}, relations: [{ expertId: 'e1', personId: 'lead-1', kind: 'project', year: 2025 }] },
  { name: 'co-author of someone not named', rule: null, expert: {}, relations: [{ expertId: 'e1', personId: 'other', kind: 'coauthor', year: 2025 }] },
  { name: 'collaboration rule off', rule: null, expert: {}, relations: [{ expertId: 'e1', personId: 'lead-1', kind: 'coauthor', year: 2025 }], config: { collaborationYears: null } },
  { name: 'employed by the applicant until 3 years ago', rule: 'recent-employment', expert: { employment: [{ institutionId: 'uni-x', untilYear: 2022 }] } },
  { name: 'employed by the applicant until 4 years ago', rule: null, expert: { employment: [{ institutionId: 'uni-x', untilYear: 2021 }] } },
  { name: 'employment rule off', rule: null, expert: { employment: [{ institutionId: 'uni-x', untilYear: 2025 }] }, config: { employmentYears: null } },
  { name: 'named beats institution (priority)', rule: 'named-in-application', expert: { id: 'e-named', institutionId: 'uni-x' } },
];

describe('conflict rules', () => {
  it.each(cases)('$name → $rule', (c) => {
    const e = expert(c.expert.id ?? 'e1', { institutionId: 'elsewhere', province: 'SH', ...c.expert });
    const ctx = conflictContext({ ...config, ...c.config }, c.relations ?? [], c.declared ? [{ expertId: e.id, applicationId: A.id }] : []);
    const verdict = checkPair(A, e, ctx);
    expect(verdict?.rule ?? null).toBe(c.rule);
    if (verdict) expect(verdict.because.zh.length * verdict.because.en.length).toBeGreaterThan(0);
    // The index-based bulk computation reports the same rule.
    expect(computeConflicts([A], [e], ctx).get(0, 0) ?? null).toBe(c.rule);
  });

  it('every rule is exercised by a case above', () => {
    const covered = new Set(cases.map((c) => c.rule));
    expect(CONFLICT_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('computeConflicts agrees with checkPair on every pair of random rounds', () => {
    for (const seed of ['c1', 'c2', 'c3']) {
      const input = randomRound(seed, 12, 30);
      const apps: Application[] = input.applications.map((a, i) => ({ ...a, namedPeopleIds: [`e${i}`, `p${i}`], recommendingOrgId: i % 2 ? 'i1' : 'dept' }));
      const relations: Relation[] = input.experts.map((e, i) => ({ expertId: e.id, personId: `p${i % 12}`, kind: 'coauthor', year: 2020 + (i % 6) }));
      const experts = input.experts.map((e, i) => ({ ...e, employment: [{ institutionId: `i${i % 5}`, untilYear: 2019 + (i % 7) }] }));
      for (const sameProvince of [false, true]) {
        const ctx = conflictContext({ ...config, sameProvince }, relations, [{ expertId: 'e3', applicationId: 'a2' }]);
        const index = computeConflicts(apps, experts, ctx);
        apps.forEach((a, i) => experts.forEach((e, j) => expect(index.get(i, j) ?? null).toBe(checkPair(a, e, ctx)?.rule ?? null)));
      }
    }
  });
});
