// An annual assessment round (a10.i4 考核) through the expert module, end to end at the API: the
// subjects are the 2025 annual summaries of joint research centers that reached the ministry;
// conflicts read the base's host institution and recommending department; the form is the type's
// expert-scored indicators; three experts sign and score one summary; the panel's aggregated
// score lands in the base's 2025 assessment (recordExpertScore) and counts when the year is run.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { signInAs, testApp, type TestApp } from '../testing/app.js';
import { users } from '../accounts/tables.js';
import { bases } from '../bases/tables.js';
import { annualReports } from '../bases/annual/tables.js';
import { expertScores } from '../bases/assessment/tables.js';
import { expertProfiles, reviewAssignments } from './tables.js';

type Headers = Record<string, string>;
type Pair = { applicationId: string; expertId: string };
const YEAR = 2025;
const TYPE = 'joint_research_center';

describeEachDb('a10.i4: annual assessment round through the expert module', (getDb) => {
  let app: TestApp;
  let moist: Headers;
  let roundId = '';
  let subjects: string[] = [];
  let target = { reportId: '', baseId: '', hostOrgId: '', recommenderId: '' as string | null };
  const hostExpert = { id: '', username: 'expert01' };
  const deptExpert = { id: '', username: 'expert02' };
  const db = () => getDb().db;
  const api = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    app = await testApp(getDb());
    moist = (await signInAs(app, 'moist')).headers;
    // The first ready summary of the year is the one the conflict checks aim at.
    const [row] = await db().select({ reportId: annualReports.id, baseId: bases.id, hostOrgId: bases.hostOrgId, recommenderId: bases.recommenderId })
      .from(annualReports).innerJoin(bases, eq(bases.id, annualReports.baseId))
      .where(and(eq(annualReports.year, YEAR), eq(annualReports.kind, 'summary'), eq(bases.typeId, TYPE), inArray(annualReports.status, ['signed_by_recommender', 'received_by_ministry']), inArray(bases.status, ['active', 'notified'])))
      .orderBy(bases.code, annualReports.id).limit(1);
    expect(row, 'the demo has a 2025 summary of a joint research center at the ministry').toBeDefined();
    target = row!;
    // expert01 now works at the base's host institution; expert02 also holds a post at its recommending department.
    const [e1] = await db().update(users).set({ orgId: target.hostOrgId }).where(eq(users.username, hostExpert.username)).returning({ id: users.id });
    hostExpert.id = e1!.id;
    const [e2] = await db().select({ id: users.id }).from(users).where(eq(users.username, deptExpert.username));
    deptExpert.id = e2!.id;
    await db().update(expertProfiles).set({ affiliationOrgIds: [target.recommenderId!] }).where(eq(expertProfiles.userId, deptExpert.id));
  });
  afterAll(async () => { await app.close(); });

  it('a10.i4: only the ministry creates it; the form is the type’s expert-scored indicators, weights summing to 100', async () => {
    const body = { year: YEAR, typeId: TYPE, params: { reviewers: { min: 3, max: 3 }, maxLoad: 4, maxPerProvince: 2, weights: { field: 10, keyword: 1 }, randomShare: 0, seed: 'assess-2025' } };
    expect((await api('POST', '/api/review/assessment-rounds', (await signInAs(app, 'sichuan')).headers, body)).statusCode).toBe(403);
    expect((await api('POST', '/api/review/assessment-rounds', moist, { ...body, typeId: 'nope' })).statusCode).toBe(400);
    const res = await api('POST', '/api/review/assessment-rounds', moist, body);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ kind: 'assessment', callId: null, year: YEAR, typeId: TYPE, status: 'draft' });
    expect(r.form.criteria.map((c: { clause: string }) => c.clause)).toEqual(['expert_operation']);
    expect(r.form.criteria.reduce((s: number, c: { weight: number }) => s + c.weight, 0)).toBeCloseTo(100, 6);
    roundId = r.id;
  });

  it('a10.i4: the proposal covers the year’s summaries at the ministry; the host-institution and recommending-department rules keep two experts off the base', async () => {
    const res = await api('POST', `/api/review/rounds/${roundId}/proposal`, moist, {});
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().proposal;
    expect(p.feasibility.ok).toBe(true);
    subjects = p.applicationIds;
    expect(subjects).toContain(target.reportId);
    // Drafts and summaries still with the recommending unit are not subjects.
    const ready = await db().select({ id: annualReports.id, status: annualReports.status }).from(annualReports).where(inArray(annualReports.id, subjects));
    expect(ready.every((x) => x.status === 'signed_by_recommender' || x.status === 'received_by_ministry')).toBe(true);
    for (const id of subjects) expect(p.pairs.filter((x: Pair) => x.applicationId === id)).toHaveLength(3);
    const onTarget = p.pairs.filter((x: Pair) => x.applicationId === target.reportId).map((x: Pair) => x.expertId);
    expect(onTarget).not.toContain(hostExpert.id);
    expect(onTarget).not.toContain(deptExpert.id);
    const why = await api('GET', `/api/review/rounds/${roundId}/applications/${target.reportId}/explanation?expertId=${hostExpert.id}&expertId=${deptExpert.id}`, moist);
    expect(why.statusCode, why.body).toBe(200);
    const rules = Object.fromEntries(why.json().excluded.map((x: { expertId: string; rule?: string }) => [x.expertId, x.rule]));
    expect(rules).toEqual({ [hostExpert.id]: 'institution', [deptExpert.id]: 'recommending-org' });
    // A hand adjustment that puts the host's expert on the base is refused, naming the conflict.
    const add = await api('POST', `/api/review/rounds/${roundId}/adjustments`, moist, { version: res.json().version, ops: [{ op: 'add', applicationId: target.reportId, expertId: hostExpert.id }] });
    expect(add.statusCode).toBe(422);
    expect(add.json().error.data.violations.map((v: { code: string }) => v.code)).toContain('conflict');
  });

  it('a10.i4: experts see the base’s summary, sign the declaration and score; the panel’s trimmed mean reaches the base’s 2025 assessment', async () => {
    const round = (await api('GET', `/api/review/rounds/${roundId}`, moist)).json();
    const applied = await api('POST', `/api/review/rounds/${roundId}/apply`, moist, { version: round.version });
    expect(applied.statusCode, applied.body).toBe(200);
    const rows = await db().select().from(reviewAssignments).where(and(eq(reviewAssignments.roundId, roundId), eq(reviewAssignments.applicationId, target.reportId)));
    expect(rows).toHaveLength(3);
    const names = new Map((await db().select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, rows.map((r) => r.expertUserId)))).map((u) => [u.id, u.username]));
    const totals = [90, 80, 70];
    for (const [i, a] of rows.entries()) {
      const h = (await signInAs(app, names.get(a.expertUserId)!)).headers;
      const mine = (await api('GET', '/api/review/assignments', h)).json();
      const item = mine.find((m: { id: string }) => m.id === a.id);
      expect(item.application).toMatchObject({ id: target.reportId, typeId: TYPE });
      expect(item.application.title).toContain(`${YEAR} 年度工作总结`);
      // The summary's narrative only after the 回避与保密承诺.
      expect((await api('GET', `/api/review/assignments/${a.id}`, h)).json().sections).toBeNull();
      expect((await api('POST', `/api/review/assignments/${a.id}/declaration`, h, { decision: 'sign' })).statusCode).toBe(200);
      const detail = (await api('GET', `/api/review/assignments/${a.id}`, h)).json();
      expect(Object.keys(detail.sections)).toEqual(['expert_operation']);
      const res = await api('POST', `/api/review/assignments/${a.id}/submit`, h, { scores: { expert_operation: totals[i] }, opinion: `考核意见 ${i}`, recommendation: 'recommend' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().totalScore).toBe(totals[i]);
    }
    const r2 = (await api('GET', `/api/review/rounds/${roundId}`, moist)).json();
    expect((await api('POST', `/api/review/rounds/${roundId}/panel-stage`, moist, { version: r2.version })).statusCode).toBe(200);
    const panel = await api('POST', `/api/review/rounds/${roundId}/applications/${target.reportId}/panel`, moist, { opinion: '基地年度运行良好。', recommendation: 'recommend', votes: { for: 3, against: 0, abstain: 0 } });
    expect(panel.statusCode, panel.body).toBe(201);
    expect(panel.json()).toMatchObject({ score: 80, resultId: null });

    // Through recordExpertScore: one aggregated score for the indicator, recorded by the ministry's user.
    const moistId = (await db().select({ id: users.id }).from(users).where(eq(users.username, 'moist')))[0]!.id;
    const stored = await db().select().from(expertScores).where(and(eq(expertScores.year, YEAR), eq(expertScores.baseId, target.baseId)));
    expect(stored).toEqual([expect.objectContaining({ indicatorId: 'expert_operation', score: 80, expertUserId: moistId })]);

    // Running the year uses it: the expert indicator of the base is scored 80.
    const run = await api('POST', `/api/assessment/${YEAR}/run`, moist);
    expect(run.statusCode, run.body).toBe(200);
    const results = (await api('GET', `/api/assessment/${YEAR}/results`, moist)).json();
    const mine = results.find((x: { baseId: string }) => x.baseId === target.baseId);
    expect(mine.indicators.find((i: { id: string }) => i.id === 'expert_operation')).toMatchObject({ score: 80 });
  });
});
