import { describe, expect, it } from 'vitest';
import { deriveRecommender, isHostKind, type RecommendableOrg } from '../organizations/registry/kinds.js';
import { CITIES_WITH_SEPARATE_PLAN, PROVINCES, XPCC, provinceOf } from '../organizations/registry/regions.js';
import { isValidUscc } from '../organizations/registry/uscc.js';
import { EXPERT_COUNT, generateDemo } from './generate.js';
import { PRIORITY_FIELDS } from './types.js';

const demo = generateDemo();
const orgByKey = new Map(demo.orgs.map((o) => [o.key, o]));
const institutions = demo.orgs.filter((o) => isHostKind(o.kind));
const asRecommendable = (o: (typeof demo.orgs)[number]): RecommendableOrg => ({
  id: o.key, kind: o.kind, regionCode: o.regionCode, affiliationId: o.affiliationKey,
});
const recommendables = new Map(demo.orgs.map((o) => [o.key, asRecommendable(o)]));

describe('generateDemo', () => {
  it('is deterministic for a seed and varies with it', () => {
    expect(generateDemo()).toEqual(demo);
    expect(generateDemo(2011)).toEqual(demo);
    const other = generateDemo(7);
    expect(other.accounts.map((a) => a.displayName)).not.toEqual(demo.accounts.map((a) => a.displayName));
    // The structure the loader and other tests rely on does not depend on the seed.
    expect(other.orgs.map((o) => o.key)).toEqual(demo.orgs.map((o) => o.key));
    expect(other.accounts.map((a) => a.username)).toEqual(demo.accounts.map((a) => a.username));
  });

  it('has unique keys, usernames, emails and USCCs', () => {
    const unique = (xs: unknown[]) => new Set(xs).size === xs.length;
    expect(unique(demo.orgs.map((o) => o.key))).toBe(true);
    expect(unique(demo.accounts.map((a) => a.username))).toBe(true);
    expect(unique(demo.accounts.map((a) => a.email))).toBe(true);
    expect(unique(demo.accounts.map((a) => a.displayName))).toBe(true);
    expect(unique(demo.projects.map((p) => p.key))).toBe(true);
    const codes = demo.orgs.flatMap((o) => (o.uscc ? [o.uscc] : []));
    expect(unique(codes)).toBe(true);
  });

  it('gives every domestic legal entity outside government a valid USCC, and none to foreign partners', () => {
    for (const o of institutions) expect(isValidUscc(o.uscc ?? '', { strict: true }), o.key).toBe(true);
    for (const o of demo.orgs.filter((x) => x.kind === 'foreign_partner')) {
      expect(o.uscc).toBeNull();
      expect(o.country).toMatch(/^[A-Z]{2}$/);
      expect(o.country).not.toBe('CN');
    }
  });

  it('references only existing orgs', () => {
    for (const o of demo.orgs) {
      if (o.affiliationKey !== null) expect(orgByKey.has(o.affiliationKey), o.key).toBe(true);
      if (o.zoneKey !== null) expect(orgByKey.get(o.zoneKey)?.kind, o.key).toBe('high_tech_zone');
      if (o.regionCode !== null) expect(provinceOf(o.regionCode), o.key).not.toBeNull();
    }
    for (const a of demo.accounts) expect(orgByKey.has(a.orgKey), a.username).toBe(true);
    for (const p of demo.projects) {
      expect(orgByKey.get(p.orgKey) && isHostKind(orgByKey.get(p.orgKey)!.kind)).toBe(true);
      expect(orgByKey.get(p.partnerOrgKey)?.country).toBe(p.partnerCountry);
    }
  });

  it('has the ministry bodies', () => {
    expect(orgByKey.get('most')?.kind).toBe('ministry');
    expect(orgByKey.get('most-dic')).toMatchObject({ kind: 'ministry_department', affiliationKey: 'most', nameZh: '科学技术部国际合作司' });
    expect(orgByKey.get('torch')?.kind).toBe('torch_center');
    expect(orgByKey.get('exchange')?.kind).toBe('exchange_center');
  });

  it('gives every provincial-level division, 计划单列市 and the Corps a department and a recommender account', () => {
    const codes = [...PROVINCES, XPCC, ...CITIES_WITH_SEPARATE_PLAN].map((u) => u.code);
    expect(codes).toHaveLength(37);
    for (const code of codes) {
      const dept = orgByKey.get(`prov-${code}`);
      expect(dept?.kind, code).toBe('provincial_st_department');
      expect(dept?.regionCode).toBe(code);
      expect(demo.accounts.some((a) => a.orgKey === `prov-${code}` && a.roles.includes('recommender_officer')), code).toBe(true);
    }
    expect(orgByKey.get('prov-510000')?.nameZh).toBe('四川省科学技术厅');
    expect(orgByKey.get('prov-110000')?.nameZh).toBe('北京市科学技术委员会');
    expect(demo.accounts.find((a) => a.username === 'sichuan')?.orgKey).toBe('prov-510000');
    for (const d of demo.orgs.filter((o) => o.kind === 'state_council_department')) {
      expect(demo.accounts.some((a) => a.orgKey === d.key && a.roles.includes('recommender_officer')), d.key).toBe(true);
    }
  });

  it('a11.s0: every institution has a derivable recommender that exists and has an account', () => {
    const derived = new Map<string, string>();
    for (const o of institutions) {
      const r = deriveRecommender(asRecommendable(o), recommendables);
      expect(r.ok, o.key).toBe(true);
      if (!r.ok) continue;
      expect(['state_council_department', 'provincial_st_department']).toContain(orgByKey.get(r.recommenderId)?.kind);
      derived.set(o.key, r.recommenderId);
    }
    expect(derived.get('inst-tsinghua')).toBe('scd-moe');
    expect(derived.get('inst-dicp')).toBe('scd-cas'); // affiliation beats the Dalian bureau
    expect(derived.get('inst-tri')).toBe('scd-moa'); // via 中国农业科学院
    expect(derived.get('inst-lyhy')).toBe('prov-370200'); // Qingdao enterprise
    expect(derived.get('inst-szu')).toBe('prov-440300');
    expect(derived.get('inst-shzu')).toBe('prov-660000');
    expect(derived.get('inst-saas')).toBe('prov-510000');
  });

  it('has about 40 institutions across at least 12 provincial-level units, and ~15 foreign partners', () => {
    expect(institutions.length).toBeGreaterThanOrEqual(35);
    expect(institutions.length).toBeLessThanOrEqual(50);
    expect(new Set(institutions.map((o) => provinceOf(o.regionCode!))).size).toBeGreaterThanOrEqual(12);
    for (const kind of ['science_park', 'research_institute', 'university', 'innovative_enterprise', 'st_intermediary'] as const) {
      expect(institutions.some((o) => o.kind === kind), kind).toBe(true);
    }
    const foreign = demo.orgs.filter((o) => o.kind === 'foreign_partner');
    expect(foreign.length).toBeGreaterThanOrEqual(12);
    expect(new Set(foreign.map((o) => o.country)).size).toBeGreaterThanOrEqual(8);
  });

  it('has 12 distinct national high-tech zones, each with an officer', () => {
    const zones = demo.orgs.filter((o) => o.kind === 'high_tech_zone');
    expect(zones).toHaveLength(12);
    expect(new Set(zones.map((z) => z.nameZh)).size).toBe(12);
    for (const z of zones) expect(demo.accounts.some((a) => a.orgKey === z.key && a.roles.includes('zone_officer'))).toBe(true);
  });

  it('a7.p1.i1: intermediaries include ones under a year old and one that is not a legal entity', () => {
    const intermediaries = institutions.filter((o) => o.kind === 'st_intermediary');
    const youngerThanAYear = (d: string) => d > '2025-04-15';
    expect(intermediaries.every((o) => o.zoneKey !== null)).toBe(true);
    expect(intermediaries.filter((o) => youngerThanAYear(o.registeredOn!)).length).toBeGreaterThanOrEqual(2);
    expect(intermediaries.filter((o) => !youngerThanAYear(o.registeredOn!) && o.independentLegalEntity).length).toBeGreaterThanOrEqual(2);
    expect(intermediaries.some((o) => !o.independentLegalEntity)).toBe(true);
    for (const o of demo.orgs) {
      const gov = ['ministry', 'ministry_department', 'torch_center', 'exchange_center', 'state_council_department', 'provincial_government', 'provincial_st_department'];
      if (gov.includes(o.kind)) expect(o.registeredOn).toBeNull();
      else expect(o.registeredOn! <= demo.referenceDate && /^\d{4}-\d{2}-\d{2}$/.test(o.registeredOn!), o.key).toBe(true);
    }
  });

  it('has institutions with ≥ 2, exactly 1 and no national projects (a6.p1.i1, a8.p1.i1)', () => {
    const national = new Map<string, number>(institutions.map((o) => [o.key, 0]));
    for (const p of demo.projects) {
      expect(p.level).toBe(p.kind === 'national_special' || p.kind === 'intergovernmental' ? 'national' : 'provincial');
      expect(p.endYear).toBeGreaterThan(p.startYear);
      expect(p.matchingWan).toBeLessThanOrEqual(p.fundingWan);
      if (p.level === 'national') national.set(p.orgKey, national.get(p.orgKey)! + 1);
    }
    const counts = [...national.values()];
    expect(counts.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(8);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThanOrEqual(8);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(5);
    expect(institutions.some((o) => !demo.projects.some((p) => p.orgKey === o.key))).toBe(true);
  });

  it('has every role, three distinct 三员 accounts and experts in all eight fields', () => {
    const withRole = (r: string) => demo.accounts.filter((a) => a.roles.includes(r as never));
    for (const r of ['ministry_officer', 'torch_officer', 'secretariat_officer', 'provincial_government_officer', 'sys_admin', 'security_admin', 'audit_admin']) {
      expect(withRole(r).length, r).toBeGreaterThanOrEqual(1);
    }
    const admins = ['sys_admin', 'security_admin', 'audit_admin'].map((r) => withRole(r));
    expect(admins.every((xs) => xs.length === 1 && xs[0]!.roles.length === 1)).toBe(true);
    expect(new Set(admins.map((xs) => xs[0]!.username)).size).toBe(3);
    expect(withRole('institution_user')).toHaveLength(institutions.length);
    const experts = withRole('expert');
    expect(experts).toHaveLength(EXPERT_COUNT);
    expect(experts[0]?.username).toBe('expert01');
    for (const f of PRIORITY_FIELDS) expect(experts.filter((e) => e.expertFields.includes(f)).length, f).toBeGreaterThanOrEqual(5);
    for (const e of experts) expect(isHostKind(orgByKey.get(e.orgKey)!.kind)).toBe(true);
    expect(demo.accounts.filter((a) => !a.roles.includes('expert')).every((a) => a.expertFields.length === 0)).toBe(true);
    expect(demo.password).toBe('Guohe@2026');
  });
});
