// bench:portal data: the demo, then 6,000 extra institutions (api-db's deterministic generator),
// each hosting one base — 1,000 national (the 2011 Measures) and 5,000 provincial (one programme
// per province, e.g. prov-510000@2020) — inserted directly.
import pg from 'pg';
import { fieldIds } from '../../src/regulation/fields.js';

const TYPES = ['innovation_park', 'joint_research_center', 'tech_transfer_center', 'demonstration_base'];
const COUNTRIES = ['DE', 'FR', 'GB', 'IT', 'RU', 'US', 'JP', 'KR', 'SG', 'AU', 'CA', 'BR', 'ZA', 'EG', 'TH', 'VN', 'PK', 'KZ', 'NZ', 'IL'];

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function addBases(url: string, national: number, provincial: number, nationalKey: string): Promise<{ national: number; provincial: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: hosts } = await client.query<{ id: string; name_zh: string; name_en: string; region_code: string; recommender_id: string | null; zone_id: string | null }>(
      "select id, name_zh, name_en, region_code, recommender_id, zone_id from organizations where key like 'bench-%' order by key limit $1", [national + provincial]);
    if (hosts.length < national + provincial) throw new Error(`need ${national + provincial} extra institutions, have ${hosts.length}`);
    const rnd = prng(20260719);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const cols = ['code', 'programme_key', 'type_id', 'name_zh', 'name_en', 'host_org_id', 'recommender_id', 'zone_id', 'region_code', 'fields', 'foreign_partners', 'recognized_on', 'status'];
    const rows = hosts.map((h, i) => {
      const isNational = i < national;
      const type = pick(TYPES);
      const year = 2008 + Math.floor(rnd() * 18);
      const fields = [...new Set([pick(fieldIds), pick(fieldIds)].slice(0, 1 + Math.floor(rnd() * 2)))];
      const partners = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ country: pick(COUNTRIES), nameEn: `Partner ${Math.floor(rnd() * 1e6)}`, agreementSigned: true }));
      const province = `${h.region_code.slice(0, 2)}0000`;
      const code = isNational ? `GH-${year}-B-${String(i + 1).padStart(5, '0')}` : `P${province.slice(0, 2)}-${year}-${String(i + 1).padStart(5, '0')}`;
      return [code, isNational ? nationalKey : `prov-${province}@2020`, type, `${h.name_zh}国际合作基地`, `${h.name_en} International Cooperation Base`, h.id, h.recommender_id, h.zone_id, h.region_code,
        JSON.stringify(fields), JSON.stringify(partners), `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`, rnd() < 0.02 ? 'revoked' : 'active'];
    });
    await client.query('begin');
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const values = batch.map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(', ')})`).join(', ');
      await client.query(`insert into bases (${cols.join(', ')}) values ${values}`, batch.flat());
    }
    await client.query('commit');
    await client.query('analyze');
    return { national, provincial };
  } finally {
    await client.end().catch(() => undefined);
  }
}
