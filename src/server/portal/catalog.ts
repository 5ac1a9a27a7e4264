// Names the public column shows: provinces (GB/T 2260 provincial-level units and the Corps), the
// priority fields of a15.s1, programmes and their base types (read from the programme table, so a
// local programme (a21) is named by its own data), and partner countries.
import { national2011, priorityFields, programmeKey, type Text } from '../../regulation/index.js';
import { PROVINCIAL_LEVEL_UNITS } from '../organizations/registry/regions.js';
import { allProgrammes } from '../recognition/programmes.js';
import type { Db } from '../platform/db/client.js';

export type Lang = 'zh' | 'en';

export interface Province { code: string; prefix: string; name: Text; short: Text }

const shortZh = (s: string) => s.replace(/(维吾尔|壮族|回族)?(自治区|省|市)$/, '').replace(/生产建设兵团$/, '兵团');
const shortEn = (s: string) => s.replace(/ (Province|Municipality|Autonomous Region|Uygur Autonomous Region|Zhuang Autonomous Region|Hui Autonomous Region)$/, '').replace('Xinjiang Production and Construction Corps', 'XPCC');

export const provinces: readonly Province[] = PROVINCIAL_LEVEL_UNITS.map((p) => ({
  code: p.code, prefix: p.code.slice(0, 2), name: { zh: p.nameZh, en: p.nameEn }, short: { zh: shortZh(p.nameZh), en: shortEn(p.nameEn) },
}));
const byPrefix = new Map(provinces.map((p) => [p.prefix, p]));
/** The province of a two-digit prefix (what the directory query returns). */
export const provinceByPrefix = (prefix: string | null | undefined): Province | undefined => (prefix ? byPrefix.get(prefix) : undefined);
export const isProvinceCode = (code: string): boolean => provinces.some((p) => p.code === code);

export const fields = priorityFields;
export const fieldName = (id: string): Text => priorityFields.find((f) => f.id === id)?.name ?? { zh: id, en: id };

const displayNames = { zh: new Intl.DisplayNames(['zh-CN'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };
export function countryName(code: string, lang: Lang): string {
  try {
    return /^[A-Z]{2}$/.test(code) ? (displayNames[lang].of(code) ?? code) : code;
  } catch {
    return code;
  }
}

export interface ProgrammeEntry { key: string; level: 'national' | 'local'; name: Text; types: Map<string, Text> }
export interface ProgrammeCatalog { list: ProgrammeEntry[]; byKey: Map<string, ProgrammeEntry> }

const NATIONAL_KEY = programmeKey(national2011);
const nationalTypes = new Map(national2011.types.map((t) => [t.id, t.name]));

/** Programmes as the programme table holds them; the national types name a type no programme names. */
export async function loadProgrammeCatalog(db: Db): Promise<ProgrammeCatalog> {
  const list: ProgrammeEntry[] = (await allProgrammes(db)).map((p) => ({
    key: programmeKey(p),
    level: p.level,
    name: p.level === 'national' ? p.document.title : { zh: `${p.issuer.name.zh}·${p.document.title.zh}`, en: `${p.issuer.name.en}: ${p.document.title.en}` },
    types: new Map(p.types.map((t) => [t.id, t.name])),
  }));
  return { list, byKey: new Map(list.map((e) => [e.key, e])) };
}

export function programmeName(cat: ProgrammeCatalog, key: string): Text {
  return cat.byKey.get(key)?.name ?? { zh: key, en: key };
}

export function typeName(cat: ProgrammeCatalog, key: string, typeId: string): Text {
  return cat.byKey.get(key)?.types.get(typeId) ?? nationalTypes.get(typeId) ?? { zh: typeId, en: typeId };
}

/** Every base type any programme defines, national first, for the type filter. */
export function allTypes(cat: ProgrammeCatalog): { id: string; name: Text }[] {
  const seen = new Map<string, Text>(nationalTypes);
  for (const p of cat.list) for (const [id, name] of p.types) if (!seen.has(id)) seen.set(id, name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

export const isNationalKey = (key: string) => key === NATIONAL_KEY;
