// Match score of an (application, expert) pair: an integer in [0, SCORE_SCALE], so that flow costs
// are integers and two solvers' objectives can be compared with ===.
import type { Application, Expert } from './types.js';

export const SCORE_SCALE = 1000;

interface AppTerms {
  readonly fields: readonly string[];
  readonly weights: readonly number[];
  readonly totalWeight: number;
  readonly keywords: readonly string[];
}

export class Scorer {
  private readonly terms: AppTerms[];
  private readonly expertFields: ReadonlySet<string>[];
  private readonly expertKeywords: ReadonlySet<string>[];
  private readonly fieldPostings = new Map<string, Int32Array>();
  private readonly keywordPostings = new Map<string, Int32Array>();
  private readonly wf: number;
  private readonly wk: number;
  private readonly keywordHits: Int32Array;

  constructor(apps: readonly Application[], experts: readonly Expert[], weights: { field: number; keyword: number }) {
    const total = weights.field + weights.keyword;
    if (!(total > 0) || weights.field < 0 || weights.keyword < 0) throw new Error('score weights must be non-negative with a positive sum');
    this.wf = weights.field / total;
    this.wk = weights.keyword / total;
    this.terms = apps.map((a) => {
      // Merge repeated fields so that pair() and row() add the same terms in the same order.
      const merged = new Map<string, number>();
      for (const f of a.fields) merged.set(f.field, (merged.get(f.field) ?? 0) + Math.max(0, f.weight));
      const fields = [...merged.keys()];
      const w = fields.map((f) => merged.get(f)!);
      return { fields, weights: w, totalWeight: w.reduce((s, x) => s + x, 0), keywords: [...new Set(a.keywords)] };
    });
    this.expertFields = experts.map((e) => new Set(e.fields));
    this.expertKeywords = experts.map((e) => new Set(e.keywords));
    const post = (sets: readonly ReadonlySet<string>[], into: Map<string, Int32Array>) => {
      const tmp = new Map<string, number[]>();
      sets.forEach((s, i) => { for (const k of s) { const l = tmp.get(k); if (l) l.push(i); else tmp.set(k, [i]); } });
      for (const [k, l] of tmp) into.set(k, Int32Array.from(l));
    };
    post(this.expertFields, this.fieldPostings);
    post(this.expertKeywords, this.keywordPostings);
    this.keywordHits = new Int32Array(experts.length);
  }

  private combine(t: AppTerms, fieldSum: number, hits: number): number {
    const f = t.totalWeight > 0 ? fieldSum / t.totalWeight : 0;
    const k = t.keywords.length > 0 ? hits / t.keywords.length : 0;
    return Math.round(SCORE_SCALE * (this.wf * f + this.wk * k));
  }

  /** Score of one pair; the definition the verifier and the explanations use. */
  pair(a: number, e: number): number {
    const t = this.terms[a]!;
    const ef = this.expertFields[e]!;
    const ek = this.expertKeywords[e]!;
    let fieldSum = 0;
    for (let j = 0; j < t.fields.length; j++) if (ef.has(t.fields[j]!)) fieldSum += t.weights[j]!;
    let hits = 0;
    for (const k of t.keywords) if (ek.has(k)) hits++;
    return this.combine(t, fieldSum, hits);
  }

  /**
   * Scores of application a against every expert, via postings. The field part can take only
   * 2^fields values and the keyword part keywords+1 values, so each expert's score is a look-up in
   * a small table that combine() fills with exactly pair()'s arithmetic (same terms, same order).
   */
  row(a: number, out: Int32Array): Int32Array {
    const t = this.terms[a]!;
    const { keywordHits } = this;
    const nf = Math.min(t.fields.length, 16);
    const nk = t.keywords.length;
    const table = new Int32Array((1 << nf) * (nk + 1));
    for (let mask = 0; mask < 1 << nf; mask++) {
      let fieldSum = 0;
      for (let j = 0; j < nf; j++) if (mask & (1 << j)) fieldSum += t.weights[j]!;
      for (let hits = 0; hits <= nk; hits++) table[mask * (nk + 1) + hits] = this.combine(t, fieldSum, hits);
    }
    // keywordHits doubles as the table index: mask * (nk + 1) + hits.
    keywordHits.fill(0);
    for (let j = 0; j < nf; j++) {
      const list = this.fieldPostings.get(t.fields[j]!);
      if (!list) continue;
      const step = (1 << j) * (nk + 1);
      for (let i = 0; i < list.length; i++) keywordHits[list[i]!]! += step;
    }
    for (const k of t.keywords) {
      const list = this.keywordPostings.get(k);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) keywordHits[list[i]!]!++;
    }
    for (let e = 0; e < out.length; e++) out[e] = table[keywordHits[e]!]!;
    if (t.fields.length > nf) for (let e = 0; e < out.length; e++) out[e] = this.pair(a, e);
    return out;
  }

  matchedFields(a: number, e: number): string[] {
    return this.terms[a]!.fields.filter((f) => this.expertFields[e]!.has(f));
  }

  matchedKeywords(a: number, e: number): string[] {
    return this.terms[a]!.keywords.filter((k) => this.expertKeywords[e]!.has(k));
  }

  sharesField(a: number, e: number): boolean {
    return this.terms[a]!.fields.some((f) => this.expertFields[e]!.has(f));
  }
}
