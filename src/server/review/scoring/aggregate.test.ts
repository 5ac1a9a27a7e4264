import { describe, expect, it } from 'vitest';
import { aggregate, OUTLIER_POINTS } from './aggregate.js';

const of = (...totals: number[]) => aggregate(totals.map((total, i) => ({ id: i, total })));

describe('panel score aggregation (a5.p2.i3 … a8.p2.i2 expert review)', () => {
  it('mean, trimmed mean (highest and lowest dropped at 5 scores), population σ, outlier', () => {
    const a = of(80, 82, 84, 86, 50);
    expect(a.mean).toBe(76.4);
    expect(a.trimmedMean).toBe(82);
    expect(a.trimmed).toBe(true);
    expect(a.spread).toBeCloseTo(13.35, 2);
    expect(a.reviews.map((r) => r.outlier)).toEqual([false, false, false, false, true]);
    expect(a.reviews[4]!.deviation).toBe(-32);
  });

  it('4 scores: nothing is trimmed (boundary 4/5)', () => {
    const a = of(70, 80, 90, 100);
    expect(a.trimmed).toBe(false);
    expect(a.trimmedMean).toBe(a.mean);
    expect(a.trimmedMean).toBe(85);
  });

  it(`flags at more than ${OUTLIER_POINTS} points from the trimmed mean, not at exactly ${OUTLIER_POINTS}`, () => {
    // trimmed mean 80 (65 and 100 dropped); σ ≈ 11.1, so only the point rule can fire on 65.
    const at = of(65, 80, 80, 80, 100);
    expect(at.trimmedMean).toBe(80);
    expect(at.reviews[0]!.outlier).toBe(false);
    expect(at.reviews[4]!.outlier).toBe(true);
    const beyond = of(64.9, 80, 80, 80, 100);
    expect(beyond.reviews[0]!.outlier).toBe(true);
  });

  it('flags beyond 2σ on a tight panel even under 15 points', () => {
    const a = of(80, 80, 80, 80, 80, 80, 80, 80, 80, 70);
    expect(a.spread).toBe(3);
    expect(a.reviews[9]!.outlier).toBe(true);
    expect(a.reviews[0]!.outlier).toBe(false);
  });

  it('no scores: nothing to aggregate', () => {
    expect(of()).toMatchObject({ n: 0, mean: null, trimmedMean: null, spread: null });
  });
});
