import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { beijingInstant } from '../../../regulation/index.js';
import { describeEachDb } from '../../testing/db.js';
import { testApp, type TestApp } from '../../testing/app.js';
import { clock } from '../clock.js';
import { apiAs, insertBase } from '../test-helpers.js';
import { bases } from '../tables.js';
import { defaultIndicators } from './indicators.js';

const realNow = clock.now;

describeEachDb('a10.i4: annual assessment — indicator systems, computed scores, grades, publication; a13.s1 commendation', (getDb) => {
  let app: TestApp;
  let call: ReturnType<typeof apiAs>;
  const idOf = async (code: string) => (await getDb().db.select({ id: bases.id }).from(bases).where(eq(bases.code, code)))[0]!.id;
  beforeAll(async () => {
    app = await testApp(getDb());
    call = apiAs(app);
    clock.now = () => beijingInstant('2026-04-20', 10);
  });
  afterEach(() => { clock.now = () => beijingInstant('2026-04-20', 10); });
  afterAll(async () => { clock.now = realNow; await app.close(); });

  it('a10.i4: every type has a default system from the published indicator groups, weights adding up to 100', async () => {
    for (const [type, inds] of Object.entries(defaultIndicators)) {
      expect(inds.reduce((s, i) => s + i.weight, 0), type).toBe(100);
      expect(new Set(inds.map((i) => i.source))).toEqual(new Set(['computed', 'expert', 'recommender']));
    }
    const res = (await call('moist', 'GET', '/api/assessment/indicator-systems?typeId=joint_research_center')).json();
    expect(res.at(-1)).toMatchObject({ isDefault: true, version: 0 });
    expect(new Set(res.at(-1).indicators.map((i: { group: { zh: string } }) => i.group.zh))).toEqual(new Set(['研发能力与贡献', '合作与交流', '队伍与人才', '运行与管理']));
  });

  it('a10.i4: the ministry adds a version (weights must sum to 100, thresholds must fall); others may not', async () => {
    const base = (await call('moist', 'GET', '/api/assessment/indicator-systems?typeId=tech_transfer_center')).json().at(-1);
    const bad = await call('moist', 'POST', '/api/assessment/indicator-systems', { typeId: 'tech_transfer_center', fromYear: 2025, indicators: base.indicators.slice(1) });
    expect(bad.statusCode).toBe(400);
    const body = { typeId: 'tech_transfer_center', fromYear: 2025, indicators: base.indicators, thresholds: { excellent: 85, good: 70, pass: 55 }, note: 'test' };
    expect((await call('sichuan', 'POST', '/api/assessment/indicator-systems', body)).statusCode).toBe(403);
    const ok = await call('moist', 'POST', '/api/assessment/indicator-systems', body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ version: 1, isDefault: false });
  });

  it('a10.i4: running 2025 scores every base from summaries, projects and records; a base recognized during 2025 is 不符合评估条件', async () => {
    const fresh = await insertBase(getDb().db, 'inst-lhzs', '2025-06-01');
    const run = await call('moist', 'POST', '/api/assessment/2025/run');
    expect(run.statusCode).toBe(200);
    expect(run.json().assessed).toBeGreaterThanOrEqual(29);
    const results = (await call('moist', 'GET', '/api/assessment/2025/results')).json();
    const r = (id: string) => results.find((x: { baseId: string }) => x.baseId === id);
    expect(r(fresh.id)).toMatchObject({ grade: 'not_eligible', score: null });
    const tsinghua = r(await idOf('GH-2012-JRC-0001'));
    expect(tsinghua.score).toBeGreaterThan(60);
    expect(tsinghua.indicators.find((i: { id: string }) => i.id === 'expert_operation')).toMatchObject({ score: null });
    expect(tsinghua.indicators.find((i: { id: string }) => i.id === 'report_on_time')).toMatchObject({ value: 1, score: 100 });
    // Recognized mid-2024 (not eligible that year), assessable in 2025.
    const tri = results.find((x: { nameZh: string }) => x.nameZh.includes('茶叶研究所'));
    expect(tri.grade).not.toBe('not_eligible');
    // The base that never filed its 2025 summary: late, and nothing computed from a report.
    const lyhy = results.find((x: { nameZh: string }) => x.nameZh.includes('蓝渊'));
    expect(lyhy.reportLate).toBe(true);
    // Before publication only the ministry sees results.
    expect((await call('sichuan', 'GET', '/api/assessment/2025/results')).json()).toEqual([]);
  });

  it('a10.i4: expert scores enter through one function; thresholds of the system apply (both sides of the band)', async () => {
    const id = await idOf('GH-2012-JRC-0001');
    expect((await call('moist', 'PUT', `/api/assessment/2025/bases/${id}/expert-scores`, { indicatorId: 'papers', score: 90 })).statusCode).toBe(400);
    expect((await call('moist', 'PUT', `/api/assessment/2025/bases/${id}/expert-scores`, { indicatorId: 'expert_operation', score: 95 })).statusCode).toBe(200);
    await call('moist', 'POST', '/api/assessment/2025/run');
    const t = (await call('moist', 'GET', '/api/assessment/2025/results')).json().find((x: { baseId: string }) => x.baseId === id);
    expect(t.indicators.find((i: { id: string }) => i.id === 'expert_operation')).toMatchObject({ value: 95, score: 95 });
    // Transfer centers use the version with 85/70/55: a score of 55 passes there.
    const ttc = (await call('moist', 'GET', '/api/assessment/2025/results')).json().filter((x: { typeId: string }) => x.typeId === 'tech_transfer_center');
    for (const x of ttc) {
      const expected = x.score >= 85 ? 'excellent' : x.score >= 70 ? 'good' : x.score >= 55 ? 'pass' : 'fail';
      expect(x.grade).toBe(expected);
    }
  });

  it('a13.s1: the commendation list is drawn from the year’s 优秀; a13.s3: the at-risk base’s third failed year is proposed for a notice', async () => {
    const c = (await call('moist', 'GET', '/api/assessment/2025/commendations')).json();
    const results = (await call('moist', 'GET', '/api/assessment/2025/results')).json();
    expect(c.clause).toBe('a13.s1');
    expect(c.items.map((i: { baseId: string }) => i.baseId).sort()).toEqual(results.filter((r: { grade: string }) => r.grade === 'excellent').map((r: { baseId: string }) => r.baseId).sort());
    const lzu = results.find((x: { nameZh: string }) => x.nameZh.includes('兰州大学'));
    expect(lzu.grade).toBe('fail');
    const proposals = (await call('moist', 'GET', '/api/notice-proposals?status=proposed')).json();
    const p = proposals.find((x: { baseId: string }) => x.baseId === lzu.baseId);
    expect(p.run).toEqual([2023, 2024, 2025]);
    expect(p.reading.rule.zh).toContain('连续三年考核不合格');
    // Re-running does not propose twice.
    await call('moist', 'POST', '/api/assessment/2025/run');
    expect((await call('moist', 'GET', '/api/notice-proposals?status=proposed')).json().filter((x: { baseId: string }) => x.baseId === lzu.baseId)).toHaveLength(1);
  });

  it('a10.i4: publishing makes results visible in scope and final', async () => {
    expect((await call('moist', 'POST', '/api/assessment/2025/publish')).statusCode).toBe(200);
    const again = await call('moist', 'POST', '/api/assessment/2025/run');
    expect(again.statusCode).toBe(422);
    expect(again.json().error.clause).toBe('a10.i4');
    const mine = (await call('sichuan', 'GET', '/api/assessment/2025/results')).json();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r: { code: string }) => !r.code.includes('JRC-0001'))).toBe(true);
  });

  it('a10.i4: the board shows status, reporting progress, distribution, bases at risk and trends — the department sees its own', async () => {
    const all = (await call('moist', 'GET', '/api/bases/board?year=2025')).json();
    expect(all.byStatus.find((s: { status: string }) => s.status === 'notified').n).toBe(1);
    expect(all.reporting.summary.expected).toBeGreaterThanOrEqual(28);
    expect(all.reporting.summary.missing).toBeGreaterThanOrEqual(1);
    expect(all.reporting.summary.late).toBeGreaterThanOrEqual(2);
    expect(all.distribution.reduce((s: number, d: { n: number }) => s + d.n, 0)).toBe(all.trends.at(-1).excellent + all.trends.at(-1).good + all.trends.at(-1).pass + all.trends.at(-1).fail + all.trends.at(-1).not_eligible);
    expect(all.trends.map((t: { year: number }) => t.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2023, 2024, 2025]);
    expect(all.atRisk.every((r: { failedRun: number; run: number[] }) => r.failedRun >= 1 && r.run.length === r.failedRun)).toBe(true);
    expect(all.atRisk.some((r: { nameZh: string; failedRun: number }) => r.nameZh.includes('兰州大学') && r.failedRun === 3)).toBe(true);
    const sichuan = (await call('sichuan', 'GET', '/api/bases/board?year=2025')).json();
    expect(sichuan.scope).toBe('recommended');
    expect(sichuan.byStatus.reduce((s: number, x: { n: number }) => s + x.n, 0)).toBeLessThan(all.byStatus.reduce((s: number, x: { n: number }) => s + x.n, 0));
  });
});
