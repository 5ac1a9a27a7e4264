// The alliance's rules on real data: who sees member-only data (a non-member's 404), who may join
// (a18.s1), who decides (a18.s2), a revoked base leaving automatically, a20.s1 links in scope,
// and every state change audited in its own transaction.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { signInAs, testApp, type TestApp } from '../testing/app.js';
import { auditLog } from '../platform/audit/tables.js';
import { userRoles, users } from '../accounts/tables.js';
import { bases } from '../bases/tables.js';
import { allianceMemberships } from './tables.js';

type Session = Awaited<ReturnType<typeof signInAs>>;

describeEachDb('the bases’ alliance: membership, scope and audit (a18.s1, a18.s2, a20.s1)', (getDb) => {
  let app: TestApp;
  const s = {} as Record<'secretariat' | 'moist' | 'tsinghua' | 'hit' | 'hust' | 'sichuan' | 'scu', Session>;
  const base = {} as Record<'tsinghua' | 'hit' | 'hust' | 'scu', string>;
  const db = () => getDb().db;
  const audited = async (action: string, entityId: string) =>
    (await db().select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))).length;

  beforeAll(async () => {
    app = await testApp(getDb());
    for (const u of Object.keys({ secretariat: 1, moist: 1, tsinghua: 1, hit: 1, hust: 1, sichuan: 1, scu: 1 }) as (keyof typeof s)[]) s[u] = await signInAs(app, u);
    const rows = await db().select({ id: bases.id, code: bases.code }).from(bases).where(inArray(bases.code, ['GH-2012-JRC-0001', 'GH-2014-DB-0001', 'GH-2016-DB-0001', 'GH-2013-JRC-0001']));
    const code = (c: string) => rows.find((r) => r.code === c)!.id;
    Object.assign(base, { tsinghua: code('GH-2012-JRC-0001'), hit: code('GH-2014-DB-0001'), hust: code('GH-2016-DB-0001'), scu: code('GH-2013-JRC-0001') });
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (who: Session, url: string) => app.inject({ method: 'GET', url, headers: who.headers });
  const post = (who: Session, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });

  it('a18.s1: member-only data is a 404 to a non-member base and to a recommending department, data to members, the secretariat and the ministry', async () => {
    for (const url of ['/api/alliance/members', '/api/alliance/groups', '/api/alliance/resources', '/api/alliance/announcements', '/api/alliance/events']) {
      for (const who of [s.hit, s.sichuan]) {
        const res = await get(who, url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('清华');
      }
      for (const who of [s.tsinghua, s.secretariat, s.moist]) expect((await get(who, url)).statusCode, url).toBe(200);
    }
    const members = (await get(s.tsinghua, '/api/alliance/members')).json() as { code: string }[];
    expect(members.map((m) => m.code)).toContain('GH-2012-JRC-0001');
    expect(members.map((m) => m.code)).not.toContain('GH-2014-DB-0001');
    // An expert has no alliance cell at all.
    const expert = await signInAs(app, 'expert01');
    expect((await get(expert, '/api/alliance/overview')).statusCode).toBe(403);
  });

  it('a18.s1: a non-member sees its own standing and may apply; a notified base may not; another’s base is a 404', async () => {
    const ov = (await get(s.hit, '/api/alliance/overview')).json();
    expect(ov.role).toBe('non_member');
    expect(ov.counts).toBeNull();
    expect(ov.bases.find((b: { baseId: string }) => b.baseId === base.hit).join.met).toBe(true);
    const notified = await post(s.hust, '/api/alliance/memberships', { baseId: base.hust });
    expect(notified.statusCode).toBe(422);
    expect(notified.json().error.clause).toBe('a18.s1');
    expect((await post(s.tsinghua, '/api/alliance/memberships', { baseId: base.hit })).statusCode).toBe(404);
    const again = await post(s.tsinghua, '/api/alliance/memberships', { baseId: base.tsinghua });
    expect(again.statusCode).toBe(422);
  });

  it('a18.s2: the secretariat admits; the base cannot decide its own application; each step is audited', async () => {
    const applied = await post(s.hit, '/api/alliance/memberships', { baseId: base.hit, statement: '申请加入' });
    expect(applied.statusCode).toBe(201);
    const m = applied.json();
    expect(m.status).toBe('applied');
    expect(await audited('alliance.membership.apply', m.id)).toBe(1);
    expect((await post(s.hit, '/api/alliance/memberships', { baseId: base.hit })).statusCode).toBe(422);
    expect((await post(s.hit, `/api/alliance/memberships/${m.id}/accept`, { version: m.version })).statusCode).toBe(403);
    expect((await post(s.moist, `/api/alliance/memberships/${m.id}/accept`, { version: m.version })).statusCode).toBe(403);
    // Still a non-member until admitted.
    expect((await get(s.hit, '/api/alliance/members')).statusCode).toBe(404);
    const pending = (await get(s.secretariat, '/api/alliance/memberships?status=applied')).json() as { id: string }[];
    expect(pending.map((p) => p.id)).toContain(m.id);
    const stale = await post(s.secretariat, `/api/alliance/memberships/${m.id}/accept`, { version: m.version + 5 });
    expect(stale.statusCode).toBe(409);
    const accepted = await post(s.secretariat, `/api/alliance/memberships/${m.id}/accept`, { version: m.version, note: '同意' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('member');
    expect(await audited('alliance.membership.accept', m.id)).toBe(1);
    expect((await get(s.hit, '/api/alliance/members')).statusCode).toBe(200);
    // Leaving: the base itself; then member data is gone again.
    const left = await post(s.hit, `/api/alliance/memberships/${m.id}/leave`, { version: accepted.json().version, reason: '调整' });
    expect(left.statusCode).toBe(200);
    expect(left.json().status).toBe('left');
    expect(await audited('alliance.membership.leave', m.id)).toBe(1);
    expect((await get(s.hit, '/api/alliance/members')).statusCode).toBe(404);
  });

  it('a18.s2: a decline needs a reason and leaves no half-written state', async () => {
    const m = (await post(s.hit, '/api/alliance/memberships', { baseId: base.hit })).json();
    const noReason = await post(s.secretariat, `/api/alliance/memberships/${m.id}/decline`, { version: m.version, note: '' });
    expect(noReason.statusCode).toBe(422);
    const [row] = await db().select().from(allianceMemberships).where(eq(allianceMemberships.id, m.id));
    expect(row!.status).toBe('applied');
    expect(row!.version).toBe(m.version);
    expect(await audited('alliance.membership.decline', m.id)).toBe(0);
    const declined = await post(s.secretariat, `/api/alliance/memberships/${m.id}/decline`, { version: m.version, note: '材料不全' });
    expect(declined.json().status).toBe('declined');
  });

  it('a18.s1: a revoked base leaves the alliance in the revocation’s own transaction', async () => {
    const [open] = await db().select().from(allianceMemberships).where(and(eq(allianceMemberships.baseId, base.scu), eq(allianceMemberships.status, 'member')));
    expect(open).toBeDefined();
    // The base was notified (a13.s3) — set directly here; the notice procedure has its own tests.
    await db().update(bases).set({ status: 'notified' }).where(eq(bases.id, base.scu));
    expect((await post(s.moist, `/api/bases/${base.scu}/violations`, { on: '2026-03-01', serious: true, description: '严重违规行为' })).statusCode).toBe(200);
    expect((await post(s.moist, `/api/bases/${base.scu}/revoke`, { documentNumber: '国科发外〔2026〕99号', on: '2026-04-01' })).statusCode).toBe(200);
    const [after] = await db().select().from(allianceMemberships).where(eq(allianceMemberships.id, open!.id));
    expect(after).toMatchObject({ status: 'removed', leftOn: '2026-04-01' });
    expect(await audited('alliance.membership.remove_revoked', open!.id)).toBe(1);
    expect((await get(s.scu, '/api/alliance/members')).statusCode).toBe(404);
    const members = (await get(s.secretariat, '/api/alliance/members')).json() as { baseId: string }[];
    expect(members.map((x) => x.baseId)).not.toContain(base.scu);
  });

  it('a20.s1: the host and its recommending department record links; another department’s guess is a 404; the reading follows', async () => {
    const before = (await get(s.tsinghua, `/api/alliance/bases/${base.hit}/alignment`));
    expect(before.statusCode).toBe(404);
    const start = (await get(s.hit, `/api/alliance/bases/${base.hit}/alignment`)).json();
    expect(start.verdict).toMatchObject({ met: false, clause: 'a20.s1' });
    // The base's own recommending department (whoever it is in the demo) records a programme link.
    const [{ recommenderId } = { recommenderId: null }] = await db().select({ recommenderId: bases.recommenderId }).from(bases).where(eq(bases.id, base.hit));
    const [rec] = await db().select({ username: users.username }).from(users).innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(and(eq(users.orgId, recommenderId!), eq(userRoles.role, 'recommender_officer'))).limit(1);
    const prog = await post(await signInAs(app, rec!.username), '/api/alliance/links', { baseId: base.hit, kind: 'local_programme', name: '部门国际科技合作计划' });
    expect(prog.statusCode).toBe(201);
    const byHost = await post(s.hit, '/api/alliance/links', { baseId: base.hit, kind: 'department_programme', name: '工业和信息化部国际合作专项' });
    expect(byHost.statusCode).toBe(201);
    expect(await audited('alliance.link.add', byHost.json().id)).toBe(1);
    const badPartner = await post(s.hit, '/api/alliance/links', { baseId: base.hit, kind: 'iur_partner', name: '哈电集团' });
    expect(badPartner.statusCode).toBe(400);
    expect(JSON.stringify(badPartner.json().error)).toContain('partnerKind');
    expect((await post(s.sichuan, '/api/alliance/links', { baseId: base.hit, kind: 'local_programme', name: '四川省计划' })).statusCode).toBe(404);
    expect((await post(s.hit, '/api/alliance/links', { baseId: base.hit, kind: 'iur_partner', name: '哈尔滨电气集团', partnerKind: 'enterprise' })).statusCode).toBe(201);
    const end = (await get(s.hit, `/api/alliance/bases/${base.hit}/alignment`)).json();
    expect(end.verdict.met).toBe(true);
  });
});
