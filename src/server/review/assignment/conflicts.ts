// Conflict-of-interest rules. Each rule is data with an identity and a pairwise check that says
// *why*; the index below only narrows which pairs to check, so the check stays the one definition.
import type {
  Application, Bilingual, ConflictConfig, DeclaredConflict, Expert, Relation,
} from './types.js';

export type ConflictRuleId =
  | 'institution'
  | 'recommending-org'
  | 'named-in-application'
  | 'declared'
  | 'same-province'
  | 'collaboration'
  | 'recent-employment';

export interface ConflictContext {
  readonly config: ConflictConfig;
  readonly relations: readonly Relation[];
  readonly relationsByExpert: ReadonlyMap<string, readonly Relation[]>;
  /** application id → experts who declared a conflict with it. */
  readonly declared: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface ConflictRule extends Bilingual {
  readonly id: ConflictRuleId;
  /** Configured rules can be switched off; the others always apply. */
  readonly configurable: boolean;
  check(app: Application, expert: Expert, ctx: ConflictContext): Bilingual | null;
}

export interface ConflictVerdict {
  readonly rule: ConflictRuleId;
  readonly because: Bilingual;
}

/** In priority order: the first rule that matches is the one reported. */
export const CONFLICT_RULES: readonly ConflictRule[] = [
  {
    id: 'named-in-application', configurable: false,
    zh: '专家本人列名于申请材料', en: 'The expert is named in the application',
    check: (a, e) => (a.namedPeopleIds.includes(e.id)
      ? { zh: `专家 ${e.id} 列名于申请 ${a.id}`, en: `expert ${e.id} is named in application ${a.id}` }
      : null),
  },
  {
    id: 'institution', configurable: false,
    zh: '专家属于申报单位、依托单位或其上级单位', en: 'The expert belongs to the applicant or host institution or its parent',
    check: (a, e) => (a.institutionIds.includes(e.institutionId)
      ? { zh: `专家所在单位 ${e.institutionId} 为申请方单位或其上级`, en: `expert's institution ${e.institutionId} is an applicant/host institution or its parent` }
      : null),
  },
  {
    id: 'recommending-org', configurable: false,
    zh: '专家属于推荐部门', en: 'The expert belongs to the recommending department',
    check: (a, e) => (e.institutionId === a.recommendingOrgId || (e.affiliationIds ?? []).includes(a.recommendingOrgId)
      ? { zh: `专家隶属推荐部门 ${a.recommendingOrgId}`, en: `expert belongs to recommending department ${a.recommendingOrgId}` }
      : null),
  },
  {
    id: 'declared', configurable: false,
    zh: '专家主动申明回避', en: 'The expert declared a conflict',
    check: (a, e, ctx) => (ctx.declared.get(a.id)?.has(e.id)
      ? { zh: `专家 ${e.id} 对申请 ${a.id} 申明回避`, en: `expert ${e.id} declared a conflict with application ${a.id}` }
      : null),
  },
  {
    id: 'collaboration', configurable: true,
    zh: '近年与申请人员合著或共同承担项目', en: 'Co-authorship or a shared project with a named person within the configured years',
    check: (a, e, ctx) => {
      const years = ctx.config.collaborationYears;
      if (years === null) return null;
      const hit = (ctx.relationsByExpert.get(e.id) ?? [])
        .find((r) => r.year >= ctx.config.year - years && a.namedPeopleIds.includes(r.personId));
      return hit
        ? { zh: `${hit.year} 年与 ${hit.personId} ${hit.kind === 'coauthor' ? '合著' : '共同承担项目'}（${years} 年内）`,
            en: `${hit.kind === 'coauthor' ? 'co-authored' : 'shared a project'} with ${hit.personId} in ${hit.year} (within ${years} years)` }
        : null;
    },
  },
  {
    id: 'recent-employment', configurable: true,
    zh: '近年曾受雇于申请方单位', en: 'Recently employed by an applicant or host institution',
    check: (a, e, ctx) => {
      const years = ctx.config.employmentYears;
      if (years === null) return null;
      const hit = (e.employment ?? [])
        .find((j) => j.untilYear >= ctx.config.year - years && a.institutionIds.includes(j.institutionId));
      return hit
        ? { zh: `${hit.untilYear} 年前曾任职于 ${hit.institutionId}（${years} 年内）`, en: `employed by ${hit.institutionId} until ${hit.untilYear} (within ${years} years)` }
        : null;
    },
  },
  {
    id: 'same-province', configurable: true,
    zh: '专家与申请单位同省（已配置本省回避）', en: 'Same province as the application (rule switched on)',
    check: (a, e, ctx) => (ctx.config.sameProvince && a.province === e.province
      ? { zh: `专家与申请同属 ${a.province}`, en: `expert and application are both in ${a.province}` }
      : null),
  },
];

export function conflictContext(
  config: ConflictConfig, relations: readonly Relation[] = [], declared: readonly DeclaredConflict[] = [],
): ConflictContext {
  // Built on first use: only pairwise checks (explanations, adjustments) need it, and a round can
  // carry millions of relations.
  let byExpert: Map<string, Relation[]> | null = null;
  const relationsByExpert = () => {
    if (byExpert) return byExpert;
    byExpert = new Map();
    for (const r of relations) {
      const list = byExpert.get(r.expertId);
      if (list) list.push(r); else byExpert.set(r.expertId, [r]);
    }
    return byExpert;
  };
  const byApp = new Map<string, Set<string>>();
  for (const d of declared) {
    const set = byApp.get(d.applicationId);
    if (set) set.add(d.expertId); else byApp.set(d.applicationId, new Set([d.expertId]));
  }
  return { config, relations, get relationsByExpert() { return relationsByExpert(); }, declared: byApp };
}

/** The pairwise definition: the first matching rule, or null when the pair is conflict-free. */
export function checkPair(app: Application, expert: Expert, ctx: ConflictContext): ConflictVerdict | null {
  for (const rule of CONFLICT_RULES) {
    const because = rule.check(app, expert, ctx);
    if (because) return { rule: rule.id, because };
  }
  return null;
}

/** Conflicting pairs by application index → expert index → rule. */
export class ConflictIndex {
  constructor(readonly byApp: readonly ReadonlyMap<number, ConflictRuleId>[]) {}
  get(a: number, e: number): ConflictRuleId | undefined { return this.byApp[a]?.get(e); }
  get count(): number { return this.byApp.reduce((n, m) => n + m.size, 0); }
  countByRule(): Record<ConflictRuleId, number> {
    const out = Object.fromEntries(CONFLICT_RULES.map((r) => [r.id, 0])) as Record<ConflictRuleId, number>;
    for (const m of this.byApp) for (const rule of m.values()) out[rule] += 1;
    return out;
  }
}

function indexBy<T>(experts: readonly Expert[], keys: (e: Expert) => Iterable<[string, T]>): Map<string, [number, T][]> {
  const out = new Map<string, [number, T][]>();
  experts.forEach((e, i) => {
    for (const [k, v] of keys(e)) {
      const list = out.get(k);
      if (list) list.push([i, v]); else out.set(k, [[i, v]]);
    }
  });
  return out;
}

/**
 * All conflicting pairs, by indexes: each rule's index yields exactly the experts that rule
 * matches, and rules are visited in priority order, so a round costs O(conflicts) rather than
 * applications × experts checks. `checkPair` remains the definition; a test asserts that both
 * agree on every pair.
 */
export function computeConflicts(
  apps: readonly Application[], experts: readonly Expert[], ctx: ConflictContext,
): ConflictIndex {
  const { config } = ctx;
  const byId = new Map(experts.map((e, i) => [e.id, i]));
  const byInstitution = indexBy(experts, (e) => [[e.institutionId, 0]]);
  const byOrg = indexBy(experts, (e) => [e.institutionId, ...(e.affiliationIds ?? [])].map((o) => [o, 0]));
  const byProvince = indexBy(experts, (e) => [[e.province, 0]]);
  const byPastEmployer = indexBy(experts, (e) => (e.employment ?? []).map((j) => [j.institutionId, j.untilYear]));
  // person → flat [expert, year, expert, year, …] (no tuple per relation: there can be millions).
  const byPerson = new Map<string, number[]>();
  for (const r of ctx.relations) {
    const i = byId.get(r.expertId);
    if (i === undefined) continue;
    const list = byPerson.get(r.personId);
    if (list) list.push(i, r.year); else byPerson.set(r.personId, [i, r.year]);
  }
  const since = (years: number | null) => (years === null ? Infinity : config.year - years);
  const byApp = apps.map((app) => {
    const found = new Map<number, ConflictRuleId>();
    const mark = (rule: ConflictRuleId, list: readonly [number, number][] | undefined, minYear = -Infinity) => {
      for (const [i, year] of list ?? []) if (year >= minYear && !found.has(i)) found.set(i, rule);
    };
    // Same order as CONFLICT_RULES.
    for (const person of app.namedPeopleIds) { const i = byId.get(person); if (i !== undefined && !found.has(i)) found.set(i, 'named-in-application'); }
    for (const org of app.institutionIds) mark('institution', byInstitution.get(org));
    mark('recommending-org', byOrg.get(app.recommendingOrgId));
    for (const id of ctx.declared.get(app.id) ?? []) { const i = byId.get(id); if (i !== undefined && !found.has(i)) found.set(i, 'declared'); }
    if (config.collaborationYears !== null) {
      const from = since(config.collaborationYears);
      for (const person of app.namedPeopleIds) {
        const flat = byPerson.get(person) ?? [];
        for (let j = 0; j < flat.length; j += 2) if (flat[j + 1]! >= from && !found.has(flat[j]!)) found.set(flat[j]!, 'collaboration');
      }
    }
    if (config.employmentYears !== null) for (const org of app.institutionIds) mark('recent-employment', byPastEmployer.get(org), since(config.employmentYears));
    if (config.sameProvince) mark('same-province', byProvince.get(app.province));
    return found;
  });
  return new ConflictIndex(byApp);
}
