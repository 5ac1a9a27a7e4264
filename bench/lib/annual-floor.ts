// The bare SQL of the year's aggregation, for the floor of `npm run bench:annual`: the same
// metrics from summaries, projects and records, the same weighted score over the default
// indicator systems, the grade bands, and the a13.s3 run of failed assessment years — one
// statement, materialized into a temporary table (the app writes its results too).
import { metricIds } from '../../src/contracts/bases.js';
import { defaultIndicators } from '../../src/server/bases/assessment/indicators.js';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function floorSql(year: number, thresholds: { excellent: number; good: number; pass: number }): string[] {
  const indicators = Object.entries(defaultIndicators).flatMap(([type, xs]) => xs.map((i) =>
    `(${lit(type)}, ${lit(i.id)}, ${lit(i.source)}, ${i.metric ? lit(i.metric) : 'null'}, ${i.target ?? 'null'}::float8, ${i.weight}::float8)`));
  const metricCase = `case i.metric ${metricIds.map((m) => `when ${lit(m)} then m.${m}`).join(' ')} end`;
  const due = `(make_date(${year}, 12, 31) + interval '1 day' - interval '8 hours')`;
  return ['drop table if exists floor_results', `
create temp table floor_results as
with ind(type_id, id, source, metric, target, weight) as (values ${indicators.join(',\n')}),
b as (
  select id, type_id, recognized_on, jsonb_array_length(foreign_partners) partners from bases
  where recognized_on <= make_date(${year}, 12, 31) and (status <> 'revoked' or status_changed_on >= make_date(${year}, 1, 1))
),
s as (select base_id, content c, first_submitted_at, recommender_score from annual_reports where year = ${year} and kind = 'summary' and first_submitted_at is not null),
p as (
  select bp.base_id, count(*) active, count(*) filter (where pr.kind in ('national_special', 'intergovernmental')) national,
    sum(pr.funding_wan) funding, sum(pr.matching_wan) matching
  from base_projects bp join projects pr on pr.id = bp.project_id where pr.start_year <= ${year} and pr.end_year >= ${year} group by bp.base_id
),
a as (
  select base_id, sum(people) filter (where kind = 'talent_introduced') ti, sum(people) filter (where kind = 'talent_trained') tt,
    count(*) filter (where kind = 'training_held') th, count(*) filter (where kind = 'info_service') isv,
    sum(people) filter (where kind in ('visit_in', 'visit_out')) visits
  from base_activities where year = ${year} group by base_id
),
m as (
  select b.id, b.type_id, b.recognized_on, s.recommender_score,
    coalesce(p.active, 0)::float8 projects_active, coalesce(p.national, 0)::float8 projects_national, coalesce(p.funding, 0)::float8 funding_wan,
    coalesce(p.matching, 0)::float8 matching_wan,
    greatest(b.partners, coalesce(jsonb_array_length(s.c->'partners'), 0))::float8 partners, coalesce(a.visits, 0)::float8 visits,
    coalesce(a.ti, 0)::float8 talent_introduced, coalesce(a.tt, 0)::float8 talent_trained, coalesce(a.th, 0)::float8 trainings_held,
    coalesce(a.isv, 0)::float8 info_services, coalesce((s.c->'papers'->>'total')::float8, 0) papers,
    coalesce((s.c->'papers'->>'international')::float8, 0) papers_international,
    coalesce((s.c->'patents'->>'filed')::float8 + (s.c->'patents'->>'granted')::float8, 0) patents,
    coalesce((s.c->'standards'->>'total')::float8, 0) standards, coalesce((s.c->'techTransfer'->>'contracts')::float8, 0) transfer_contracts,
    coalesce((s.c->'techTransfer'->>'valueWan')::float8, 0) transfer_value_wan,
    case when s.first_submitted_at <= ${due} then 1.0 else 0.0 end report_on_time,
    coalesce((select avg(case when (g->>'achieved')::boolean then 1.0 else 0.0 end) from jsonb_array_elements(s.c->'goals') g), 0) goals_achieved_ratio
  from b left join s on s.base_id = b.id left join p on p.base_id = b.id left join a on a.base_id = b.id
),
sc as (
  select m.id, m.type_id, m.recognized_on,
    round((sum(i.weight * x.score) / nullif(sum(i.weight) filter (where x.score is not null), 0))::numeric, 2)::float8 score
  from m join ind i on i.type_id = m.type_id
  cross join lateral (select case i.source when 'computed' then least(100, ${metricCase} / i.target * 100)
    when 'recommender' then m.recommender_score::float8 else (select avg(e.score) from assessment_expert_scores e where e.year = ${year} and e.base_id = m.id and e.indicator_id = i.id) end score) x
  group by m.id, m.type_id, m.recognized_on
),
g as (
  select id, recognized_on, score, case when extract(year from recognized_on) >= ${year} or score is null then 'not_eligible'
    when score >= ${thresholds.excellent} then 'excellent' when score >= ${thresholds.good} then 'good' when score >= ${thresholds.pass} then 'pass' else 'fail' end grade
  from sc
),
hist as (
  select r.base_id, r.year, r.grade from assessment_results r join g on g.id = r.base_id where r.year < ${year}
  union all select id, ${year}, grade from g
),
rounds as (select year from assessment_rounds where year < ${year} union select ${year}),
grid as (
  select g.id, rd.year, coalesce(h.grade, 'missing') grade from g join rounds rd on rd.year > extract(year from g.recognized_on)
  left join hist h on h.base_id = g.id and h.year = rd.year
),
runs as (
  select id, grade, sum(case when grade = 'fail' then 0 else 1 end) over (partition by id order by year) grp from grid where grade <> 'not_eligible'
),
longest as (select id, max(n) n from (select id, grp, count(*) filter (where grade = 'fail') n from runs group by id, grp) x group by id)
select g.id, g.score, g.grade, coalesce(l.n, 0) >= 3 triggered from g left join longest l on l.id = g.id`,
  'select grade, count(*)::int n, count(*) filter (where triggered)::int triggered from floor_results group by grade order by grade'];
}
