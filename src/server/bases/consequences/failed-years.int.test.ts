// a13.s3 "连续三年考核不合格" on the edge years, through the API: the rule and its year-by-year
// reading are what the base page and the failed-years list show. Demo rounds: 2016–2021, 2023,
// 2024 (2022 skipped by the ministry).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/db.js';
import { testApp, type TestApp } from '../../testing/app.js';
import { apiAs, insertBase } from '../test-helpers.js';

type Reading = { triggered: boolean; run: number[]; years: { year: number; reading: string; runLength: number }[]; rule: { zh: string }; because: { zh: string } };

describeEachDb('a13.s3: three failed years in a row, read year by year (edge years)', (getDb) => {
  let app: TestApp;
  let call: ReturnType<typeof apiAs>;
  const reading = async (id: string): Promise<Reading> => (await call('moist', 'GET', `/api/bases/${id}`)).json().failedYears;
  beforeAll(async () => {
    app = await testApp(getDb());
    call = apiAs(app);
  });
  afterAll(async () => { await app.close(); });

  it('a13.s3: recognized mid-2019 (not counted) then 2020, 2021, 2023 failed — the skipped 2022 neither counts nor breaks', async () => {
    const b = await insertBase(getDb().db, 'inst-lhzs', '2019-07-01', [[2020, 'fail'], [2021, 'fail'], [2023, 'fail']]);
    const r = await reading(b.id);
    expect(r.triggered).toBe(true);
    expect(r.run).toEqual([2020, 2021, 2023]);
    expect(r.years.slice(0, 5).map((y) => y.reading)).toEqual(['recognized_that_year', 'fail', 'fail', 'no_round', 'fail']);
    expect(r.rule.zh).toBe('对连续三年考核不合格的国合基地，将给予通报。');
    expect(r.because.zh).toContain('2020、2021、2023');
  });

  it('a13.s3: a 不符合评估条件 year is skipped, not a break: 2019, 2020 failed, 2021 not eligible, 2023 failed → triggered', async () => {
    const b = await insertBase(getDb().db, 'inst-njxc', '2017-03-01', [[2018, 'pass'], [2019, 'fail'], [2020, 'fail'], [2021, 'not_eligible'], [2023, 'fail']]);
    const r = await reading(b.id);
    expect(r.years.find((y) => y.year === 2021)?.reading).toBe('not_eligible');
    expect(r.run).toEqual([2019, 2020, 2023]);
  });

  it('a13.s3: a pass resets the run (third and fourth year: two, not three); a missing result in a round year breaks it', async () => {
    const reset = await insertBase(getDb().db, 'inst-cysw', '2017-03-01', [[2019, 'fail'], [2020, 'fail'], [2021, 'pass'], [2023, 'fail'], [2024, 'fail']]);
    const r1 = await reading(reset.id);
    expect(r1.triggered).toBe(false);
    expect(r1.run).toEqual([2023, 2024]);
    expect(r1.years.find((y) => y.year === 2021)).toMatchObject({ reading: 'passed', runLength: 0 });
    const gap = await insertBase(getDb().db, 'inst-sccn', '2017-03-01', [[2019, 'fail'], [2020, 'fail'], [2023, 'fail'], [2024, 'fail']]);
    const r2 = await reading(gap.id);
    expect(r2.years.find((y) => y.year === 2021)?.reading).toBe('missing');
    expect(r2.triggered).toBe(false);
    expect(r2.run).toEqual([2023, 2024]);
  });

  it('a13.s3: the failed-years list carries each base’s reading; the board lists two-year runs as at risk', async () => {
    const list = (await call('moist', 'GET', '/api/bases/failed-years?year=2024&minRun=2')).json();
    expect(list.every((x: { reading: Reading }) => x.reading.run.length >= 2 || x.reading.triggered)).toBe(true);
    expect(list.some((x: { nameZh: string }) => x.nameZh.includes('兰州大学'))).toBe(true);
    const board = (await call('moist', 'GET', '/api/bases/board?year=2024')).json();
    expect(board.atRisk.some((x: { nameZh: string; failedRun: number }) => x.nameZh.includes('兰州大学') && x.failedRun === 2)).toBe(true);
    // A department sees its own only.
    const beijing = (await call('beijing', 'GET', '/api/bases/failed-years?year=2024')).json();
    expect(beijing.every((x: { nameZh: string }) => !x.nameZh.includes('兰州大学'))).toBe(true);
  });
});
