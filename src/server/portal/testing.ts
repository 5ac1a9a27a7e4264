// Helpers for the portal's integration tests.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { bases } from '../bases/tables.js';
import { userRoles, users } from '../accounts/tables.js';
import { organizations } from '../organizations/tables.js';
import { PUBLIC_STATUSES } from './directory.js';

/** A public demo base whose host has an institution user: the base, its code and the username. */
export async function baseWithUser(db: Db, not: string[] = []) {
  const rows = await db.select({ id: bases.id, code: bases.code, nameZh: bases.nameZh, hostOrgId: bases.hostOrgId, username: users.username })
    .from(bases).innerJoin(users, eq(users.orgId, bases.hostOrgId)).innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'institution_user')))
    .where(inArray(bases.status, [...PUBLIC_STATUSES])).orderBy(bases.code);
  const row = rows.find((r) => !not.includes(r.username) && rows.filter((x) => x.username === r.username).length === 1);
  if (!row) throw new Error('no demo base with an institution user');
  return row;
}

/** Insert an organization and a base directly (what the demo does not have). */
export async function insertPublicBase(db: Db, o: { hostNameZh: string; hostNameEn?: string; uscc?: string; regionCode: string; base: Partial<typeof bases.$inferInsert> & { code: string; nameZh: string } }) {
  const [org] = await db.insert(organizations).values({ kind: 'university', nameZh: o.hostNameZh, nameEn: o.hostNameEn ?? '', uscc: o.uscc ?? null, regionCode: o.regionCode, country: 'CN' }).returning();
  const [b] = await db.insert(bases).values({ programmeKey: 'most-bases@2011', typeId: 'joint_research_center', recognizedOn: '2020-05-01', fields: [], ...o.base, hostOrgId: org!.id, regionCode: o.regionCode }).returning();
  return { org: org!, base: b! };
}

/** The truth the directory must show, counted straight from the table. */
export async function countPublic(db: Db, where: ReturnType<typeof sql>): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(bases).innerJoin(organizations, eq(organizations.id, bases.hostOrgId))
    .where(and(inArray(bases.status, [...PUBLIC_STATUSES]), where));
  return r!.n;
}

/** Minimal CSV (RFC 4180) reader for assertions. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r') continue;
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Well-formedness of simple XML (no DTD): every tag closed in order, entities known, one root. */
export function checkXml(xml: string): string | null {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = re.exec(body))) {
    if (m[0] === '<') return `stray '<' at ${m.index}`;
    if (m[0] === '&') return `bare '&' at ${m.index}`;
    const [, close, name, , selfClose] = m;
    if (close) { if (stack.pop() !== name) return `mismatched </${name}> at ${m.index}`; }
    else if (!selfClose) { if (stack.length === 0) roots++; stack.push(name!); }
  }
  if (stack.length) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? null : `${roots} root elements`;
}
