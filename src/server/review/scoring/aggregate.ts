// Score aggregation of one application's panel. Pure.
//
// - mean: of all submitted totals.
// - trimmed mean: the highest and the lowest total dropped when there are at least 5 (with fewer,
//   dropping two would leave too little: the trimmed mean is then the mean).
// - spread: the population standard deviation σ of all totals.
// - outlier: a review is flagged when |total − trimmed mean| > 15 points, or > 2σ when n ≥ 3.
//   The absolute bound matters on small panels: with n = 5 one deviating score can never exceed
//   2σ of a sample that includes it ((n−1)/√n < 2), yet 30 points off the panel is worth a look.
export const OUTLIER_POINTS = 15;
export const OUTLIER_SIGMAS = 2;
export const TRIM_FROM = 5;

export const AGGREGATION_RULE = {
  zh: `平均分；去掉一个最高分和一个最低分后的平均分（不少于 ${TRIM_FROM} 份评分时）；离散度为总体标准差 σ；与去极值平均分相差超过 ${OUTLIER_POINTS} 分或 ${OUTLIER_SIGMAS}σ 的评分标记为偏离。`,
  en: `Mean; trimmed mean without the highest and lowest score (from ${TRIM_FROM} scores); spread is the population standard deviation σ; a score more than ${OUTLIER_POINTS} points or ${OUTLIER_SIGMAS}σ from the trimmed mean is flagged.`,
};

const round1 = (x: number) => Math.round(x * 100) / 100;

export interface Aggregation<T> {
  n: number;
  mean: number | null;
  trimmedMean: number | null;
  spread: number | null;
  trimmed: boolean;
  reviews: (T & { deviation: number; outlier: boolean })[];
}

export function aggregate<T extends { total: number }>(reviews: readonly T[]): Aggregation<T> {
  const n = reviews.length;
  if (n === 0) return { n, mean: null, trimmedMean: null, spread: null, trimmed: false, reviews: [] };
  const totals = reviews.map((r) => r.total);
  const mean = totals.reduce((s, x) => s + x, 0) / n;
  const trimmed = n >= TRIM_FROM;
  const sorted = [...totals].sort((a, b) => a - b);
  const kept = trimmed ? sorted.slice(1, -1) : sorted;
  const trimmedMean = kept.reduce((s, x) => s + x, 0) / kept.length;
  const sigma = Math.sqrt(totals.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
  return {
    n, mean: round1(mean), trimmedMean: round1(trimmedMean), spread: round1(sigma), trimmed,
    reviews: reviews.map((r) => {
      const deviation = r.total - trimmedMean;
      const outlier = Math.abs(deviation) > OUTLIER_POINTS || (n >= 3 && sigma > 0 && Math.abs(deviation) > OUTLIER_SIGMAS * sigma);
      return { ...r, deviation: round1(deviation), outlier };
    }),
  };
}
