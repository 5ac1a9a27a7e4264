// Feasibility check before solving, with advice (openreview-matcher's practice): how many review
// slots are needed, how many the conflict-free pool offers, and which applications cannot be served.
import type { Instance } from './instance.js';
import type { Bilingual } from './types.js';

export type FeasibilityCode = 'capacity-short' | 'too-few-eligible' | 'diversity-blocks' | 'no-field-match';

export interface FeasibilityIssue extends Bilingual {
  readonly code: FeasibilityCode;
  readonly applicationId?: string;
  readonly needed: number;
  readonly available: number;
}

export interface FeasibilityReport {
  readonly ok: boolean;
  readonly slotsNeeded: number;
  readonly slotsOffered: number;
  readonly issues: readonly FeasibilityIssue[];
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function checkFeasibility(inst: Instance): FeasibilityReport {
  const { min } = inst.params.reviewers;
  const k = inst.params.maxPerProvince;
  const nA = inst.apps.length, nE = inst.experts.length, nP = inst.provinces.length;
  const slotsNeeded = nA * min;
  // Experts with spare load, by province: the pool before conflicts.
  const capable = new Int32Array(nP);
  for (let e = 0; e < nE; e++) if (inst.expertCapacity[e]! > 0) capable[inst.expertProvince[e]!]!++;
  const usable = new Uint8Array(nE);
  const issues: FeasibilityIssue[] = [];
  const eligibleByProvince = new Int32Array(nP);
  for (let a = 0; a < nA; a++) {
    eligibleByProvince.set(capable);
    for (const e of inst.conflicts.byApp[a]!.keys()) if (inst.expertCapacity[e]! > 0) eligibleByProvince[inst.expertProvince[e]!]!--;
    let eligible = 0, diverse = 0;
    for (let p = 0; p < nP; p++) { eligible += eligibleByProvince[p]!; diverse += Math.min(k, eligibleByProvince[p]!); }
    const id = inst.apps[a]!.id;
    if (eligible < min) {
      issues.push({ code: 'too-few-eligible', applicationId: id, needed: min, available: eligible,
        zh: `申请 ${id} 需要 ${min} 名评审专家，无冲突且有余量的专家仅 ${eligible} 名：请补充专家或减少评审人数`,
        en: `Application ${id} needs ${min} reviewers; only ${eligible} conflict-free experts have spare load: add experts or lower reviewers per application` });
    } else if (diverse < min) {
      issues.push({ code: 'diversity-blocks', applicationId: id, needed: min, available: diverse,
        zh: `申请 ${id}：每省至多 ${k} 名时只能组成 ${diverse} 人的评审组：请放宽每省人数上限或补充其他省份专家`,
        en: `Application ${id}: with at most ${k} per province only ${diverse} reviewers can be seated: raise the per-province cap or add experts from other provinces` });
    }
    let matching = 0;
    for (let e = 0; e < nE && matching < min; e++) {
      if (inst.expertCapacity[e]! > 0 && inst.scorer.sharesField(a, e) && inst.conflicts.get(a, e) === undefined) matching++;
    }
    if (matching < min) {
      issues.push({ code: 'no-field-match', applicationId: id, needed: min, available: matching,
        zh: `申请 ${id} 的领域内仅有 ${matching} 名可用专家：其余评审将来自其他领域`,
        en: `Application ${id} has only ${matching} available experts in its fields: other reviewers will come from other fields` });
    }
  }
  // Slots the pool offers: spare load of experts who may review at least one application.
  for (let e = 0; e < nE; e++) {
    let any = false;
    for (let a = 0; a < nA && !any; a++) any = inst.conflicts.get(a, e) === undefined;
    usable[e] = any ? 1 : 0;
  }
  let slotsOffered = 0;
  for (let e = 0; e < nE; e++) if (usable[e]) slotsOffered += inst.expertCapacity[e]!;
  if (slotsOffered < slotsNeeded) {
    issues.unshift({ code: 'capacity-short', needed: slotsNeeded, available: slotsOffered,
      zh: `需要 ${fmt(slotsNeeded)} 个评审名额，无冲突专家池仅提供 ${fmt(slotsOffered)} 个：请补充专家、提高单人评审上限或减少每项申请的评审人数`,
      en: `Need ${fmt(slotsNeeded)} review slots; the conflict-free pool offers ${fmt(slotsOffered)}: add experts, raise the load limit, or lower reviewers per application` });
  }
  const blocking = new Set<FeasibilityCode>(['capacity-short', 'too-few-eligible', 'diversity-blocks']);
  return { ok: !issues.some((i) => blocking.has(i.code)), slotsNeeded, slotsOffered, issues };
}
