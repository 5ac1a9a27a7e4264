// Excel import and export of the pool. One column list serves both, so an exported file is a
// valid import template; import matches columns by the key in the header, not by position.
import ExcelJS from 'exceljs';
import { inArray } from 'drizzle-orm';
import { priorityFields } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import type { Sm4KeyRing } from '../../platform/crypto/sm.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { toXlsx, type Column } from '../../platform/excel/export.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { users } from '../../accounts/tables.js';
import { organizations } from '../../organizations/tables.js';
import { isRegionCode } from '../../organizations/registry/regions.js';
import { expertScope } from '../scope.js';
import { ZExpertInvite, ZExpertStatus } from '../../../contracts/review.js';
import { expertQuery, toExperts, type Expert } from './expert-view.js';
import { insertPendingExpert, requireInviter, type NewExpert } from './invite-expert.js';

const LIST = /[,，、;；\n]+/;
const list = (s: string) => s.split(LIST).map((x) => x.trim()).filter(Boolean);
const fieldId = (s: string) => priorityFields.find((f) => f.id === s || f.name.zh === s || f.name.en.toLowerCase() === s.toLowerCase())?.id;
const STATUS_ZH: Record<string, string> = { 在库: 'active', 暂停: 'paused', 退出: 'retired' };

type Key = 'username' | 'name' | 'uscc' | 'institution' | 'region' | 'title' | 'fields' | 'keywords' | 'languages' | 'foreign' | 'email' | 'phone' | 'status' | 'reviews';
const COLUMNS: { key: Key; zh: string; value: (e: Expert & { uscc: string | null }) => string | number | null; importable: boolean }[] = [
  { key: 'username', zh: '用户名', value: (e) => e.username, importable: true },
  { key: 'name', zh: '姓名', value: (e) => e.name, importable: true },
  { key: 'uscc', zh: '单位统一社会信用代码', value: (e) => e.uscc, importable: true },
  { key: 'institution', zh: '单位名称', value: (e) => e.org.nameZh, importable: false },
  { key: 'region', zh: '地区代码', value: (e) => e.regionCode, importable: true },
  { key: 'title', zh: '职称', value: (e) => e.title, importable: true },
  { key: 'fields', zh: '领域', value: (e) => e.fields.map((f) => priorityFields.find((p) => p.id === f)?.name.zh ?? f).join('、'), importable: true },
  { key: 'keywords', zh: '关键词', value: (e) => e.keywords.join('、'), importable: true },
  { key: 'languages', zh: '外语', value: (e) => e.languages.join('、'), importable: true },
  { key: 'foreign', zh: '国外经历', value: (e) => e.foreignExperience, importable: true },
  { key: 'email', zh: '邮箱', value: (e) => e.contact.email, importable: true },
  { key: 'phone', zh: '手机', value: (e) => e.contact.phone, importable: true },
  { key: 'status', zh: '状态', value: (e) => e.status, importable: true },
  { key: 'reviews', zh: '评审次数', value: (e) => e.history.submitted, importable: false },
];
const unmasked = (s: string | undefined) => (s && !s.includes('*') ? s : undefined);
const header = (c: (typeof COLUMNS)[number]) => `${c.zh} ${c.key}`;

export async function exportExperts(db: Db, actor: Actor, ring?: Sm4KeyRing): Promise<Buffer> {
  const scope = scopeFor(actor.roles, 'expert', 'read');
  if (!scope || scope === 'self') throw new AppError('forbidden');
  const rows = await expertQuery(db).where(expertScope(actor, 'read')).orderBy(users.username);
  const experts = await toExperts(db, rows, ring);
  const usccs = new Map(rows.map((r) => [r.org.id, r.org.uscc]));
  const columns: Column<Expert & { uscc: string | null }>[] = COLUMNS.map((c) => ({ header: header(c), value: c.value }));
  return toXlsx('专家库 experts', columns, experts.map((e) => ({ ...e, uscc: usccs.get(e.org.id) ?? null })));
}

/** A cell as text: ExcelJS gives rich text, hyperlinks (e-mail cells) and formulas as objects. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

type RowReport = { row: number; username: string | null; ok: boolean; errors: { column: string; message: string }[]; expertId: string | null; token: string | null };

/**
 * Validate every row first (lookups in bulk), then insert all good rows in one transaction: a bad
 * row is named and skipped, good rows are kept, and a failure while inserting rolls back the whole
 * file, so nothing is ever half-imported.
 */
export async function importExperts(db: Db, actor: Actor, audit: AuditActor, ring: Sm4KeyRing, file: Buffer) {
  requireInviter(actor);
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(file as unknown as ArrayBuffer); } catch { throw new AppError('import_unreadable'); }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('import_unreadable');
  // row.values is 1-based: index 0 is always empty.
  const head = Array.from(ws.getRow(1).values as ExcelJS.CellValue[], (v) => cellText(v).toLowerCase());
  const col = new Map<Key, number>();
  for (const c of COLUMNS.filter((c) => c.importable)) {
    const i = head.findIndex((h) => h.split(/\s+/).includes(c.key) || h === c.zh);
    if (i > 0) col.set(c.key, i);
  }
  for (const k of ['username', 'name', 'uscc', 'fields'] as const) {
    if (!col.has(k)) throw new AppError('import_unreadable', { data: { missingColumn: k } });
  }

  const parsed: { row: number; values: Partial<Record<Key, string>> }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells = row.values as ExcelJS.CellValue[];
    const values: Partial<Record<Key, string>> = {};
    for (const [k, i] of col) values[k] = cellText(cells[i]);
    if (Object.values(values).some((v) => v)) parsed.push({ row: n, values });
  });

  const usernames = parsed.map((p) => p.values.username ?? '').filter(Boolean);
  const taken = new Set(usernames.length ? (await db.select({ u: users.username }).from(users).where(inArray(users.username, usernames))).map((r) => r.u) : []);
  const usccs = parsed.map((p) => (p.values.uscc ?? '').toUpperCase()).filter(Boolean);
  const orgByUscc = new Map(usccs.length ? (await db.select({ id: organizations.id, uscc: organizations.uscc }).from(organizations).where(inArray(organizations.uscc, usccs))).map((o) => [o.uscc!, o.id]) : []);
  const seen = new Map<string, number>();

  const reports: RowReport[] = [];
  const good: { report: RowReport; expert: NewExpert }[] = [];
  for (const { row, values: v } of parsed) {
    const errors: RowReport['errors'] = [];
    const bad = (column: Key, message: string) => errors.push({ column: header(COLUMNS.find((c) => c.key === column)!), message });
    const username = v.username ?? '';
    if (taken.has(username)) bad('username', `用户名已存在 / username ${username} is taken`);
    const firstRow = seen.get(username);
    if (username && firstRow !== undefined) bad('username', `与第 ${firstRow} 行重复 / duplicate of row ${firstRow}`);
    if (username) seen.set(username, firstRow ?? row);
    const orgId = orgByUscc.get((v.uscc ?? '').toUpperCase());
    if (!orgId) bad('uscc', `未找到该统一社会信用代码的单位 / no organization with USCC ${v.uscc ?? ''}`);
    const fieldNames = list(v.fields ?? '');
    const fields = fieldNames.map(fieldId);
    fieldNames.forEach((f, i) => { if (!fields[i]) bad('fields', `未知领域 / unknown field "${f}" (a15.s1)`); });
    if (v.region && !isRegionCode(v.region)) bad('region', `未知地区代码 / unknown region code ${v.region}`);
    const status = v.status ? (STATUS_ZH[v.status] ?? v.status) : 'active';
    if (!ZExpertStatus.safeParse(status).success) bad('status', `状态须为 在库/暂停/退出 / status must be active, paused or retired`);
    const candidate = {
      username, name: v.name ?? '', orgId: orgId ?? '00000000-0000-4000-8000-000000000000', title: v.title || undefined,
      fields: fields.filter((f): f is NonNullable<typeof f> => !!f), keywords: list(v.keywords ?? ''), // An exported file carries masked contacts (x***@…): those are left out, not refused.
      email: unmasked(v.email), phone: unmasked(v.phone),
    };
    const check = ZExpertInvite.safeParse(candidate);
    if (!check.success) {
      const byPath: Record<string, Key> = { username: 'username', name: 'name', fields: 'fields', keywords: 'keywords', email: 'email', phone: 'phone', title: 'title' };
      for (const issue of check.error.issues) {
        const k = byPath[String(issue.path[0])];
        if (k && !(k === 'fields' && errors.some((e) => e.column.endsWith('fields')))) bad(k, issue.message);
      }
    }
    const report: RowReport = { row, username: username || null, ok: errors.length === 0, errors, expertId: null, token: null };
    reports.push(report);
    if (report.ok && check.success) {
      good.push({ report, expert: { ...check.data, languages: list(v.languages ?? ''), foreignExperience: v.foreign || null, regionCode: v.region || null, status } });
    }
  }

  await db.transaction(async (tx) => {
    for (const g of good) {
      const out = await insertPendingExpert(tx, actor, ring, g.expert);
      g.report.expertId = out.expertId;
      g.report.token = out.token;
    }
    await recordAudit(tx, audit, { action: 'expert.import', entityType: 'expert', scopeOrgId: actor.orgId,
      after: { imported: good.map((g) => g.expert.username), rejectedRows: reports.filter((r) => !r.ok).map((r) => r.row) } });
  });
  return { imported: good.length, failed: reports.length - good.length, rows: reports };
}
