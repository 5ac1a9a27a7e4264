import { describe, expect, it } from 'vitest';
import { checkFeasibility } from './feasibility.js';
import { encode } from './instance.js';
import { app, expert, params, round } from './testing.js';

describe('feasibility check with advice', () => {
  it('passes when the conflict-free pool covers every panel', () => {
    const r = checkFeasibility(encode(round([app('a1')], [expert('e1'), expert('e2', { province: 'GD' })])));
    expect(r).toMatchObject({ ok: true, slotsNeeded: 2, slotsOffered: 4, issues: [] });
  });

  it('counts slots: apps × R needed against spare load of usable experts, in zh and en', () => {
    const apps = [app('a1'), app('a2'), app('a3')];
    const experts = [expert('e1', { currentLoad: 1 }), expert('e2', { province: 'GD' }), expert('off', { status: 'retired' })];
    const r = checkFeasibility(encode(round(apps, experts, { params: params({ maxLoad: 2 }) })));
    expect(r.ok).toBe(false);
    expect(r.slotsNeeded).toBe(6);
    expect(r.slotsOffered).toBe(3);
    const short = r.issues.find((i) => i.code === 'capacity-short')!;
    expect(short.zh).toContain('需要 6 个评审名额');
    expect(short.zh).toContain('仅提供 3 个');
    expect(short.en).toMatch(/Need 6 review slots; the conflict-free pool offers 3: add experts/);
  });

  it('flags an application whose conflict-free experts are fewer than R', () => {
    const experts = [expert('own', { institutionId: 'a1-inst' }), expert('e2'), expert('e3', { province: 'GD' })];
    const r = checkFeasibility(encode(round([app('a1', { institutionIds: ['a1-inst'] }), app('a2')], experts, { params: params({ reviewers: { min: 3, max: 3 }, maxPerProvince: 3 }) })));
    const issue = r.issues.find((i) => i.code === 'too-few-eligible')!;
    expect(issue).toMatchObject({ applicationId: 'a1', needed: 3, available: 2 });
    expect(issue.en).toContain('only 2 conflict-free experts');
  });

  it('flags a panel the province cap makes impossible and advises raising k', () => {
    const experts = [expert('s1'), expert('s2'), expert('s3')];
    const r = checkFeasibility(encode(round([app('a1')], experts, { params: params({ maxPerProvince: 1 }) })));
    const issue = r.issues.find((i) => i.code === 'diversity-blocks')!;
    expect(issue).toMatchObject({ needed: 2, available: 1 });
    expect(issue.zh).toContain('放宽每省人数上限');
    expect(r.ok).toBe(false);
  });

  it('warns (without blocking) when too few experts share the application\'s fields', () => {
    const experts = [expert('e1', { fields: ['agri'] }), expert('e2', { fields: ['agri'], province: 'GD' })];
    const r = checkFeasibility(encode(round([app('a1')], experts)));
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => i.code)).toEqual(['no-field-match']);
  });
});
