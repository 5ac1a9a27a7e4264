// The directory of bases (a19.s1) by programme, type, province, field (a15.s1) and year. Public
// fields only: every query here selects an explicit allow-list of columns, so a column that is not
// listed (USCC, ids, scope columns, documents, plaques, status history…) never leaves the database.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { bases } from '../bases/tables.js';
import { organizations } from '../organizations/tables.js';
import { isFieldId } from '../../regulation/index.js';
import { isProvinceCode } from './catalog.js';

/** Bases the public sees: recognized and not revoked (a notified base is still a base, a13.s3). */
export const PUBLIC_STATUSES = ['active', 'notified'] as const;

export interface DirectoryFilters {
  q?: string;
  programme?: string;
  type?: string;
  /** Provincial-level code, xx0000. */
  province?: string;
  field?: string;
  year?: number;
}

export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Parse a query string leniently: an unknown value is dropped (a public form never answers 400). */
export function parseFilters(query: Record<string, unknown>): { filters: DirectoryFilters; page: number; pageSize: number } {
  const str = (k: string) => (typeof query[k] === 'string' ? (query[k] as string).trim() : '');
  const f: DirectoryFilters = {};
  const q = str('q').slice(0, 100);
  if (q) f.q = q;
  const programme = str('programme');
  if (/^[\w.-]{1,80}@[\w.-]{1,40}$/.test(programme)) f.programme = programme;
  const type = str('type');
  if (/^[a-z0-9_]{1,60}$/.test(type)) f.type = type;
  const province = str('province');
  if (isProvinceCode(province)) f.province = province;
  const field = str('field');
  if (isFieldId(field)) f.field = field;
  const year = Number(str('year'));
  if (Number.isInteger(year) && year >= 1990 && year <= 2100) f.year = year;
  const pageN = Number(str('page'));
  const page = Number.isInteger(pageN) && pageN >= 1 && pageN <= 10_000 ? pageN : 1;
  const sizeN = Number(str('pageSize'));
  const pageSize = Number.isInteger(sizeN) && sizeN >= 1 && sizeN <= MAX_PAGE_SIZE ? sizeN : PAGE_SIZE;
  return { filters: f, page, pageSize };
}

/** The canonical query string of filters (stable order), for links and cache keys. */
export function filterQuery(f: DirectoryFilters, extra: Record<string, string | number | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const k of ['q', 'programme', 'type', 'province', 'field', 'year'] as const) if (f[k] !== undefined) p.set(k, String(f[k]));
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function publicConditions(f: DirectoryFilters): SQL {
  const conds: (SQL | undefined)[] = [inArray(bases.status, [...PUBLIC_STATUSES])];
  if (f.programme) conds.push(eq(bases.programmeKey, f.programme));
  if (f.type) conds.push(eq(bases.typeId, f.type));
  if (f.province) conds.push(sql`left(${bases.regionCode}, 2) = ${f.province.slice(0, 2)}`);
  if (f.field) conds.push(sql`${bases.fields} @> ${JSON.stringify([f.field])}::jsonb`);
  if (f.year) conds.push(sql`${bases.recognizedOn} >= ${`${f.year}-01-01`}::date and ${bases.recognizedOn} < ${`${f.year + 1}-01-01`}::date`);
  if (f.q) {
    const p = `%${likeEscape(f.q)}%`;
    conds.push(sql`(${bases.nameZh} ilike ${p} or ${bases.nameEn} ilike ${p} or ${bases.code} ilike ${p} or ${organizations.nameZh} ilike ${p} or ${organizations.nameEn} ilike ${p})`);
  }
  return and(...conds)!;
}

/** The public projection of a base: the allow-list. */
export const publicBaseColumns = {
  code: bases.code,
  nameZh: bases.nameZh,
  nameEn: bases.nameEn,
  programmeKey: bases.programmeKey,
  typeId: bases.typeId,
  hostZh: organizations.nameZh,
  hostEn: organizations.nameEn,
  /** Two-digit province prefix only: the county code stays private. */
  provincePrefix: sql<string | null>`left(${bases.regionCode}, 2)`.as('province_prefix'),
  fields: bases.fields,
  year: sql<number>`extract(year from ${bases.recognizedOn})::int`.as('year'),
  /** Partner countries only, not the partners' records. */
  countries: sql<string[]>`coalesce((select jsonb_agg(c order by c) from (select distinct p->>'country' as c from jsonb_array_elements(${bases.foreignPartners}) p) s where c is not null), '[]'::jsonb)`.as('countries'),
};

export type PublicBase = {
  code: string; nameZh: string; nameEn: string; programmeKey: string; typeId: string; hostZh: string; hostEn: string;
  provincePrefix: string | null; fields: string[]; year: number; countries: string[];
};

/**
 * The directory query, one statement: the page of bases with the total by a window count, chosen
 * on cheap columns first; the partner countries (a JSON walk per row) are computed for that page
 * only, not for every matching base.
 */
export function directoryQuery(db: Db, f: DirectoryFilters, page: number, pageSize: number) {
  const chosen = db
    .select({ id: bases.id, recognizedOn: bases.recognizedOn, code: bases.code, total: sql<number>`count(*) over ()::int`.as('total') })
    .from(bases)
    .innerJoin(organizations, eq(organizations.id, bases.hostOrgId))
    .where(publicConditions(f))
    .orderBy(desc(bases.recognizedOn), asc(bases.code))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as('chosen');
  return db
    .select({ ...publicBaseColumns, total: chosen.total })
    .from(chosen)
    .innerJoin(bases, eq(bases.id, chosen.id))
    .innerJoin(organizations, eq(organizations.id, bases.hostOrgId))
    .orderBy(desc(chosen.recognizedOn), asc(chosen.code));
}

export async function listDirectory(db: Db, f: DirectoryFilters, page: number, pageSize: number): Promise<{ items: PublicBase[]; total: number }> {
  const rows = await directoryQuery(db, f, page, pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) total = await countDirectory(db, f);
  return { items: rows.map(({ total: _t, ...b }) => b), total };
}

export async function countDirectory(db: Db, f: DirectoryFilters): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(bases).innerJoin(organizations, eq(organizations.id, bases.hostOrgId)).where(publicConditions(f));
  return row?.n ?? 0;
}

/** Every matching base (open data export), capped. */
export async function allDirectory(db: Db, f: DirectoryFilters, cap = 20_000): Promise<PublicBase[]> {
  return db.select(publicBaseColumns).from(bases).innerJoin(organizations, eq(organizations.id, bases.hostOrgId))
    .where(publicConditions(f)).orderBy(desc(bases.recognizedOn), asc(bases.code)).limit(cap);
}

export async function publicBaseByCode(db: Db, code: string): Promise<(PublicBase & { id: string }) | undefined> {
  // The id is needed to find the base's published items; it is dropped before rendering.
  const [row] = await db.select({ ...publicBaseColumns, id: bases.id }).from(bases).innerJoin(organizations, eq(organizations.id, bases.hostOrgId))
    .where(and(eq(bases.code, code), inArray(bases.status, [...PUBLIC_STATUSES])));
  return row;
}

/** Counts per province prefix and per type, for the map and the home page. */
export async function countsByProvince(db: Db, f: DirectoryFilters): Promise<Map<string, number>> {
  const rows = await db.select({ p: sql<string | null>`left(${bases.regionCode}, 2)`, n: sql<number>`count(*)::int` })
    .from(bases).innerJoin(organizations, eq(organizations.id, bases.hostOrgId)).where(publicConditions(f)).groupBy(sql`1`);
  return new Map(rows.filter((r) => r.p).map((r) => [r.p!, r.n]));
}

export async function countsByType(db: Db): Promise<{ programmeKey: string; typeId: string; n: number }[]> {
  return db.select({ programmeKey: bases.programmeKey, typeId: bases.typeId, n: sql<number>`count(*)::int` })
    .from(bases).where(inArray(bases.status, [...PUBLIC_STATUSES])).groupBy(bases.programmeKey, bases.typeId).orderBy(bases.programmeKey, bases.typeId);
}

/** Programme keys that have public bases (the programme filter's options). */
export async function programmesInUse(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ k: bases.programmeKey }).from(bases).where(inArray(bases.status, [...PUBLIC_STATUSES])).orderBy(bases.programmeKey);
  return rows.map((r) => r.k);
}

export async function yearsInUse(db: Db): Promise<number[]> {
  const rows = await db.selectDistinct({ y: sql<number>`extract(year from ${bases.recognizedOn})::int` }).from(bases).where(inArray(bases.status, [...PUBLIC_STATUSES])).orderBy(sql`1 desc`);
  return rows.map((r) => r.y);
}
