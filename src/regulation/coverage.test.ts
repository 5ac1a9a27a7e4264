import { describe, expect, it } from 'vitest';
import { allClauses } from './clauses.js';
import { codes, refusalCodes } from './refusals.js';
import { coverage, outOfScope } from './coverage.js';

describe('coverage of the Measures (practice 2)', () => {
  it('every condition, step, rule and support clause is implemented or declared out of scope', () => {
    const report = coverage();
    expect(report.uncovered).toEqual([]);
    expect(report.inconsistent).toEqual([]);
    const binding = allClauses().filter((c) => ['condition', 'step', 'rule', 'support'].includes(c.kind));
    expect(report.covered.length + report.outOfScope.length).toBe(binding.length);
  });

  it('every out-of-scope entry gives a reason', () => {
    for (const [id, reason] of Object.entries(outOfScope)) expect(reason.length, id).toBeGreaterThan(20);
  });

  it('every refusal code has a message in both languages', () => {
    for (const c of refusalCodes) expect(codes[c].zh && codes[c].en, c).toBeTruthy();
  });
});
