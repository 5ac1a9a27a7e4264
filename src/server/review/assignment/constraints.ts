// Every hard rule of a panel set, checked pair by pair with a code per violation. Used on automatic
// proposals (verify), manual adjustments and replacements alike: one validation path (HotCRP's
// practice: the automatic result is only a proposal and goes through the same checks).
import { checkPair, CONFLICT_RULES } from './conflicts.js';
import type { Instance } from './instance.js';
import type { Bilingual, Pair } from './types.js';

export type ViolationCode =
  | 'unknown-application' | 'unknown-expert' | 'duplicate-pair' | 'not-assigned' | 'conflict' | 'declined'
  | 'expert-inactive' | 'load-exceeded' | 'diversity-exceeded' | 'too-many-reviewers' | 'too-few-reviewers';

export interface Violation extends Bilingual {
  readonly code: ViolationCode;
  /** 'warning' does not block applying (a short panel may be completed later). */
  readonly severity: 'error' | 'warning';
  readonly applicationId?: string;
  readonly expertId?: string;
}

export function checkAssignment(inst: Instance, pairs: readonly Pair[], declined: readonly Pair[] = []): Violation[] {
  const out: Violation[] = [];
  const err = (code: ViolationCode, v: Bilingual & { applicationId?: string; expertId?: string }, severity: Violation['severity'] = 'error') =>
    out.push({ code, severity, ...v });
  const declinedKeys = new Set(declined.map((d) => `${d.applicationId}\u0000${d.expertId}`));
  const seen = new Set<string>();
  const load = new Map<number, number>();
  const panel = new Map<number, number[]>();
  for (const { applicationId, expertId } of pairs) {
    const a = inst.appIndex.get(applicationId);
    const e = inst.expertIndex.get(expertId);
    if (a === undefined) { err('unknown-application', { applicationId, expertId, zh: `申请 ${applicationId} 不存在`, en: `no application ${applicationId}` }); continue; }
    if (e === undefined) { err('unknown-expert', { applicationId, expertId, zh: `专家 ${expertId} 不存在`, en: `no expert ${expertId}` }); continue; }
    const key = `${applicationId}\u0000${expertId}`;
    if (seen.has(key)) { err('duplicate-pair', { applicationId, expertId, zh: '同一专家重复分配给同一申请', en: 'the same expert is assigned twice to this application' }); continue; }
    seen.add(key);
    const app = inst.apps[a]!, expert = inst.experts[e]!;
    const verdict = checkPair(app, expert, inst.ctx);
    if (verdict) {
      const rule = CONFLICT_RULES.find((r) => r.id === verdict.rule)!;
      err('conflict', { applicationId, expertId, zh: `回避：${rule.zh}（${verdict.because.zh}）`, en: `conflict: ${rule.en} (${verdict.because.en})` });
    }
    if (declinedKeys.has(key)) err('declined', { applicationId, expertId, zh: '专家已谢绝评审该申请', en: 'the expert declined this application' });
    if (expert.status !== 'active') err('expert-inactive', { applicationId, expertId, zh: `专家状态为 ${expert.status}`, en: `expert status is ${expert.status}` });
    load.set(e, (load.get(e) ?? 0) + 1);
    const list = panel.get(a);
    if (list) list.push(e); else panel.set(a, [e]);
  }
  const L = inst.params.maxLoad;
  for (const [e, n] of load) {
    const expert = inst.experts[e]!;
    if (expert.currentLoad + n > L) {
      err('load-exceeded', { expertId: expert.id, zh: `专家 ${expert.id} 将承担 ${expert.currentLoad + n} 项评审，超过上限 ${L}`, en: `expert ${expert.id} would carry ${expert.currentLoad + n} reviews, above the limit ${L}` });
    }
  }
  const { min, max } = inst.params.reviewers;
  const k = inst.params.maxPerProvince;
  inst.apps.forEach((app, a) => {
    const members = panel.get(a) ?? [];
    const byProvince = new Map<string, number>();
    for (const e of members) { const p = inst.experts[e]!.province; byProvince.set(p, (byProvince.get(p) ?? 0) + 1); }
    for (const [p, n] of byProvince) {
      if (n > k) err('diversity-exceeded', { applicationId: app.id, zh: `申请 ${app.id} 的评审组有 ${n} 名 ${p} 专家，超过每省上限 ${k}`, en: `application ${app.id} has ${n} experts from ${p}, above the per-province cap ${k}` });
    }
    if (members.length > max) err('too-many-reviewers', { applicationId: app.id, zh: `申请 ${app.id} 有 ${members.length} 名评审，超过 ${max}`, en: `application ${app.id} has ${members.length} reviewers, more than ${max}` });
    if (members.length < min) err('too-few-reviewers', { applicationId: app.id, zh: `申请 ${app.id} 仅有 ${members.length} 名评审，少于 ${min}`, en: `application ${app.id} has ${members.length} reviewers, fewer than ${min}` }, 'warning');
  });
  return out;
}
