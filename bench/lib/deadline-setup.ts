// Set-up of `npm run bench:deadline`: applicant accounts in the demo institutions (SQL), open calls
// (API, as 国际合作司), one draft per applicant (API), the submitters (those the form says may file).
import pg from 'pg';
import { addDays, beijingDateOf } from '../../src/regulation/index.js';
import { call, signIn, type Session } from './deadline-http.js';

export const TYPES = ['joint_research_center', 'tech_transfer_center', 'demonstration_base'] as const;

export interface Applicant { session: Session; appId: string; version: number; submitter: boolean }

/** Runs `fn` over `items` with at most `n` at a time. */
export async function pool<T, R>(items: T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i]!, i); }
  }));
  return out;
}

/** `count` institution users spread over the demo institutions; the password hash is the demo one. */
export async function createApplicantAccounts(url: string, count: number): Promise<{ usernames: string[]; orgs: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: orgs } = await client.query<{ org_id: string; hash: string }>(
      `select distinct on (u.org_id) u.org_id, u.password_hash as hash from users u join user_roles r on r.user_id = u.id
       where r.role = 'institution_user' and u.status = 'active' order by u.org_id, u.username`);
    if (orgs.length === 0) throw new Error('no institution users in the demo data');
    const usernames: string[] = [];
    for (let i = 0; i < count; i++) {
      const o = orgs[i % orgs.length]!;
      const username = `deadline-${String(i).padStart(3, '0')}`;
      const { rows } = await client.query<{ id: string }>(
        `insert into users (org_id, username, display_name, password_hash) values ($1, $2, $3, $4) returning id`, [o.org_id, username, `申报人${i}`, o.hash]);
      await client.query(`insert into user_roles (user_id, role) values ($1, 'institution_user')`, [rows[0]!.id]);
      usernames.push(username);
    }
    return { usernames, orgs: orgs.length };
  } finally {
    await client.end();
  }
}

/** Open calls enough for one draft per applicant: an institution may hold one per (call, type). */
export async function openCalls(base: string, ministry: Session, n: number): Promise<string[]> {
  const today = beijingDateOf(new Date());
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const created = await call(base, ministry, 'POST', '/api/recognition/calls', {
      year: Number(today.slice(0, 4)), titleZh: `截止前压力测试批次 ${i + 1}`, titleEn: `Deadline bench call ${i + 1}`, typeIds: [...TYPES],
      opensOn: addDays(today, -30), deadlineOn: addDays(today, 1),
    });
    if (created.status !== 201) throw new Error(`create call → ${created.status}: ${created.text.slice(0, 300)}`);
    const c = created.json<{ id: string; version: number }>();
    const opened = await call(base, ministry, 'POST', `/api/recognition/calls/${c.id}/open`, { version: c.version });
    if (opened.status !== 200) throw new Error(`open call → ${opened.status}: ${opened.text.slice(0, 300)}`);
    ids.push(c.id);
  }
  return ids;
}

/** One draft per applicant: the applicant's organization tries (call, type) slots until one is free. */
export async function createDrafts(base: string, sessions: Session[], callIds: string[], orgsCount: number): Promise<Applicant[]> {
  const slots = callIds.flatMap((callId) => TYPES.map((typeId) => ({ callId, typeId })));
  const taken = new Map<number, Set<number>>();
  const drafts = await pool(sessions, 6, async (session, i) => {
    const org = i % orgsCount;
    const used = taken.get(org) ?? new Set<number>();
    taken.set(org, used);
    for (let s = 0; s < slots.length; s++) {
      if (used.has(s)) continue;
      used.add(s);
      const slot = slots[s]!;
      const r = await call(base, session, 'POST', '/api/recognition/applications', { callId: slot.callId, typeId: slot.typeId, title: `${session.username} 国际科技合作基地申报` });
      if (r.status === 201) {
        const a = r.json<{ id: string; version: number }>();
        return { session, appId: a.id, version: a.version, submitter: false };
      }
    }
    throw new Error(`no free (call, type) slot for ${session.username}`);
  });
  return drafts;
}

/** Marks up to `n` applicants whose form says they may file now as submitters; counts why others may not. */
export async function pickSubmitters(base: string, applicants: Applicant[], n: number): Promise<{ picked: number; blocked: Map<string, number> }> {
  let picked = 0;
  const blocked = new Map<string, number>();
  for (const a of applicants) {
    if (picked >= n) break;
    const r = await call(base, a.session, 'GET', `/api/recognition/applications/${a.appId}/form`);
    const e = r.status === 200 ? r.json<{ eligibility: { allowed: boolean; blocking: { code: string; clause: string } | null } }>().eligibility : null;
    if (e?.allowed) { a.submitter = true; picked++; continue; }
    const why = e?.blocking ? `${e.blocking.code} ${e.blocking.clause}` : `form ${r.status}`;
    blocked.set(why, (blocked.get(why) ?? 0) + 1);
  }
  return { picked, blocked };
}
