// The random share of each panel (随机抽取): drawn first from the eligible pool with a seeded PRNG,
// then fixed, so the optimizer fills only the rest.
import type { Instance } from './instance.js';
import { seededRng, shuffleInPlace } from './prng.js';

/** How many reviewers of each panel are drawn at random. */
export const randomCount = (inst: Instance) => Math.round(inst.params.randomShare * inst.params.reviewers.min);

/**
 * Draws [application, expert] pairs. The pool of an application: active experts with spare load,
 * no conflict, at least one shared field (a random expert must still be competent), and a province
 * still under the diversity cap. Applications are visited in a seeded random order so that no
 * application systematically gets first pick of scarce experts.
 */
export function drawRandom(inst: Instance, seed: string, forbidden: ReadonlySet<number> = new Set()): [number, number][] {
  const rng = seededRng(seed);
  const nE = inst.experts.length, nP = inst.provinces.length;
  const want = randomCount(inst);
  if (want === 0 || nE === 0) return [];
  const used = new Int32Array(nE);
  const order = shuffleInPlace(inst.apps.map((_, a) => a), rng);
  const out: [number, number][] = [];
  const perProvince = new Int32Array(nP);
  for (const a of order) {
    perProvince.fill(0);
    const chosen = new Set<number>();
    const ok = (e: number) => !chosen.has(e)
      && used[e]! < inst.expertCapacity[e]!
      && perProvince[inst.expertProvince[e]!]! < inst.params.maxPerProvince
      && inst.conflicts.get(a, e) === undefined
      && !forbidden.has(a * nE + e)
      && inst.scorer.sharesField(a, e);
    for (let n = 0; n < want; n++) {
      // Rejection sampling is uniform over the pool and cheap when the pool is large; when it
      // keeps missing, enumerate the pool and draw from it (still uniform).
      let pick = -1;
      for (let tries = 0; tries < 64 && pick < 0; tries++) { const e = rng.int(nE); if (ok(e)) pick = e; }
      if (pick < 0) {
        const pool: number[] = [];
        for (let e = 0; e < nE; e++) if (ok(e)) pool.push(e);
        if (pool.length === 0) break;
        pick = pool[rng.int(pool.length)]!;
      }
      chosen.add(pick);
      used[pick]!++;
      perProvince[inst.expertProvince[pick]!]!++;
      out.push([a, pick]);
    }
  }
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
