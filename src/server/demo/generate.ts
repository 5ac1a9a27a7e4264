// Deterministic demo setting: the same seed always yields deep-equal data (no Math.random, no
// clock), so tests, screenshots and benchmarks can rely on it. The seed varies people's names,
// experts' employers, dates, money and project details; keys, usernames and the organization tree
// (kinds, regions, affiliations, zones, project profiles) stay fixed.
import { CITIES_WITH_SEPARATE_PLAN, PROVINCIAL_LEVEL_UNITS, provinceOf } from '../organizations/registry/regions.js';
import { makeUscc } from '../organizations/registry/uscc.js';
import {
  DEMO_PASSWORD, FOREIGN_PARTNERS, GIVEN_CHARS, INSTITUTIONS, MINISTRY_BODIES,
  PROJECT_SUFFIXES, PROJECT_TOPICS, PROVINCIAL_GOVERNMENTS, REFERENCE_DATE, STATE_COUNCIL_DEPARTMENTS,
  SURNAMES, ZONES, type InstitutionSpec,
} from './catalog.js';
import { buildBases } from './bases.js';
import {
  PRIORITY_FIELDS, type DemoAccount, type DemoData, type DemoOrg, type DemoProject, type DemoProjectKind,
  type DemoRole, type PriorityField,
} from './types.js';

export const EXPERT_COUNT = 60;

/** mulberry32: small, fast, good enough for demo data, and identical on every platform. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[int(0, xs.length - 1)]!;
  };
  const date = (fromYear: number, toYear: number): string => {
    const y = int(fromYear, toYear);
    const m = int(1, 12);
    const d = int(1, 28); // avoids month-length arithmetic; the day is not significant
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  return { next, int, pick, date };
}
type Rng = ReturnType<typeof prng>;

const instKey = (slug: string) => `inst-${slug}`;
const deptKey = (code: string) => `prov-${code}`;

function governmentOrg(key: string, kind: DemoOrg['kind'], nameZh: string, nameEn: string, regionCode: string | null, affiliationKey: string | null = null, zoneKey: string | null = null): DemoOrg {
  return { key, kind, nameZh, nameEn, uscc: null, regionCode, affiliationKey, zoneKey, registeredOn: null, independentLegalEntity: true, country: 'CN' };
}

function buildOrgs(rng: Rng): DemoOrg[] {
  const orgs: DemoOrg[] = MINISTRY_BODIES.map((b) => governmentOrg(b.key, b.kind, b.nameZh, b.nameEn, '110000', b.affiliationKey));
  for (const d of STATE_COUNCIL_DEPARTMENTS) {
    orgs.push(governmentOrg(`scd-${d.slug}`, 'state_council_department', d.nameZh, d.nameEn, '110000'));
  }
  for (const p of PROVINCIAL_LEVEL_UNITS) {
    orgs.push(governmentOrg(deptKey(p.code), 'provincial_st_department', p.stDepartmentZh, p.stDepartmentEn, p.code));
  }
  for (const c of CITIES_WITH_SEPARATE_PLAN) {
    orgs.push(governmentOrg(deptKey(c.code), 'provincial_st_department', c.stDepartmentZh, c.stDepartmentEn, c.code));
  }
  for (const code of PROVINCIAL_GOVERNMENTS) {
    const p = PROVINCIAL_LEVEL_UNITS.find((u) => u.code === code)!;
    orgs.push(governmentOrg(`gov-${code}`, 'provincial_government', `${p.nameZh}人民政府`, `People's Government of ${p.nameEn}`, code));
  }
  for (const z of ZONES) {
    orgs.push({ ...governmentOrg(`zone-${z.slug}`, 'high_tech_zone', z.nameZh, z.nameEn, z.regionCode), registeredOn: z.approvedOn });
  }

  const used = new Set<string>();
  const uscc = (authority: string, category: string, regionCode: string): string => {
    for (;;) {
      const code = makeUscc({ registrationAuthority: authority, entityCategory: category, regionCode, serial: rng.int(0, 31 ** 8 - 1) });
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
  for (const s of INSTITUTIONS) orgs.push(institutionOrg(s, rng, uscc));

  for (const f of FOREIGN_PARTNERS) {
    orgs.push({
      key: `foreign-${f.slug}`, kind: 'foreign_partner', nameZh: f.nameZh, nameEn: f.nameEn, uscc: null, regionCode: null,
      affiliationKey: null, zoneKey: null, registeredOn: rng.date(1950, 2010), independentLegalEntity: true, country: f.country,
    });
  }
  return orgs;
}

function institutionOrg(s: InstitutionSpec, rng: Rng, uscc: (a: string, c: string, r: string) => string): DemoOrg {
  const publicInstitution = s.kind === 'university' || s.kind === 'research_institute';
  // Public institutions register with 机构编制 (1-2); those under central bodies register centrally
  // (region '100000', as real central codes do). Companies: 市场监管 (9-1); 民办非企业单位: 民政 (5-2).
  const code = publicInstitution
    ? uscc('1', '2', s.affiliationKey === null ? (provinceOf(s.regionCode) ?? s.regionCode) : '100000')
    : s.nonProfit
      ? uscc('5', '2', s.regionCode)
      : uscc('9', '1', s.regionCode);
  const registeredOn = s.registeredOn ?? (publicInstitution ? rng.date(1996, 2012) : rng.date(2006, 2021));
  return {
    key: instKey(s.slug), kind: s.kind, nameZh: s.nameZh, nameEn: s.nameEn, uscc: code, regionCode: s.regionCode,
    affiliationKey: s.affiliationKey, zoneKey: s.zone === null ? null : `zone-${s.zone}`, registeredOn,
    independentLegalEntity: s.independentLegalEntity ?? true, country: 'CN',
  };
}

function buildAccounts(rng: Rng): DemoAccount[] {
  const names = new Set<string>();
  const personName = (): string => {
    for (;;) {
      const given = rng.next() < 0.3 ? rng.pick([...GIVEN_CHARS]) : rng.pick([...GIVEN_CHARS]) + rng.pick([...GIVEN_CHARS]);
      const name = rng.pick([...SURNAMES]) + given;
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  // Fictional numbers in the 139 0000 range; email under the reserved .example domain.
  const account = (username: string, orgKey: string, roles: DemoRole[], expertFields: PriorityField[] = [], locale: DemoAccount['locale'] = 'zh-CN'): DemoAccount => ({
    username, displayName: personName(), orgKey, roles, email: `${username}@guohe-demo.example`,
    phone: `1390000${String(rng.int(0, 9999)).padStart(4, '0')}`, locale, expertFields,
  });

  const accounts: DemoAccount[] = [
    account('moist', 'most-dic', ['ministry_officer']),
    account('torch', 'torch', ['torch_officer']),
    account('secretariat', 'exchange', ['secretariat_officer']),
    // 三员分立: three separate accounts, none holding another's role. The ministry runs the system.
    account('sysadmin', 'most', ['sys_admin']),
    account('secadmin', 'most', ['security_admin']),
    account('auditor', 'most', ['audit_admin']),
  ];
  for (const p of PROVINCIAL_LEVEL_UNITS) accounts.push(account(p.slug, deptKey(p.code), ['recommender_officer']));
  for (const c of CITIES_WITH_SEPARATE_PLAN) accounts.push(account(c.slug, deptKey(c.code), ['recommender_officer']));
  for (const d of STATE_COUNCIL_DEPARTMENTS) accounts.push(account(d.slug, `scd-${d.slug}`, ['recommender_officer']));
  for (const code of PROVINCIAL_GOVERNMENTS) {
    const slug = PROVINCIAL_LEVEL_UNITS.find((u) => u.code === code)!.slug;
    accounts.push(account(`gov-${slug}`, `gov-${code}`, ['provincial_government_officer']));
  }
  for (const z of ZONES) accounts.push(account(`zone-${z.slug}`, `zone-${z.slug}`, ['zone_officer']));
  for (const s of INSTITUTIONS) accounts.push(account(s.slug, instKey(s.slug), ['institution_user']));

  // Experts: primary fields round-robin so every a15.s1 field has reviewers; employers drawn from
  // institutions working in that field (research-capable kinds preferred).
  for (let i = 0; i < EXPERT_COUNT; i++) {
    const field = PRIORITY_FIELDS[i % PRIORITY_FIELDS.length]!;
    const inField = INSTITUTIONS.filter((s) => s.fields.includes(field));
    const research = inField.filter((s) => s.kind === 'university' || s.kind === 'research_institute');
    const employer = rng.pick(research.length > 0 && rng.next() < 0.85 ? research : inField);
    const fields: PriorityField[] = [field];
    const second = rng.pick(employer.fields);
    if (second !== field && rng.next() < 0.5) fields.push(second);
    const username = `expert${String(i + 1).padStart(2, '0')}`;
    accounts.push(account(username, instKey(employer.slug), ['expert'], fields, rng.next() < 0.1 ? 'en-US' : 'zh-CN'));
  }
  // A signing officer of the ministry itself: a5.p2.i4 and a6.p2.i3 documents are issued in MOST's
  // name (科技部发文), by a leader. Added last so that the names drawn before it do not change.
  accounts.push(account('most-leader', 'most', ['ministry_officer']));
  return accounts;
}

const KIND_LEVEL: Record<DemoProjectKind, DemoProject['level']> = {
  national_special: 'national',
  intergovernmental: 'national',
  provincial: 'provincial',
  other: 'provincial', // e.g. ministerial programmes: 省部级
};

function buildProjects(rng: Rng): DemoProject[] {
  const projects: DemoProject[] = [];
  for (const s of INSTITUTIONS) {
    const kinds: DemoProjectKind[] = [];
    if (s.profile === 'jrc') {
      kinds.push('national_special', 'intergovernmental');
      if (rng.next() < 0.5) kinds.push(rng.pick(['national_special', 'intergovernmental'] as const));
      for (let n = rng.int(0, 2); n > 0; n--) kinds.push('provincial');
    } else if (s.profile === 'single') {
      kinds.push(rng.pick(['national_special', 'intergovernmental'] as const));
      if (rng.next() < 0.5) kinds.push('provincial');
    } else if (s.profile === 'provincial') {
      kinds.push('provincial');
      if (rng.next() < 0.5) kinds.push('other');
    }
    kinds.forEach((kind, n) => projects.push(project(s, kind, n + 1, rng)));
  }
  return projects;
}

const FUNDING_WAN: Record<DemoProjectKind, [number, number]> = {
  national_special: [150, 1200],
  intergovernmental: [80, 500],
  provincial: [20, 150],
  other: [10, 80],
};

function project(s: InstitutionSpec, kind: DemoProjectKind, n: number, rng: Rng): DemoProject {
  const field = rng.pick(s.fields);
  const partners = FOREIGN_PARTNERS.filter((f) => f.fields.includes(field));
  const partner = rng.pick(partners.length > 0 ? partners : FOREIGN_PARTNERS);
  const startYear = rng.int(2013, 2024);
  const [lo, hi] = FUNDING_WAN[kind];
  const fundingWan = rng.int(lo / 10, hi / 10) * 10;
  // a16.s2: the recommending department matches national special projects (0–30 %).
  const matchingWan = kind === 'national_special' ? Math.round((fundingWan * rng.int(0, 30)) / 100) : 0;
  return {
    key: `proj-${s.slug}-${n}`, orgKey: instKey(s.slug), kind, level: KIND_LEVEL[kind], field,
    title: rng.pick(PROJECT_TOPICS[field]) + rng.pick(PROJECT_SUFFIXES), partnerCountry: partner.country,
    partnerOrgKey: `foreign-${partner.slug}`, startYear, endYear: startYear + rng.int(2, 3), fundingWan, matchingWan,
  };
}

export function generateDemo(seed = 2011): DemoData {
  // Separate streams so that adding an expert does not reshuffle organizations, and so on.
  const orgs = buildOrgs(prng(seed));
  const accounts = buildAccounts(prng(seed + 1));
  const projects = buildProjects(prng(seed + 2));
  const bases = buildBases(prng(seed + 3));
  return { seed, referenceDate: REFERENCE_DATE, password: DEMO_PASSWORD, orgs, accounts, projects, bases };
}
