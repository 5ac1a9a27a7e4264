// Volume for `npm run bench:annual`: national bases up to `total`, each with ten years of history
// (2016–2025): plans and summaries, three projects, talent and training records, and results of
// the published rounds 2016–2024 (the ministry skipped 2022). Generated in SQL from the demo's
// institutions, deterministic (hashtext of ids, no random()).
import type pg from 'pg';

export const BENCH_YEARS = { first: 2016, last: 2025, skipped: 2022 };

export async function addBaseVolume(client: pg.Client, total: number): Promise<{ bases: number; reports: number; projects: number; activities: number; results: number }> {
  const { first, last, skipped } = BENCH_YEARS;
  const [{ n: existing }] = (await client.query<{ n: number }>('select count(*)::int n from bases')).rows as [{ n: number }];
  const extra = Math.max(0, total - existing);
  await client.query(`
    insert into bases (code, programme_key, type_id, name_zh, name_en, host_org_id, recommender_id, zone_id, region_code, fields, foreign_partners, recognized_on)
    select 'GH-B-' || lpad(g::text, 5, '0'), 'most-bases@2011',
      (array['innovation_park','joint_research_center','tech_transfer_center','demonstration_base'])[1 + g % 4],
      '基准基地' || g, 'Bench base ' || g, h.id, h.recommender_id, h.zone_id, h.region_code, '["energy"]'::jsonb,
      jsonb_build_array(jsonb_build_object('nameEn', 'Partner ' || g, 'country', 'DE')),
      make_date(2012 + g % 9, 1 + g % 12, 1 + g % 28)
    from generate_series(1, $1::int) g
    join (select id, recommender_id, zone_id, region_code, row_number() over (order by key) - 1 rn, count(*) over () cnt
          from organizations where kind in ('science_park','research_institute','university','innovative_enterprise','st_intermediary')) h
      on h.rn = g % h.cnt`, [extra]);
  await client.query(`
    insert into reporting_years (year, plan_due, summary_due, opened_on)
    select y, make_date(y, 3, 31), make_date(y, 12, 31), make_date(y - 1, 12, 1) from generate_series(${first}, ${last}) y
    on conflict (year) do nothing`);
  // Summaries and plans: submitted mid-December (5 % late into January), signed and received.
  const reports = await client.query(`
    insert into annual_reports (base_id, year, kind, status, content, narrative, history, late, first_submitted_at, recommender_score, opinion)
    select b.id, y, k, 'received_by_ministry',
      jsonb_build_object(
        'goals', jsonb_build_array(jsonb_build_object('goal', '目标', 'result', '', 'achieved', x % 3 <> 0)),
        'partners', jsonb_build_array(jsonb_build_object('name', 'P' || (x % 7), 'country', 'DE', 'agreement', true)),
        'papers', jsonb_build_object('total', x % 40, 'international', x % 25),
        'patents', jsonb_build_object('filed', x % 6, 'granted', x % 4, 'international', x % 2),
        'standards', jsonb_build_object('total', x % 3, 'international', x % 2),
        'techTransfer', jsonb_build_object('contracts', x % 30, 'valueWan', x % 3000),
        'difficulties', ''),
      '', jsonb_build_array(jsonb_build_object('at', to_char(sub, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'action', 'submit', 'actorOrgId', b.host_org_id, 'from', 'draft', 'to', 'submitted')),
      sub > (make_date(y, 12, 31) + interval '1 day' - interval '8 hours'), sub, 40 + x % 60, '同意'
    from bases b cross join generate_series(${first}, ${last}) y cross join (values ('plan'), ('summary')) kinds(k)
    cross join lateral (select abs(hashtext(b.id::text || y || k)) x) h
    cross join lateral (select (make_date(y, 12, 10) + ((x % 40) || ' days')::interval)::timestamptz sub) s
    where extract(year from b.recognized_on) <= y
    on conflict do nothing`);
  const projects = await client.query(`
    insert into projects (key, org_id, kind, level, title, partner_country, start_year, end_year, funding_wan, matching_wan)
    select 'bench-' || b.id || '-' || n, b.host_org_id, (array['national_special','intergovernmental','other'])[n], case when n = 3 then 'provincial' else 'national' end,
      '基准项目' || n, 'DE', s, s + 4, 100 + abs(hashtext(b.id::text || n)) % 900, (abs(hashtext(b.id::text || n)) % 900) / 5
    from bases b cross join generate_series(1, 3) n cross join lateral (select ${first} + abs(hashtext(b.code || n)) % 9 s) st`);
  await client.query(`insert into base_projects (project_id, base_id, status) select p.id, b.id, 'ongoing' from projects p join bases b on p.key like 'bench-' || b.id || '-%'`);
  const activities = await client.query(`
    insert into base_activities (base_id, year, kind, title, people)
    select b.id, y, k, k, 1 + abs(hashtext(b.id::text || y || k)) % 30
    from bases b cross join generate_series(${first}, ${last}) y
    cross join (values ('talent_introduced'), ('talent_trained'), ('training_held'), ('info_service'), ('visit_in'), ('visit_out')) kinds(k)
    where extract(year from b.recognized_on) <= y`);
  await client.query(`
    insert into assessment_rounds (year, status, computed_at, published_at)
    select y, 'published', make_date(y + 1, 4, 20), make_date(y + 1, 4, 30) from generate_series(${first}, ${last - 1}) y where y <> ${skipped}
    on conflict (year) do nothing`);
  // About one base in twelve fails a given year, so runs of two and three exist.
  const results = await client.query(`
    insert into assessment_results (year, base_id, grade, score, detail)
    select r.year, b.id,
      case when r.year = extract(year from b.recognized_on) then 'not_eligible' when x % 12 = 0 or (b.code like '%7' and r.year >= 2020) then 'fail' when x % 10 < 2 then 'excellent' when x % 10 < 6 then 'good' else 'pass' end,
      case when r.year = extract(year from b.recognized_on) then null else 50 + x % 50 end, '{}'::jsonb
    from bases b join assessment_rounds r on r.year >= extract(year from b.recognized_on)
    cross join lateral (select abs(hashtext(b.id::text || r.year)) x) h
    on conflict do nothing`);
  const [{ n: bases }] = (await client.query<{ n: number }>('select count(*)::int n from bases')).rows as [{ n: number }];
  return { bases, reports: reports.rowCount ?? 0, projects: projects.rowCount ?? 0, activities: activities.rowCount ?? 0, results: results.rowCount ?? 0 };
}
