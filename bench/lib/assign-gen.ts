// Deterministic (seeded) review round for the assignment benchmark: the eight priority fields with
// finer keywords, 31 provinces weighted by research activity, institutions with parents, and
// relations tuned so that about 3% of pairs are in conflict.
import { seededRng, type Rng } from '../../src/server/review/assignment/prng.js';
import type {
  Application, AssignmentInput, DeclaredConflict, Expert, ExpertStatus, Relation,
} from '../../src/server/review/assignment/types.js';

export const FIELDS: Record<string, string[]> = {
  'energy': ['hydrogen', 'photovoltaics', 'wind-power', 'fusion', 'energy-storage', 'smart-grid', 'carbon-capture', 'batteries', 'bioenergy', 'clean-coal'],
  'materials-manufacturing': ['alloys', 'composites', 'additive-manufacturing', 'semiconductor-materials', 'robotics', 'precision-machining', 'nanomaterials', 'ceramics', 'industrial-software', 'rare-earths'],
  'information-networks': ['6g', 'artificial-intelligence', 'big-data', 'quantum-communication', 'network-architecture', 'iot', 'integrated-circuits', 'cloud-computing', 'satellite-internet', 'blockchain'],
  'agriculture': ['crop-breeding', 'smart-farming', 'aquaculture', 'soil-health', 'plant-protection', 'livestock', 'agri-machinery', 'food-processing', 'irrigation', 'forestry'],
  'bio-health': ['vaccines', 'gene-editing', 'medical-devices', 'tcm', 'drug-discovery', 'precision-medicine', 'infectious-disease', 'synthetic-biology', 'medical-imaging', 'elderly-care'],
  'environment': ['air-pollution', 'water-treatment', 'solid-waste', 'climate-modelling', 'ecological-restoration', 'soil-remediation', 'biodiversity', 'green-buildings', 'circular-economy', 'environmental-monitoring'],
  'space-ocean': ['remote-sensing', 'deep-sea', 'marine-engineering', 'satellite-navigation', 'polar-research', 'ocean-observation', 'launch-vehicles', 'space-science', 'marine-biology', 'offshore-wind'],
  'public-security': ['disaster-prevention', 'emergency-response', 'forensics', 'food-safety', 'fire-safety', 'mine-safety', 'earthquake-engineering', 'public-health-emergency', 'traffic-safety', 'cyber-forensics'],
};
const FIELD_NAMES = Object.keys(FIELDS);
const FIELD_POPULARITY = [14, 16, 18, 10, 16, 11, 8, 7];

// Province codes with a rough weight for research activity.
const PROVINCES: [string, number][] = [
  ['BJ', 14], ['JS', 10], ['GD', 10], ['SH', 9], ['ZJ', 7], ['SD', 6], ['HB', 5], ['SN', 5], ['SC', 5], ['HA', 3],
  ['HN', 3], ['LN', 4], ['AH', 4], ['FJ', 3], ['TJ', 3], ['CQ', 3], ['HE', 3], ['HL', 3], ['JL', 2], ['YN', 2],
  ['GX', 2], ['JX', 2], ['SX', 2], ['GS', 2], ['GZ', 1], ['NM', 1], ['XJ', 1], ['HI', 1], ['NX', 1], ['QH', 1], ['XZ', 1],
];

function weighted(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) { r -= weights[i]!; if (r < 0) return i; }
  return weights.length - 1;
}

function pickDistinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const out = new Set<T>();
  while (out.size < Math.min(n, items.length)) out.add(items[rng.int(items.length)]!);
  return [...out];
}

export interface RoundOptions { apps: number; experts: number; seed?: string }

export function generateRound({ apps: nA, experts: nE, seed = 'guohe-bench' }: RoundOptions): AssignmentInput {
  const rng = seededRng(seed);
  const provinceWeights = PROVINCES.map(([, w]) => w);
  const province = () => PROVINCES[weighted(rng, provinceWeights)]![0];
  // The same 260 institutions whatever the round's size (~77 experts each in a full round); a tenth
  // are parent bodies.
  const nInst = 260;
  const nParents = Math.round(nInst / 10);
  const institutions = Array.from({ length: nInst }, (_, i) => ({
    id: `inst-${i}`,
    province: i < PROVINCES.length ? PROVINCES[i]![0] : province(),
    parent: i >= nParents && rng.next() < 0.6 ? `inst-${rng.int(nParents)}` : null,
  }));
  const byProvince = new Map<string, typeof institutions>();
  for (const inst of institutions) byProvince.set(inst.province, [...(byProvince.get(inst.province) ?? []), inst]);
  const institutionIn = (p: string) => { const list = byProvince.get(p)!; return list[rng.int(list.length)]!; };
  const departments = [...PROVINCES.map(([p]) => `dept-${p}`), ...Array.from({ length: 10 }, (_, i) => `ministry-${i}`)];

  const fieldSet = () => {
    const primary = weighted(rng, FIELD_POPULARITY);
    const fields = [primary];
    if (rng.next() < 0.4) fields.push(weighted(rng, FIELD_POPULARITY));
    if (rng.next() < 0.1) fields.push(weighted(rng, FIELD_POPULARITY));
    return [...new Set(fields)].map((f) => FIELD_NAMES[f]!);
  };
  const keywordsOf = (fields: string[], n: number) =>
    [...new Set(Array.from({ length: n }, (_, i) => { const f = fields[i === 0 || rng.next() < 0.7 ? 0 : rng.int(fields.length)]!; const kws = FIELDS[f]!; return kws[rng.int(kws.length)]!; }))];

  const statuses: ExpertStatus[] = ['active', 'suspended', 'retired'];
  const experts: Expert[] = Array.from({ length: nE }, (_, i) => {
    const p = province();
    const inst = institutionIn(p);
    const fields = fieldSet();
    return {
      id: `expert-${i}`, fields, keywords: keywordsOf(fields, 2 + rng.int(4)), province: p, institutionId: inst.id,
      affiliationIds: rng.next() < 0.12 ? [rng.next() < 0.8 ? `dept-${p}` : departments[rng.int(departments.length)]!] : [],
      employment: rng.next() < 0.3 ? [{ institutionId: `inst-${rng.int(nInst)}`, untilYear: 2015 + rng.int(11) }] : [],
      status: statuses[weighted(rng, [96, 3, 1])]!,
      currentLoad: weighted(rng, [75, 15, 7, 3]),
    };
  });

  const relations: Relation[] = [];
  const declared: DeclaredConflict[] = [];
  const applications: Application[] = Array.from({ length: nA }, (_, i) => {
    const p = province();
    const applicant = institutionIn(p);
    const host = rng.next() < 0.5 ? applicant : institutionIn(rng.next() < 0.7 ? p : province());
    const institutionIds = [...new Set([applicant.id, applicant.parent, host.id, host.parent].filter((x): x is string => x !== null))];
    const fields = fieldSet();
    const weights = [3, 2, 1];
    const named = Array.from({ length: 6 }, (_, j) => (rng.next() < 0.05 ? `expert-${rng.int(nE)}` : `person-${i}-${j}`));
    for (const person of named) {
      // Relations per named person scale with the expert pool (110 in a full round).
      for (let r = 0; r < Math.round(110 * nE / 20000); r++) {
        relations.push({ expertId: `expert-${rng.int(nE)}`, personId: person, kind: rng.next() < 0.7 ? 'coauthor' : 'project', year: 2015 + rng.int(11) });
      }
    }
    if (rng.next() < 0.3) declared.push({ expertId: `expert-${rng.int(nE)}`, applicationId: `app-${i}` });
    return {
      id: `app-${i}`, fields: fields.map((field, j) => ({ field, weight: weights[j]! })), keywords: keywordsOf(fields, 3 + rng.int(4)),
      province: p, institutionIds, recommendingOrgId: rng.next() < 0.8 ? `dept-${p}` : departments[rng.int(departments.length)]!,
      namedPeopleIds: named,
    };
  });
  return {
    applications, experts, relations, declared,
    conflictConfig: { sameProvince: false, collaborationYears: 3, employmentYears: 3, year: 2025 },
    params: { reviewers: { min: 5, max: 5 }, maxLoad: 3, maxPerProvince: 2, weights: { field: 0.6, keyword: 0.4 }, randomShare: 0.2, seed: seed },
  };
}
