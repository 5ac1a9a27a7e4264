// Small hand-made and random instances for the tests (not used by the engine).
import { seededRng } from './prng.js';
import type { Application, AssignmentInput, AssignmentParams, Expert } from './types.js';

export const params = (over: Partial<AssignmentParams> = {}): AssignmentParams => ({
  reviewers: { min: 2, max: 2 }, maxLoad: 2, maxPerProvince: 1, weights: { field: 0.6, keyword: 0.4 },
  randomShare: 0, seed: 'test', ...over,
});

export const app = (id: string, over: Partial<Application> = {}): Application => ({
  id, fields: [{ field: 'energy', weight: 1 }], keywords: ['hydrogen'], province: 'BJ',
  institutionIds: [`${id}-inst`], recommendingOrgId: 'dept-BJ', namedPeopleIds: [], ...over,
});

export const expert = (id: string, over: Partial<Expert> = {}): Expert => ({
  id, fields: ['energy'], keywords: ['hydrogen'], province: 'SH', institutionId: `${id}-inst`,
  status: 'active', currentLoad: 0, ...over,
});

export const round = (applications: Application[], experts: Expert[], over: Partial<AssignmentInput> = {}): AssignmentInput => ({
  applications, experts, relations: [], declared: [],
  conflictConfig: { sameProvince: false, collaborationYears: 3, employmentYears: 3, year: 2025 },
  params: params(), ...over,
});

const FIELDS = ['energy', 'materials', 'info', 'agri'];
const KEYWORDS = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
const PROVINCES = ['BJ', 'SH', 'GD'];

/** A random small round: several provinces and institutions, some conflicts, mixed loads. */
export function randomRound(seed: string, nA: number, nE: number, over: Partial<AssignmentParams> = {}): AssignmentInput {
  const rng = seededRng(seed);
  const pick = <T>(xs: readonly T[]) => xs[rng.int(xs.length)]!;
  const some = <T>(xs: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(xs)))];
  const insts = ['i0', 'i1', 'i2', 'i3', 'i4'];
  const experts = Array.from({ length: nE }, (_, i) => expert(`e${i}`, {
    fields: some(FIELDS, 1 + rng.int(2)), keywords: some(KEYWORDS, 1 + rng.int(3)), province: pick(PROVINCES),
    institutionId: pick(insts), currentLoad: rng.next() < 0.2 ? 1 : 0, status: rng.next() < 0.1 ? 'suspended' : 'active',
  }));
  const applications = Array.from({ length: nA }, (_, i) => app(`a${i}`, {
    fields: some(FIELDS, 1 + rng.int(2)).map((field) => ({ field, weight: 1 + rng.int(3) })),
    keywords: some(KEYWORDS, 1 + rng.int(3)), province: pick(PROVINCES),
    institutionIds: rng.next() < 0.5 ? [pick(insts)] : [`own-${i}`],
  }));
  return round(applications, experts, { params: params(over) });
}
