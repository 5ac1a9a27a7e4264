import { describe, expect, it } from 'vitest';
import { HOST_KINDS, ORG_KINDS, ORG_KIND_LABELS, canRecommend, deriveRecommender, isOrgKind, type RecommendableOrg } from './kinds.js';

function index(orgs: RecommendableOrg[]): Map<string, RecommendableOrg> {
  return new Map(orgs.map((o) => [o.id, o]));
}

const dept = (id: string, regionCode: string): RecommendableOrg => ({ id, kind: 'provincial_st_department', regionCode, affiliationId: null });
const world = [
  { id: 'moe', kind: 'state_council_department', regionCode: '110000', affiliationId: null },
  { id: 'cas', kind: 'state_council_department', regionCode: '110000', affiliationId: null },
  { id: 'moa', kind: 'state_council_department', regionCode: '110000', affiliationId: null },
  { id: 'caas', kind: 'research_institute', regionCode: '110108', affiliationId: 'moa' },
  dept('sc', '510000'),
  dept('ln', '210000'),
  dept('dalian', '210200'),
  dept('sd', '370000'),
  dept('qingdao', '370200'),
  dept('xj', '650000'),
  dept('xpcc', '660000'),
  { id: 'gov-sc', kind: 'provincial_government', regionCode: '510000', affiliationId: null },
] satisfies RecommendableOrg[];

function derive(org: Omit<RecommendableOrg, 'id'>, extra: RecommendableOrg[] = []) {
  const self = { id: 'self', ...org };
  return deriveRecommender(self, index([...world, ...extra, self]));
}

describe('organization kinds', () => {
  it('labels every kind in zh and en', () => {
    for (const k of ORG_KINDS) expect(ORG_KIND_LABELS[k].zh && ORG_KIND_LABELS[k].en).toBeTruthy();
    expect(isOrgKind('university')).toBe(true);
    expect(isOrgKind('company')).toBe(false);
  });

  it('a2.s1: five host kinds; a11.s0: two recommending kinds', () => {
    expect(HOST_KINDS).toHaveLength(5);
    expect(ORG_KINDS.filter(canRecommend)).toEqual(['state_council_department', 'provincial_st_department']);
  });
});

describe('deriveRecommender (a11.s0)', () => {
  it('a11.s0: a university under 教育部 is recommended by its superior authority (隶属)', () => {
    expect(derive({ kind: 'university', regionCode: '510107', affiliationId: 'moe' })).toEqual({
      ok: true, recommenderId: 'moe', basis: 'affiliation', clause: 'a11.s0',
    });
  });

  it('a11.s0: affiliation wins over territory even inside a 计划单列市 (CAS institute in Dalian)', () => {
    expect(derive({ kind: 'research_institute', regionCode: '210204', affiliationId: 'cas' })).toMatchObject({ recommenderId: 'cas', basis: 'affiliation' });
  });

  it('a11.s0: the chain is followed upwards to the nearest State Council department', () => {
    expect(derive({ kind: 'research_institute', regionCode: '330106', affiliationId: 'caas' })).toMatchObject({ recommenderId: 'moa' });
  });

  it('a11.s0: without such a superior, the territorial S&T department recommends (属地)', () => {
    expect(derive({ kind: 'university', regionCode: '510100', affiliationId: null })).toMatchObject({ recommenderId: 'sc', basis: 'territory' });
    // A chain ending at a provincial body is territorial too.
    expect(derive({ kind: 'university', regionCode: '510100', affiliationId: 'gov-sc' })).toMatchObject({ recommenderId: 'sc' });
  });

  it('a11.s0: inside a 计划单列市 the city bureau recommends, elsewhere in the province the department', () => {
    expect(derive({ kind: 'innovative_enterprise', regionCode: '370212', affiliationId: null })).toMatchObject({ recommenderId: 'qingdao' });
    expect(derive({ kind: 'innovative_enterprise', regionCode: '370100', affiliationId: null })).toMatchObject({ recommenderId: 'sd' });
    expect(derive({ kind: 'innovative_enterprise', regionCode: '210200', affiliationId: null })).toMatchObject({ recommenderId: 'dalian' });
  });

  it('a11.s0: Corps institutions go to the Corps bureau, not to Xinjiang', () => {
    expect(derive({ kind: 'university', regionCode: '660000', affiliationId: null })).toMatchObject({ recommenderId: 'xpcc' });
    expect(derive({ kind: 'university', regionCode: '650100', affiliationId: null })).toMatchObject({ recommenderId: 'xj' });
  });

  it('a11.s0: reports why no recommender can be derived', () => {
    const reason = (r: ReturnType<typeof derive>) => (r.ok ? 'ok' : r.reason);
    expect(reason(derive({ kind: 'foreign_partner', regionCode: null, affiliationId: null }))).toBe('not_host_kind');
    expect(reason(derive({ kind: 'high_tech_zone', regionCode: '510100', affiliationId: null }))).toBe('not_host_kind');
    expect(reason(derive({ kind: 'university', regionCode: null, affiliationId: null }))).toBe('no_region');
    expect(reason(derive({ kind: 'university', regionCode: '710000', affiliationId: null }))).toBe('no_region');
    expect(reason(derive({ kind: 'university', regionCode: '530100', affiliationId: null }))).toBe('no_territorial_department');
    expect(reason(derive({ kind: 'university', regionCode: '510100', affiliationId: 'ghost' }))).toBe('unknown_affiliation');
    const loop: RecommendableOrg[] = [
      { id: 'a', kind: 'research_institute', regionCode: '510100', affiliationId: 'b' },
      { id: 'b', kind: 'research_institute', regionCode: '510100', affiliationId: 'a' },
    ];
    expect(reason(derive({ kind: 'university', regionCode: '510100', affiliationId: 'a' }, loop))).toBe('affiliation_cycle');
  });
});
