// The benchmark's own PostgreSQL database: create, fill with extra institutions, drop.
import pg from 'pg';
import { deriveRecommender, type OrgKind, type RecommendableOrg } from '../../src/server/organizations/registry/kinds.js';
import { PROVINCIAL_LEVEL_UNITS, XPCC_CODE } from '../../src/server/organizations/registry/regions.js';
import { makeUscc } from '../../src/server/organizations/registry/uscc.js';

export const BENCH_DB_PREFIX = 'guohe_bench_';

/** Server address from DATABASE_URL when set, else the local PostgreSQL 15; the database name is ours. */
export function serverUrls(dbName: string): { admin: string; bench: string } {
  const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const bench = new URL(base);
  bench.pathname = `/${dbName}`;
  return { admin: admin.toString(), bench: bench.toString() };
}

export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function ident(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name '${name}'`);
  return `"${name}"`;
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drop leftovers of earlier runs that died without cleaning up (their pid no longer exists). */
export async function dropStaleBenchDatabases(adminUrl: string): Promise<string[]> {
  return withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(`select datname from pg_database where datname like '${BENCH_DB_PREFIX}%'`);
    const dropped: string[] = [];
    for (const { datname } of rows) {
      const pid = Number(datname.slice(BENCH_DB_PREFIX.length));
      if (!Number.isInteger(pid) || pid === process.pid || pidAlive(pid)) continue;
      await c.query(`drop database if exists ${ident(datname)} with (force)`);
      dropped.push(datname);
    }
    return dropped;
  });
}

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${ident(name)} with (force)`);
    await c.query(`create database ${ident(name)}`);
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${ident(name)} with (force)`));
}

// ---------------------------------------------------------------------------------------------
// Extra volume: deterministic institutions spread over the provinces by research activity, so
// that one province (Sichuan by default) holds a few hundred and the scoped query has real work.

function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}

// Rough weights (per cent of the extra institutions); unlisted provincial-level units get 1.
const PROVINCE_WEIGHT: Record<string, number> = {
  '110000': 10, '320000': 9, '440000': 9, '310000': 8, '330000': 7, '510000': 9, '370000': 6, '420000': 6,
  '610000': 5, '340000': 4, '430000': 4, '210000': 4, '410000': 3, '350000': 3, '120000': 3, '500000': 3,
  '130000': 2, '230000': 2, '220000': 2, '530000': 2, '450000': 2, '360000': 2, '140000': 2, '620000': 2,
};
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);
const SICHUAN_PREFECTURES = ['5101', '5103', '5104', '5105', '5106', '5107', '5108', '5109', '5110', '5111', '5113', '5114', '5115', '5116', '5117', '5118', '5119', '5120', '5132', '5133', '5134'];

const KIND_WEIGHTS: [OrgKind, number, zh: string[], en: string[]][] = [
  ['university', 12, ['学院', '理工学院', '职业技术大学'], ['College', 'Institute of Technology', 'Polytechnic University']],
  ['research_institute', 25, ['研究院', '研究所', '技术研究院'], ['Research Institute', 'Institute', 'Academy of Technology']],
  ['innovative_enterprise', 45, ['科技有限公司', '股份有限公司', '技术有限公司'], ['Technology Co., Ltd.', 'Co., Ltd.', 'Technologies Ltd.']],
  ['science_park', 6, ['科技园', '创新园'], ['Science Park', 'Innovation Park']],
  ['st_intermediary', 12, ['技术转移中心', '科技服务中心'], ['Technology Transfer Center', 'S&T Service Center']],
];
const BRANDS: [string, string][] = [
  ['华睿', 'Huarui'], ['天府', 'Tianfu'], ['鼎元', 'Dingyuan'], ['中科', 'Zhongke'], ['博创', 'Bochuang'], ['瑞泰', 'Ruitai'],
  ['恒通', 'Hengtong'], ['新源', 'Xinyuan'], ['长青', 'Changqing'], ['致远', 'Zhiyuan'], ['海川', 'Haichuan'], ['嘉禾', 'Jiahe'],
  ['启明', 'Qiming'], ['宏达', 'Hongda'], ['思远', 'Siyuan'], ['安澜', 'Anlan'], ['丰源', 'Fengyuan'], ['锦程', 'Jincheng'],
  ['同舟', 'Tongzhou'], ['正和', 'Zhenghe'], ['聚能', 'Juneng'], ['远航', 'Yuanhang'], ['星河', 'Xinghe'], ['明德', 'Mingde'],
];
const FIELDS: [string, string][] = [
  ['新能源', 'New Energy'], ['生物医药', 'Biomedicine'], ['智能制造', 'Intelligent Manufacturing'], ['新材料', 'Advanced Materials'],
  ['信息技术', 'Information Technology'], ['现代农业', 'Modern Agriculture'], ['生态环境', 'Eco-Environment'], ['海洋工程', 'Marine Engineering'],
  ['航空航天', 'Aerospace'], ['集成电路', 'Integrated Circuits'], ['人工智能', 'Artificial Intelligence'], ['节能环保', 'Energy Conservation'],
];

function shortName(nameZh: string): string {
  return nameZh.replace(/(维吾尔|壮族|回族)?(自治区|省|市)$/, '').replace(/生产建设兵团$/, '兵团');
}

function regionIn(rng: ReturnType<typeof prng>, province: string): string {
  const pp = province.slice(0, 2);
  if (province === '510000') return `${rng.pick(SICHUAN_PREFECTURES)}00`;
  if (province === XPCC_CODE) return `66${String(rng.int(1, 9)).padStart(2, '0')}00`;
  if (MUNICIPALITIES.has(province)) return `${pp}01${String(rng.int(1, 16)).padStart(2, '0')}`;
  return `${pp}${String(rng.int(1, 12)).padStart(2, '0')}00`;
}

interface ExistingOrg { id: string; kind: string; region_code: string | null; affiliation_id: string | null; key: string | null; uscc: string | null }

/** Insert `n` institutions (deterministic) with derived recommenders; returns how many landed in `province`. */
export async function addVolume(url: string, n: number, province: string): Promise<{ inserted: number; inProvince: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: existing } = await client.query<ExistingOrg>('select id, kind, region_code, affiliation_id, key, uscc from organizations');
    const recommenders = new Map<string, RecommendableOrg>();
    for (const o of existing) {
      if (o.kind === 'provincial_st_department' || o.kind === 'state_council_department') {
        recommenders.set(o.id, { id: o.id, kind: o.kind as OrgKind, regionCode: o.region_code, affiliationId: o.affiliation_id });
      }
    }
    const centralBodies = existing.filter((o) => o.kind === 'state_council_department').map((o) => o.id);
    const usedUscc = new Set(existing.map((o) => o.uscc).filter((u): u is string => !!u));
    const usedNames = new Set<string>();
    const rng = prng(20260101);
    const units = PROVINCIAL_LEVEL_UNITS.map((p) => ({ p, w: PROVINCE_WEIGHT[p.code] ?? 1 }));
    const totalW = units.reduce((s, u) => s + u.w, 0);
    const kindTotal = KIND_WEIGHTS.reduce((s, k) => s + k[1], 0);
    let serial = 500_000_000;
    let inProvince = 0;
    const rows: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      let r = rng.next() * totalW;
      const unit = units.find((u) => (r -= u.w) < 0)?.p ?? units[units.length - 1]!.p;
      let kr = rng.next() * kindTotal;
      const [kind, , zhSuffixes, enSuffixes] = KIND_WEIGHTS.find((k) => (kr -= k[1]) < 0) ?? KIND_WEIGHTS[0]!;
      const regionCode = regionIn(rng, unit.code);
      const [brandZh, brandEn] = rng.pick(BRANDS);
      const [fieldZh, fieldEn] = rng.pick(FIELDS);
      const s = rng.int(0, zhSuffixes.length - 1);
      const provZh = shortName(unit.nameZh);
      const provEn = unit.nameEn.replace(/ (Province|Municipality|Autonomous Region|Uygur Autonomous Region|Zhuang Autonomous Region|Hui Autonomous Region)$/, '');
      let nameZh = `${provZh}${brandZh}${fieldZh}${zhSuffixes[s]}`;
      let nameEn = `${provEn} ${brandEn} ${fieldEn} ${enSuffixes[s]}`;
      for (let k = 2; usedNames.has(nameZh); k++) {
        nameZh = `${provZh}${brandZh}${fieldZh}${zhSuffixes[s]}（第${k}分部）`;
        nameEn = `${provEn} ${brandEn} ${fieldEn} ${enSuffixes[s]} (Branch ${k})`;
      }
      usedNames.add(nameZh);
      // A tenth of the public institutions sit under a State Council department (recommended by it).
      const publicInstitution = kind === 'university' || kind === 'research_institute';
      const affiliationId = publicInstitution && centralBodies.length && rng.next() < 0.1 ? rng.pick(centralBodies) : null;
      const derived = deriveRecommender({ id: `new-${i}`, kind, regionCode, affiliationId }, recommenders);
      if (!derived.ok) throw new Error(`no recommender for an extra ${kind} in ${regionCode}: ${derived.reason}`);
      const [authority, category, usccRegion] = publicInstitution
        ? ['1', '2', affiliationId ? '100000' : unit.code]
        : kind === 'st_intermediary' ? ['5', '2', regionCode] : ['9', '1', regionCode];
      let uscc: string;
      do uscc = makeUscc({ registrationAuthority: authority, entityCategory: category, regionCode: usccRegion, serial: serial++ });
      while (usedUscc.has(uscc));
      usedUscc.add(uscc);
      const y = publicInstitution ? rng.int(1952, 2015) : rng.int(1998, 2023);
      const registeredOn = `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      if (regionCode.startsWith(province.slice(0, 2))) inProvince++;
      rows.push([`bench-${i}`, kind, nameZh, nameEn, uscc, regionCode, 'CN', affiliationId, derived.recommenderId, registeredOn]);
    }
    const cols = ['key', 'kind', 'name_zh', 'name_en', 'uscc', 'region_code', 'country', 'affiliation_id', 'recommender_id', 'registered_on'];
    await client.query('begin');
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const values = batch.map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(', ')})`).join(', ');
      await client.query(`insert into organizations (${cols.join(', ')}) values ${values}`, batch.flat());
    }
    await client.query('commit');
    await client.query('analyze');
    return { inserted: rows.length, inProvince };
  } finally {
    await client.end().catch(() => undefined);
  }
}
