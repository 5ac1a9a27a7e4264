import { describe, expect, it } from 'vitest';
import { adjust } from './adjust.js';
import { encode } from './instance.js';
import { solveInstance } from './solve.js';
import { app, expert, params, round } from './testing.js';

const experts = [
  expert('e1'), expert('e2', { province: 'GD' }), expert('e3', { province: 'SC' }),
  expert('own', { institutionId: 'a1-inst', province: 'XZ' }), expert('sh2'), expert('busy', { province: 'HB', currentLoad: 2 }),
  expert('sus', { province: 'YN', status: 'suspended' }),
];
const inst = encode(round([app('a1'), app('a2')], experts, { params: params({ maxLoad: 2 }) }));
const base = solveInstance(inst).proposal;
const codes = (r: ReturnType<typeof adjust>) => r.violations.map((v) => v.code).sort();

describe('manual adjustment', () => {
  it('starts from a clean proposal', () => {
    expect(adjust(inst, base.pairs, [])).toMatchObject({ ok: true, violations: [] });
  });

  it('swap to an eligible expert keeps every constraint', () => {
    const out = base.pairs.find((p) => p.applicationId === 'a1')!;
    const spare = ['e1', 'e2', 'e3'].find((id) => !base.pairs.some((p) => p.applicationId === 'a1' && p.expertId === id)
      && inst.experts.find((e) => e.id === id)!.province === inst.experts.find((e) => e.id === out.expertId)!.province);
    if (!spare) return;
    const r = adjust(inst, base.pairs, [{ op: 'swap', applicationId: 'a1', expertId: out.expertId, withExpertId: spare }]);
    expect(r.ok).toBe(true);
    expect(r.pairs.find((p) => p.expertId === spare && p.applicationId === 'a1')?.source).toBe('manual');
  });

  it.each([
    ['conflict', [{ op: 'add' as const, applicationId: 'a1', expertId: 'own' }], ['conflict', 'too-many-reviewers']],
    ['inactive', [{ op: 'add' as const, applicationId: 'a1', expertId: 'sus' }], ['expert-inactive', 'too-many-reviewers']],
    ['load', [{ op: 'add' as const, applicationId: 'a1', expertId: 'busy' }, { op: 'add' as const, applicationId: 'a2', expertId: 'busy' }], ['load-exceeded', 'too-many-reviewers', 'too-many-reviewers']],
    ['unknown expert', [{ op: 'add' as const, applicationId: 'a1', expertId: 'nobody' }], ['unknown-expert']],
    ['remove a pair that does not exist', [{ op: 'remove' as const, applicationId: 'a1', expertId: 'nobody' }], ['not-assigned']],
  ])('reports %s with a code', (_, ops, expected) => {
    const r = adjust(inst, base.pairs, ops);
    expect(codes(r)).toEqual(expected);
    expect(r.ok).toBe(false);
  });

  it('reports a duplicate pair, a province above k, and a short panel as a warning', () => {
    const a1 = base.pairs.filter((p) => p.applicationId === 'a1');
    const dup = adjust(inst, base.pairs, [{ op: 'add', applicationId: 'a1', expertId: a1[0]!.expertId }]);
    expect(codes(dup)).toContain('duplicate-pair');
    const sameProvince = adjust(inst, [], [{ op: 'add', applicationId: 'a1', expertId: 'e1' }, { op: 'add', applicationId: 'a1', expertId: 'sh2' }]);
    expect(codes(sameProvince)).toContain('diversity-exceeded');
    const short = adjust(inst, base.pairs, [{ op: 'remove', applicationId: 'a2', expertId: base.pairs.find((p) => p.applicationId === 'a2')!.expertId }]);
    expect(short.violations.map((v) => [v.code, v.severity])).toEqual([['too-few-reviewers', 'warning']]);
    expect(short.ok).toBe(true);
  });
});
