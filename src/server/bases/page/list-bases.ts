import { and, asc, count, desc, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BaseListItem, BaseListQuery, GradeId } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { organizations } from '../../organizations/tables.js';
import { assessmentResults } from '../assessment/tables.js';
import { baseScope } from '../scope.js';
import { bases } from '../tables.js';

const host = alias(organizations, 'host');
const recommender = alias(organizations, 'recommender');

function filters(q: BaseListQuery): SQL[] {
  const out: SQL[] = [];
  if (q.type) out.push(eq(bases.typeId, q.type));
  if (q.status) out.push(eq(bases.status, q.status));
  if (q.province) {
    // xx or xx0000: the whole province; any other six-digit code: that region exactly.
    const whole = q.province.length === 2 || q.province.endsWith('0000');
    out.push(whole ? like(bases.regionCode, `${q.province.slice(0, 2)}%`) : eq(bases.regionCode, q.province));
  }
  if (q.field) out.push(sql`${bases.fields} @> ${JSON.stringify([q.field])}::jsonb`);
  if (q.year) out.push(sql`extract(year from ${bases.recognizedOn}) = ${q.year}`);
  if (q.q) {
    const pattern = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    out.push(or(ilike(bases.nameZh, pattern), ilike(bases.nameEn, pattern), ilike(host.nameZh, pattern), eq(bases.code, q.q))!);
  }
  return out;
}

export const baseListColumns = {
  id: bases.id, code: bases.code, nameZh: bases.nameZh, nameEn: bases.nameEn, typeId: bases.typeId, status: bases.status,
  statusChangedOn: bases.statusChangedOn, hostOrgId: bases.hostOrgId, hostNameZh: host.nameZh, hostNameEn: host.nameEn,
  recommenderId: bases.recommenderId, recommenderNameZh: recommender.nameZh, recommenderNameEn: recommender.nameEn, regionCode: bases.regionCode, fields: bases.fields,
  recognizedOn: bases.recognizedOn,
};

/** Bases in the actor's scope, filtered; `limit` lifts paging for the Excel export. */
export async function listBases(db: Db, actor: Actor, q: BaseListQuery, limit?: number): Promise<{ items: BaseListItem[]; total: number; page: number; pageSize: number }> {
  const where = and(baseScope(actor, 'read'), ...filters(q));
  const pageSize = limit ?? q.pageSize;
  const rows = await db.select(baseListColumns).from(bases)
    .innerJoin(host, eq(host.id, bases.hostOrgId))
    .leftJoin(recommender, eq(recommender.id, bases.recommenderId))
    .where(where)
    .orderBy(asc(bases.typeId), asc(bases.code))
    .limit(pageSize)
    .offset(limit ? 0 : (q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(bases).innerJoin(host, eq(host.id, bases.hostOrgId)).where(where);
  const last = await lastResults(db, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...r, lastResult: last.get(r.id) ?? null })), total: total?.n ?? 0, page: q.page, pageSize };
}

/** The latest result of each base (a13.s2: the history travels with the base). */
async function lastResults(db: Db, ids: string[]) {
  const out = new Map<string, { year: number; grade: GradeId; score: number | null }>();
  if (!ids.length) return out;
  const rows = await db.selectDistinctOn([assessmentResults.baseId], { baseId: assessmentResults.baseId, year: assessmentResults.year, grade: assessmentResults.grade, score: assessmentResults.score })
    .from(assessmentResults).where(inArray(assessmentResults.baseId, ids)).orderBy(assessmentResults.baseId, desc(assessmentResults.year));
  for (const r of rows) out.set(r.baseId, { year: r.year, grade: r.grade as GradeId, score: r.score });
  return out;
}
