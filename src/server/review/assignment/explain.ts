// Why each pair, and why not each other expert. Every reason is computed from the instance, the
// proposal and its potentials; nothing is re-worded from the solver's internals.
import { checkPair, CONFLICT_RULES, type ConflictRuleId } from './conflicts.js';
import type { Instance } from './instance.js';
import type { Proposal } from './solve.js';
import type { AssignedPair, Bilingual } from './types.js';

export interface PairExplanation {
  readonly expertId: string;
  readonly score: number;
  readonly source: AssignedPair['source'];
  readonly matchedFields: readonly string[];
  readonly matchedKeywords: readonly string[];
  readonly because: Bilingual;
}

export type ExclusionCode =
  | 'conflict' | 'declined' | 'inactive' | 'load-full' | 'diversity-cap' | 'lower-score' | 'needed-elsewhere';

export interface Exclusion {
  readonly expertId: string;
  readonly score: number;
  readonly code: ExclusionCode;
  readonly rule?: ConflictRuleId;
  /** −score + π(expert) − π(group): how far the pair is from being worth assigning (≥ 0 at an optimum). */
  readonly reducedCost?: number;
  readonly because: Bilingual;
}

export interface ApplicationExplanation {
  readonly applicationId: string;
  readonly panel: readonly PairExplanation[];
  readonly excluded: readonly Exclusion[];
}

export function explainApplication(
  inst: Instance, proposal: Proposal, applicationId: string,
  options: { limit?: number; expertIds?: readonly string[] } = {},
): ApplicationExplanation {
  const a = inst.appIndex.get(applicationId);
  if (a === undefined) throw new Error(`no application ${applicationId}`);
  const app = inst.apps[a]!;
  const nP = inst.provinces.length;
  const panelPairs = proposal.pairs.filter((p) => p.applicationId === applicationId);
  const panel = panelPairs.map((p): PairExplanation => {
    const e = inst.expertIndex.get(p.expertId)!;
    const matchedFields = inst.scorer.matchedFields(a, e);
    const matchedKeywords = inst.scorer.matchedKeywords(a, e);
    const what = { zh: `领域 ${matchedFields.join('、') || '无'}；关键词 ${matchedKeywords.join('、') || '无'}；得分 ${p.score}`,
      en: `fields ${matchedFields.join(', ') || 'none'}; keywords ${matchedKeywords.join(', ') || 'none'}; score ${p.score}` };
    const because = p.source === 'random'
      ? { zh: `随机抽取（种子 ${proposal.seed}）；${what.zh}`, en: `drawn at random (seed ${proposal.seed}); ${what.en}` }
      : p.source === 'manual' ? { zh: `人工调整；${what.zh}`, en: `manual adjustment; ${what.en}` } : what;
    return { expertId: p.expertId, score: p.score, source: p.source, matchedFields, matchedKeywords, because };
  });

  const onPanel = new Set(panelPairs.map((p) => p.expertId));
  const load = new Map<string, number>();
  for (const p of proposal.pairs) load.set(p.expertId, (load.get(p.expertId) ?? 0) + 1);
  const perProvince = new Map<string, number>();
  for (const id of onPanel) { const pr = inst.experts[inst.expertIndex.get(id)!]!.province; perProvince.set(pr, (perProvince.get(pr) ?? 0) + 1); }
  const declined = new Set(proposal.forbidden.filter((p) => p.applicationId === applicationId).map((p) => p.expertId));
  const optimizedScores = panelPairs.filter((p) => p.source === 'optimized').map((p) => p.score);
  const lowest = optimizedScores.length > 0 ? Math.min(...optimizedScores) : Infinity;
  const { maxLoad: L, maxPerProvince: k } = inst.params;

  const why = (e: number): Exclusion => {
    const expert = inst.experts[e]!;
    const score = inst.scorer.pair(a, e);
    const base = { expertId: expert.id, score };
    const conflict = inst.conflicts.get(a, e);
    if (conflict) {
      const verdict = checkPair(app, expert, inst.ctx);
      const rule = CONFLICT_RULES.find((r) => r.id === conflict)!;
      return { ...base, code: 'conflict', rule: conflict,
        because: { zh: `回避：${rule.zh}（${verdict?.because.zh ?? ''}）`, en: `conflict: ${rule.en} (${verdict?.because.en ?? ''})` } };
    }
    if (declined.has(expert.id)) return { ...base, code: 'declined', because: { zh: '专家已谢绝评审该申请', en: 'the expert declined this application' } };
    if (expert.status !== 'active') return { ...base, code: 'inactive', because: { zh: `专家状态为 ${expert.status}`, en: `expert status is ${expert.status}` } };
    const carried = expert.currentLoad + (load.get(expert.id) ?? 0);
    if (carried >= L) {
      return { ...base, code: 'load-full', because: { zh: `已承担 ${carried} 项评审（上限 ${L}）`, en: `already carries ${carried} reviews (limit ${L})` } };
    }
    if ((perProvince.get(expert.province) ?? 0) >= k) {
      return { ...base, code: 'diversity-cap', because: { zh: `评审组已有 ${k} 名 ${expert.province} 专家（每省上限）`, en: `the panel already has ${k} experts from ${expert.province} (per-province cap)` } };
    }
    const pi = proposal.potentials;
    const reducedCost = -score + pi.experts[e]! - pi.groups[a * nP + inst.expertProvince[e]!]!;
    if (score < lowest) {
      return { ...base, code: 'lower-score', reducedCost,
        because: { zh: `得分 ${score} 低于评审组中优化选出的最低分 ${lowest}`, en: `score ${score} is below the lowest optimized member's ${lowest}` } };
    }
    return { ...base, code: 'needed-elsewhere', reducedCost,
      because: { zh: `得分 ${score} 不低，但调入本组会降低全局总分（约化成本 ${reducedCost} ≥ 0）：该专家或名额在别处价值更高`,
        en: `score ${score} is high, but moving the expert here would lower the total score (reduced cost ${reducedCost} ≥ 0): the expert or the seat is worth more elsewhere` } };
  };

  let candidates: number[];
  if (options.expertIds) candidates = options.expertIds.map((id) => inst.expertIndex.get(id)).filter((e): e is number => e !== undefined);
  else {
    const row = inst.scorer.row(a, new Int32Array(inst.experts.length));
    candidates = [...row.keys()].filter((e) => !onPanel.has(inst.experts[e]!.id))
      .sort((x, y) => row[y]! - row[x]! || x - y).slice(0, options.limit ?? 50);
  }
  return { applicationId, panel, excluded: candidates.filter((e) => !onPanel.has(inst.experts[e]!.id)).map(why) };
}
