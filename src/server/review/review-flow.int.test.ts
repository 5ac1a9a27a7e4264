// The whole review of one round through the API (a6.p2.i2 专家评审 of joint research centers):
// propose → adjust (a violation refused) → limits re-checked on apply → apply → declaration →
// decline → replacement → drafts → submit → aggregation → panel → result row in recognition.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { signInAs, testApp, type TestApp } from '../testing/app.js';
import { reviewResults } from '../recognition/tables.js';
import { declaredConflicts, reviewAssignments } from './tables.js';
import { createApplication, createCall, institutionsWithoutExperts, usersByName } from './testing/fixtures.js';

type Headers = Record<string, string>;
type Pair = { applicationId: string; expertId: string; source: string };

describeEachDb('review round: propose, adjust, apply, declare, score, panel (a6.p2.i2)', (getDb) => {
  let app: TestApp;
  let moist: Headers;
  let roundId = '';
  let version = 0;
  const appIds: string[] = [];
  let expert01Id = '';
  const province = new Map<string, string | null>();
  const login = new Map<string, Headers>(); // expert id → headers
  const usernameOf = new Map<string, string>();

  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Headers, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const round = async () => (await api('GET', `/api/review/rounds/${roundId}`, moist)).json();
  const pairsOf = (r: { proposal: { pairs: Pair[] } }, appId: string) => r.proposal.pairs.filter((p) => p.applicationId === appId);
  const as = async (expertId: string) => {
    if (!login.has(expertId)) login.set(expertId, (await signInAs(app, usernameOf.get(expertId)!)).headers);
    return login.get(expertId)!;
  };

  beforeAll(async () => {
    app = await testApp(getDb());
    const db = getDb().db;
    moist = (await signInAs(app, 'moist')).headers;
    const call = await createCall(db);
    // Application 1 is filed by expert01's own institution: expert01 may never review it.
    const e1 = (await usersByName(db, ['expert01'])).get('expert01')!;
    expert01Id = e1.id;
    const free = await institutionsWithoutExperts(db, 2, [e1.orgId]);
    appIds.push((await createApplication(db, call.id, e1.orgId, ['energy', 'materials_manufacturing'], '测试申请一')).id);
    appIds.push((await createApplication(db, call.id, free[0]!.id, ['information_network'], '测试申请二')).id);
    appIds.push((await createApplication(db, call.id, free[1]!.id, ['bio_health', 'agriculture'], '测试申请三')).id);
    const pool = (await api('GET', '/api/experts?pageSize=200', moist)).json();
    for (const e of pool.items) { province.set(e.id, e.provinceCode); usernameOf.set(e.id, e.username); }
    const res = await api('POST', '/api/review/rounds', moist, {
      callId: call.id, typeId: 'joint_research_center',
      params: { reviewers: { min: 5, max: 5 }, maxLoad: 3, maxPerProvince: 2, weights: { field: 10, keyword: 1 }, randomShare: 0.2, seed: 'flow-seed' },
    });
    expect(res.statusCode, res.body).toBe(201);
    roundId = res.json().id;
  });
  afterAll(async () => { await app.close(); });

  it('the scoring form has one criterion per condition clause of the type, weights summing to 100', async () => {
    const r = await round();
    expect(r.form.criteria.map((c: { clause: string }) => c.clause)).toEqual(['a6.p1.i2', 'a6.p1.i1', 'a6.p1.i3', 'a6.p1.i4', 'a6.p1.i5']);
    expect(r.form.criteria.reduce((s: number, c: { weight: number }) => s + c.weight, 0)).toBeCloseTo(100, 6);
    expect(r.status).toBe('draft');
  });

  it('proposes a full, feasible assignment with its seed, and writes no assignment yet', async () => {
    const res = await api('POST', `/api/review/rounds/${roundId}/proposal`, moist, {});
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.status).toBe('proposed');
    expect(r.proposal.seed).toBe('flow-seed');
    expect(r.proposal.feasibility.ok).toBe(true);
    expect(r.proposal.applicationIds.sort()).toEqual([...appIds].sort());
    for (const id of appIds) expect(pairsOf(r, id)).toHaveLength(5);
    expect(pairsOf(r, appIds[0]!).some((p) => p.expertId === expert01Id)).toBe(false);
    expect(r.proposal.pairs.some((p: Pair) => p.source === 'random')).toBe(true);
    expect(await getDb().db.select().from(reviewAssignments)).toHaveLength(0);
    version = r.version;
  });

  it('explains each pair (matched fields) and why not the excluded expert (institution rule)', async () => {
    const res = await api('GET', `/api/review/rounds/${roundId}/applications/${appIds[0]}/explanation?expertId=${expert01Id}`, moist);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    expect(e.panel).toHaveLength(5);
    expect(e.panel.some((p: { matchedFields: string[] }) => p.matchedFields.length > 0)).toBe(true);
    expect(e.excluded).toEqual([expect.objectContaining({ expertId: expert01Id, code: 'conflict', rule: 'institution' })]);
  });

  it('refuses a hand adjustment that breaks a rule, names it, and keeps the proposal', async () => {
    const res = await api('POST', `/api/review/rounds/${roundId}/adjustments`, moist, { version, ops: [{ op: 'add', applicationId: appIds[0], expertId: expert01Id }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('assignment_violation');
    const codes = res.json().error.data.violations.map((v: { code: string }) => v.code);
    expect(codes).toContain('conflict');
    expect(codes).toContain('too-many-reviewers');
    expect((await round()).version).toBe(version);
  });

  it('accepts a legal swap (source manual), and apply re-checks load and diversity limits', async () => {
    // Put an expert of application 1 on application 2 too (load 2), trying members until one is legal.
    let r = await round();
    let apply;
    const a1 = pairsOf(r, appIds[0]!), a2 = pairsOf(r, appIds[1]!);
    let moved: string | null = null;
    for (const x of a1) {
      for (const m of a2) {
        const res = await api('POST', `/api/review/rounds/${roundId}/adjustments`, moist, { version, ops: [{ op: 'swap', applicationId: appIds[1], expertId: m.expertId, withExpertId: x.expertId }] });
        if (res.statusCode === 200) { moved = x.expertId; version = res.json().round.version; break; }
        expect(res.statusCode).toBe(422);
      }
      if (moved) break;
    }
    expect(moved).not.toBeNull();
    r = await round();
    expect(r.proposal.pairs.filter((p: Pair) => p.expertId === moved)).toHaveLength(2);
    expect(pairsOf(r, appIds[1]!).find((p) => p.expertId === moved)!.source).toBe('manual');

    const params0 = r.params;
    const patch = async (params: object) => {
      const res = await api('PATCH', `/api/review/rounds/${roundId}`, moist, { version, params: { ...params0, ...params } });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    };
    await patch({ maxLoad: 1 });
    apply = await api('POST', `/api/review/rounds/${roundId}/apply`, moist, { version });
    expect(apply.statusCode).toBe(422);
    expect(apply.json().error.data.violations).toContainEqual(expect.objectContaining({ code: 'load-exceeded', expertId: moved }));

    // Diversity: bring two experts of one province onto one application (a legal swap under
    // k = 2), then k = 1 must refuse the apply. Every application is tried: whether a given one
    // admits such a swap depends on the draw and on the swap made above.
    await patch({ maxLoad: 3 });
    let doubled = false;
    for (const appId of [appIds[2]!, ...appIds.filter((id) => id !== appIds[2])]) {
      const members = pairsOf(r, appId);
      const provinces = new Set(members.map((p) => province.get(p.expertId)));
      for (const [y, py] of province) {
        if (doubled) break;
        if (members.some((p) => p.expertId === y) || !provinces.has(py)) continue;
        for (const m of members.filter((p) => province.get(p.expertId) !== py)) {
          const res = await api('POST', `/api/review/rounds/${roundId}/adjustments`, moist, { version, ops: [{ op: 'swap', applicationId: appId, expertId: m.expertId, withExpertId: y }] });
          if (res.statusCode === 200) { doubled = true; version = res.json().round.version; break; }
        }
      }
      if (doubled) break;
    }
    expect(doubled).toBe(true);
    r = await round();
    await patch({ maxPerProvince: 1 });
    apply = await api('POST', `/api/review/rounds/${roundId}/apply`, moist, { version });
    expect(apply.statusCode).toBe(422);
    expect(apply.json().error.data.violations.map((v: { code: string }) => v.code)).toContain('diversity-exceeded');
    expect(apply.json().error.data.violations.map((v: { code: string }) => v.code)).not.toContain('load-exceeded');
    await patch({ maxPerProvince: 2 });
    expect(await getDb().db.select().from(reviewAssignments)).toHaveLength(0);
  });

  it('applies: assignments are written, pending the declaration', async () => {
    const res = await api('POST', `/api/review/rounds/${roundId}/apply`, moist, { version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('applied');
    const rows = await getDb().db.select().from(reviewAssignments);
    expect(rows).toHaveLength(15);
    expect(rows.every((a) => a.status === 'pending')).toBe(true);
  });

  it('scope: an expert sees only their own assignments; another expert’s is a 404; rounds and the pool are closed to them', async () => {
    const rows = await getDb().db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, appIds[0]!));
    const [a, b] = rows;
    const h = await as(a!.expertUserId);
    const mine = (await api('GET', '/api/review/assignments', h)).json();
    const all = await getDb().db.select().from(reviewAssignments).where(eq(reviewAssignments.expertUserId, a!.expertUserId));
    expect(mine.map((m: { id: string }) => m.id).sort()).toEqual(all.map((x) => x.id).sort());
    const other = await api('GET', `/api/review/assignments/${b!.id}`, h);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain(b!.expertUserId);
    expect((await api('PUT', `/api/review/assignments/${b!.id}/draft`, h, { scores: {} })).statusCode).toBe(404);
    expect((await api('GET', `/api/review/rounds/${roundId}`, h)).statusCode).toBe(404);
    expect((await api('GET', '/api/experts', h)).statusCode).toBe(403);
    expect((await api('GET', '/api/experts/me', h)).statusCode).toBe(200);
    // The workbench says what waits: a declaration to sign.
    const todos = (await api('GET', '/api/workbench', h)).json().todos;
    expect(todos).toContainEqual(expect.objectContaining({ kind: 'review_declaration', count: all.length }));
  });

  it('a decline frees the slot and records the conflict; the replacement is computed and applied', async () => {
    const db = getDb().db;
    const rows = await db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, appIds[0]!));
    const decliner = rows[0]!;
    const h = await as(decliner.expertUserId);
    const res = await api('POST', `/api/review/assignments/${decliner.id}/declaration`, h, { decision: 'decline', reason: '曾与申请团队合作', conflict: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('declined');
    expect(await db.select().from(declaredConflicts).where(and(eq(declaredConflicts.expertUserId, decliner.expertUserId), eq(declaredConflicts.applicationId, appIds[0]!)))).toHaveLength(1);
    const r = await round();
    expect(r.pendingReplacements).toHaveLength(1);
    const rep = r.pendingReplacements[0];
    expect(rep.declinedExpertId).toBe(decliner.expertUserId);
    expect(rep.replacementExpertId).not.toBeNull();
    expect(rows.map((x) => x.expertUserId)).not.toContain(rep.replacementExpertId);
    expect(rep.replacementExpertId).not.toBe(expert01Id);
    const applied = await api('POST', `/api/review/rounds/${roundId}/replacements/apply`, moist, { version: r.version });
    expect(applied.statusCode, applied.body).toBe(200);
    const live = (await db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, appIds[0]!))).filter((x) => x.status !== 'declined');
    expect(live).toHaveLength(5);
    expect(live.find((x) => x.expertUserId === rep.replacementExpertId)!.source).toBe('replacement');
  });

  it('drafts are saved server-side after signing; submission needs every criterion; aggregation flags the far review', async () => {
    const db = getDb().db;
    const live = (await db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, appIds[0]!))).filter((x) => x.status !== 'declined');
    const totals = [80, 82, 84, 86, 50];
    const form = (await round()).form as { criteria: { clause: string }[] };
    const all = (s: number) => Object.fromEntries(form.criteria.map((c) => [c.clause, s]));
    for (const [i, a] of live.entries()) {
      const h = await as(a.expertUserId);
      if (i === 0) {
        const before = (await api('GET', `/api/review/assignments/${a.id}`, h)).json();
        expect(before.sections).toBeNull();
        const early = await api('PUT', `/api/review/assignments/${a.id}/draft`, h, { scores: { 'a6.p1.i1': 70 } });
        expect(early.statusCode).toBe(409);
        expect(early.json().error.code).toBe('declaration_required');
      }
      expect((await api('POST', `/api/review/assignments/${a.id}/declaration`, h, { decision: 'sign' })).statusCode).toBe(200);
      if (i === 0) {
        const draft = await api('PUT', `/api/review/assignments/${a.id}/draft`, h, { scores: { 'a6.p1.i1': 70 }, opinion: '草稿' });
        expect(draft.statusCode, draft.body).toBe(200);
        const again = (await api('GET', `/api/review/assignments/${a.id}`, h)).json();
        expect(again.draft).toMatchObject({ scores: { 'a6.p1.i1': 70 }, opinion: '草稿' });
        expect(again.sections).not.toBeNull();
        const partial = await api('POST', `/api/review/assignments/${a.id}/submit`, h, { scores: { 'a6.p1.i1': 70 }, opinion: '意见', recommendation: 'recommend' });
        expect(partial.statusCode).toBe(400);
        expect(partial.json().error.fields.map((f: { field: string }) => f.field)).toContain('scores.a6.p1.i2');
        // Before the panel stage nobody sees the others' scores.
        expect((await api('GET', `/api/review/assignments/${a.id}/panel`, h)).statusCode).toBe(409);
      }
      const res = await api('POST', `/api/review/assignments/${a.id}/submit`, h, { scores: all(totals[i]!), opinion: `意见 ${i}`, recommendation: totals[i]! >= 60 ? 'recommend' : 'not_recommend' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().totalScore).toBe(totals[i]);
    }
    const agg = (await api('GET', `/api/review/rounds/${roundId}/applications/${appIds[0]}/scores`, moist)).json();
    expect(agg).toMatchObject({ n: 5, mean: 76.4, trimmedMean: 82, trimmed: true, pending: 0, recommendations: { recommend: 4, notRecommend: 1 } });
    expect(agg.spread).toBeCloseTo(13.35, 2);
    expect(agg.reviews.filter((r: { outlier: boolean }) => r.outlier).map((r: { total: number }) => r.total)).toEqual([50]);
  });

  it('the panel stage shows the panel its scores; the conclusion writes the review result into recognition', async () => {
    const db = getDb().db;
    const r = await round();
    const open = await api('POST', `/api/review/rounds/${roundId}/panel-stage`, moist, { version: r.version });
    expect(open.statusCode, open.body).toBe(200);
    const [member] = (await db.select().from(reviewAssignments).where(and(eq(reviewAssignments.applicationId, appIds[0]!), eq(reviewAssignments.status, 'submitted'))));
    const seen = await api('GET', `/api/review/assignments/${member!.id}/panel`, await as(member!.expertUserId));
    expect(seen.statusCode).toBe(200);
    expect(seen.json().reviews).toHaveLength(5);

    const body = { opinion: '专家组一致认为该申请基本符合认定条件', recommendation: 'recommend', votes: { for: 4, against: 1, abstain: 0 }, judgements: [{ clause: 'a6.p1.i3', met: true }] };
    const res = await api('POST', `/api/review/rounds/${roundId}/applications/${appIds[0]}/panel`, moist, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().score).toBe(82);
    const [row] = await db.select().from(reviewResults).where(eq(reviewResults.id, res.json().resultId));
    expect(row).toMatchObject({ applicationId: appIds[0], kind: 'review', score: 82, source: 'expert_panel', opinion: body.opinion });
    expect(row!.panel).toHaveLength(5);
    expect(row!.judgements).toEqual([{ clause: 'a6.p1.i3', met: true }]);
    expect((await api('POST', `/api/review/rounds/${roundId}/applications/${appIds[0]}/panel`, moist, body)).statusCode).toBe(409);
  });

  it('an assessment (考核, defence) is recorded with its form and written as the assessment result', async () => {
    const res = await api('POST', `/api/review/applications/${appIds[0]}/assessments`, moist, {
      mode: 'defence', heldOn: '2026-07-10', participants: [{ name: '张三', role: '组长' }, { name: '李四', role: '成员' }],
      items: [{ clause: 'a6.p1.i4', met: true, note: '管理机构健全' }], result: 'pass', opinion: '答辩通过',
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await getDb().db.select().from(reviewResults).where(eq(reviewResults.id, res.json().resultId));
    expect(row).toMatchObject({ kind: 'assessment', result: 'pass', source: 'expert_panel', panel: ['张三', '李四'] });
    const bad = await api('POST', `/api/review/applications/${appIds[0]}/assessments`, moist, {
      mode: 'site_visit', heldOn: '2026-07-10', participants: [{ name: '张三', role: '组长' }], items: [{ clause: 'a5.p1.i1', met: true }], result: 'pass', opinion: 'x',
    });
    expect(bad.statusCode).toBe(400);
  });
});
