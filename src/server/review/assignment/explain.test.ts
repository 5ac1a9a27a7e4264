import { describe, expect, it } from 'vitest';
import { explainApplication } from './explain.js';
import { encode } from './instance.js';
import { solveInstance } from './solve.js';
import { app, expert, params, round } from './testing.js';

const experts = [
  expert('best', { keywords: ['hydrogen', 'storage'] }),
  expert('gd', { province: 'GD' }),
  expert('sh-low', { keywords: [] }),
  expert('own', { institutionId: 'a1-inst' }),
  expert('tired', { status: 'retired', province: 'SC' }),
  expert('full', { province: 'HB', currentLoad: 2 }),
  expert('weak', { fields: ['agri'], keywords: [], province: 'YN' }),
];
const inst = encode(round([app('a1', { keywords: ['hydrogen', 'storage'] })], experts, { params: params({ maxLoad: 2 }) }));
const proposal = solveInstance(inst).proposal;
const why = explainApplication(inst, proposal, 'a1', { limit: 10 });
const reason = (id: string) => why.excluded.find((x) => x.expertId === id);

describe('explanations', () => {
  it('why each pair: matched fields and keywords with the score', () => {
    expect(why.panel.map((p) => p.expertId).sort()).toEqual(['best', 'gd']);
    const best = why.panel.find((p) => p.expertId === 'best')!;
    expect(best.matchedFields).toEqual(['energy']);
    expect(best.matchedKeywords).toEqual(['hydrogen', 'storage']);
    expect(best.because.en).toContain('score 1000');
  });

  it.each([
    ['own', 'conflict'], ['tired', 'inactive'], ['full', 'load-full'], ['sh-low', 'diversity-cap'], ['weak', 'lower-score'],
  ])('why not %s: %s', (id, code) => {
    const x = reason(id)!;
    expect(x.code).toBe(code);
    expect(x.because.zh.length).toBeGreaterThan(0);
    expect(x.because.en.length).toBeGreaterThan(0);
  });

  it('names the conflict rule and its evidence', () => {
    expect(reason('own')).toMatchObject({ rule: 'institution' });
    expect(reason('own')!.because.en).toContain('a1-inst');
  });

  it('a lower-score exclusion has a non-negative reduced cost (the certificate agrees)', () => {
    expect(reason('weak')!.reducedCost).toBeGreaterThanOrEqual(0);
  });
});
