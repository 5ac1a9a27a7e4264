// Every conflict rule (回避) end to end through the API: the facts are recorded through the
// module's routes, a proposal is computed, and the explanation names the rule that excluded each
// expert; an adjustment putting the expert back is refused. Configured rules on both sides of N.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/db.js';
import { signInAs, testApp, type TestApp } from '../testing/app.js';
import { organizations } from '../organizations/tables.js';
import { provinceOf } from '../organizations/registry/regions.js';
import { createApplication, createCall, institutionsWithoutExperts, usersByName, YEAR } from './testing/fixtures.js';
import { eq } from 'drizzle-orm';

type Headers = Record<string, string>;

describeEachDb('conflict rules through the API (回避)', (getDb) => {
  let app: TestApp;
  let moist: Headers;
  let roundId = '';
  let appA = '', appB = '';
  const id = new Map<string, string>();
  let sameProvinceExpert = '';
  let sameProvinceCandidates: string[] = [];

  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Headers, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const why = async (applicationId: string, usernames: string[]) => {
    const q = usernames.map((u) => `expertId=${id.get(u)}`).join('&');
    const res = await api('GET', `/api/review/rounds/${roundId}/applications/${applicationId}/explanation?${q}`, moist);
    expect(res.statusCode, res.body).toBe(200);
    const out = new Map<string, string | undefined>();
    for (const x of res.json().excluded as { expertId: string; code: string; rule?: string }[]) out.set(x.expertId, x.code === 'conflict' ? x.rule : undefined);
    for (const p of res.json().panel as { expertId: string }[]) out.set(p.expertId, undefined);
    return (u: string) => out.get(id.get(u)!);
  };
  const patchExpert = async (username: string, body: object) => {
    const cur = (await api('GET', `/api/experts/${id.get(username)}`, moist)).json();
    const res = await api('PATCH', `/api/experts/${id.get(username)}`, moist, { ...body, version: cur.version });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    app = await testApp(getDb());
    const db = getDb().db;
    moist = (await signInAs(app, 'moist')).headers;
    const names = Array.from({ length: 60 }, (_, i) => `expert${String(i + 1).padStart(2, '0')}`);
    const users = await usersByName(db, names);
    for (const [u, r] of users) id.set(u, r.id);
    const tied = ['expert01', 'expert02', 'expert03', 'expert04', 'expert05', 'expert06', 'expert07', 'expert08', 'expert09'];
    const expertProvinces = new Set([...users.entries()].filter(([u]) => !tied.includes(u)).map(([, r]) => provinceOf(r.regionCode!)));
    const free = (await institutionsWithoutExperts(db, 50)).filter((o) => expertProvinces.has(provinceOf(o.regionCode!)));
    const call = await createCall(db);
    const a = await createApplication(db, call.id, free[0]!.id, ['energy'], '回避测试 A');
    appA = a.id;
    // A child institute of expert03's employer: the parent is an applicant-side institution.
    const parent = users.get('expert03')!;
    const [p] = await db.select().from(organizations).where(eq(organizations.id, parent.orgId));
    const [child] = await db.insert(organizations).values({ kind: 'research_institute', nameZh: '回避测试研究所', regionCode: p!.regionCode, affiliationId: p!.id, recommenderId: p!.recommenderId }).returning();
    appB = (await createApplication(db, call.id, child!.id, ['energy'], '回避测试 B')).id;
    // Same province as A, with no other tie to it.
    sameProvinceCandidates = [...users.entries()].filter(([u, r]) => provinceOf(r.regionCode!) === a.provinceCode && !tied.includes(u)).map(([u]) => u);

    // The facts, through the module's routes.
    expect((await api('PUT', `/api/review/applications/${appA}/people`, moist, { people: [
      { personKey: id.get('expert02'), name: '列名专家', role: 'member' }, { personKey: 'orcid:0000-0001', name: '王五', role: 'partner' },
    ] })).statusCode).toBe(200);
    for (const [u, year] of [['expert06', YEAR - 3], ['expert07', YEAR - 4]] as const) {
      const res = await api('POST', `/api/experts/${id.get(u)}/relations`, moist, { personKey: 'orcid:0000-0001', personName: '王五', kind: 'coauthor', year });
      expect(res.statusCode, res.body).toBe(201);
    }
    await patchExpert('expert04', { affiliationOrgIds: [a.recommenderId] });
    await patchExpert('expert08', { employment: [{ orgId: a.applicantOrgId, untilYear: YEAR - 3 }] });
    await patchExpert('expert09', { employment: [{ orgId: a.applicantOrgId, untilYear: YEAR - 4 }] });
    // An expert declares for themselves.
    const e05 = (await signInAs(app, 'expert05')).headers;
    expect((await api('POST', `/api/experts/${id.get('expert05')}/conflicts`, e05, { applicationId: appA, reason: '亲属在申请单位任职' })).statusCode).toBe(201);
    expect((await api('POST', `/api/experts/${id.get('expert06')}/conflicts`, e05, { applicationId: appA, reason: 'x' })).statusCode).toBe(404);

    const res = await api('POST', '/api/review/rounds', moist, { callId: call.id, typeId: 'joint_research_center',
      params: { reviewers: { min: 3, max: 3 }, maxLoad: 3, maxPerProvince: 2, seed: 'conflicts' } });
    expect(res.statusCode, res.body).toBe(201);
    roundId = res.json().id;
    const proposed = await api('POST', `/api/review/rounds/${roundId}/proposal`, moist, {});
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().proposal.conflicts).toMatchObject({ 'named-in-application': 1, 'recommending-org': 1, declared: 1, collaboration: 1, 'recent-employment': 1 });
  });
  afterAll(async () => { await app.close(); });

  it('named in the application; recommending department; declared; collaboration and employment within N years (and not beyond)', async () => {
    const rule = await why(appA, ['expert02', 'expert04', 'expert05', 'expert06', 'expert07', 'expert08', 'expert09']);
    expect(rule('expert02')).toBe('named-in-application');
    expect(rule('expert04')).toBe('recommending-org');
    expect(rule('expert05')).toBe('declared');
    expect(rule('expert06')).toBe('collaboration'); // 3 years ago, N = 3: inside
    expect(rule('expert07')).toBeUndefined(); // 4 years ago: outside
    expect(rule('expert08')).toBe('recent-employment'); // until 3 years ago: inside
    expect(rule('expert09')).toBeUndefined();
  });

  it('institution: the parent of the applicant counts as the applicant', async () => {
    const rule = await why(appB, ['expert03']);
    expect(rule('expert03')).toBe('institution');
  });

  it('no conflicting expert is proposed, and putting one back by hand is refused', async () => {
    const r = (await api('GET', `/api/review/rounds/${roundId}`, moist)).json();
    const onA = r.proposal.pairs.filter((p: { applicationId: string }) => p.applicationId === appA).map((p: { expertId: string }) => p.expertId);
    for (const u of ['expert02', 'expert04', 'expert05', 'expert06', 'expert08']) expect(onA).not.toContain(id.get(u));
    const memberA = onA[0];
    for (const u of ['expert02', 'expert04', 'expert05', 'expert06', 'expert08']) {
      const res = await api('POST', `/api/review/rounds/${roundId}/adjustments`, moist, { version: r.version, ops: [{ op: 'swap', applicationId: appA, expertId: memberA, withExpertId: id.get(u) }] });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.data.violations).toContainEqual(expect.objectContaining({ code: 'conflict', expertId: id.get(u) }));
    }
  });

  it('configured rules: same province switched on, collaboration switched off (ministry only)', async () => {
    // An expert of A's province who is not on A's panel (a panel member is explained as a member).
    const r = (await api('GET', `/api/review/rounds/${roundId}`, moist)).json();
    const onA = new Set(r.proposal.pairs.filter((p: { applicationId: string }) => p.applicationId === appA).map((p: { expertId: string }) => p.expertId));
    sameProvinceExpert = sameProvinceCandidates.find((u) => !onA.has(id.get(u)))!;
    let rule = await why(appA, [sameProvinceExpert, 'expert06']);
    expect(rule(sameProvinceExpert)).toBeUndefined();
    const e = (await signInAs(app, 'expert01')).headers;
    expect((await api('PUT', '/api/review/conflict-rules', e, { sameProvince: true, collaborationYears: null, employmentYears: 3, version: 0 })).statusCode).toBe(403);
    const res = await api('PUT', '/api/review/conflict-rules', moist, { sameProvince: true, collaborationYears: null, employmentYears: 3, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await api('PUT', '/api/review/conflict-rules', moist, { sameProvince: true, collaborationYears: null, employmentYears: 3, version: 0 })).statusCode).toBe(409);
    rule = await why(appA, [sameProvinceExpert, 'expert06']);
    expect(rule(sameProvinceExpert)).toBe('same-province');
    expect(rule('expert06')).not.toBe('collaboration');
    const catalogue = (await api('GET', '/api/review/conflict-rules', moist)).json();
    expect(catalogue.config).toMatchObject({ sameProvince: true, collaborationYears: null, version: 1 });
    expect(catalogue.rules.map((r: { id: string }) => r.id)).toHaveLength(7);
  });
});
