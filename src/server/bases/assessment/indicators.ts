// The default indicator system per base type (a10.i4). The groups are the ones published for
// evaluation rounds (practice.md, "Evaluation and annual reporting"); their weights are not
// public, so the defaults follow comparable schemes (about 50 / 30 / 20) and the ministry
// configures its own versions. Each computed indicator reads one metric of the annual summary,
// the base's projects or its talent and training records (a14.s1, a16, a17.s1).
import type { IndicatorInput, MetricId } from '../../../contracts/bases.js';

export type Indicator = IndicatorInput;
export type Thresholds = { excellent: number; good: number; pass: number };
type Text = { zh: string; en: string };

const g = {
  gather: { zh: '集聚能力与贡献', en: 'Agglomeration and contribution' },
  rnd: { zh: '研发能力与贡献', en: 'R&D capacity and contribution' },
  coop: { zh: '国际合作与交流', en: 'International cooperation and exchange' },
  coop2: { zh: '合作与交流', en: 'Cooperation and exchange' },
  transfer: { zh: '技术转移与产业化', en: 'Technology transfer and industrialization' },
  demo: { zh: '合作能力、成果及示范作用', en: 'Cooperation capacity, results and demonstration' },
  talent: { zh: '队伍与人才', en: 'Team and talent' },
  ops: { zh: '运行与管理', en: 'Operation and management' },
  ops2: { zh: '日常运行与管理', en: 'Day-to-day operation and management' },
} satisfies Record<string, Text>;

const c = (id: string, group: Text, zh: string, en: string, weight: number, metric: MetricId, target: number): Indicator =>
  ({ id, group, name: { zh, en }, weight, source: 'computed', metric, target });
const expert = (id: string, group: Text, weight: number): Indicator =>
  ({ id, group, name: { zh: '专家评议', en: 'Expert assessment' }, weight, source: 'expert' });
const recommender = (group: Text, weight: number): Indicator =>
  ({ id: 'recommender_opinion', group, name: { zh: '推荐单位审核意见', en: 'Recommending unit’s opinion' }, weight, source: 'recommender' });

/** Shared by every type: team and talent (a17.s1) and operation (a14.s1 reporting on time). */
const talent = (group: Text): Indicator[] => [
  c('talent_introduced', group, '引进人才', 'Talent introduced', 6, 'talent_introduced', 5),
  c('talent_trained', group, '培养人才', 'Talent trained', 6, 'talent_trained', 20),
];
const operation = (group: Text): Indicator[] => [
  c('report_on_time', group, '按时报送年度报告', 'Annual report on time', 4, 'report_on_time', 1),
  recommender(group, 6),
  expert('expert_operation', group, 10),
];

export const defaultIndicators: Record<string, Indicator[]> = {
  innovation_park: [
    c('projects_active', g.gather, '在研国际合作项目', 'Active cooperation projects', 14, 'projects_active', 8),
    c('funding', g.gather, '国际合作项目经费', 'Project funding', 12, 'funding_wan', 1000),
    c('partners', g.coop, '国外合作伙伴', 'Foreign partners', 10, 'partners', 10),
    c('visits', g.coop, '人员往来', 'Visits', 10, 'visits', 30),
    c('trainings', g.coop, '国际培训与信息服务', 'Trainings and information services', 6, 'trainings_held', 4),
    c('transfer_contracts', g.transfer, '技术转移项目', 'Technology transfer contracts', 10, 'transfer_contracts', 10),
    c('transfer_value', g.transfer, '技术转移金额', 'Technology transfer value', 6, 'transfer_value_wan', 2000),
    ...talent(g.talent),
    ...operation(g.ops2),
  ],
  joint_research_center: [
    c('projects_national', g.rnd, '国家级国际合作项目', 'National cooperation projects', 16, 'projects_national', 3),
    c('funding', g.rnd, '项目经费', 'Project funding', 10, 'funding_wan', 600),
    c('papers', g.rnd, '合作论文', 'Co-authored papers', 12, 'papers_international', 15),
    c('patents', g.rnd, '专利', 'Patents', 6, 'patents', 5),
    c('standards', g.rnd, '标准', 'Standards', 4, 'standards', 2),
    c('partners', g.coop2, '国外合作伙伴', 'Foreign partners', 10, 'partners', 5),
    c('visits', g.coop2, '人员往来', 'Visits', 10, 'visits', 20),
    ...talent(g.talent),
    ...operation(g.ops),
  ],
  tech_transfer_center: [
    c('transfer_contracts', g.transfer, '技术转移项目', 'Technology transfer contracts', 18, 'transfer_contracts', 15),
    c('transfer_value', g.transfer, '技术转移金额', 'Technology transfer value', 14, 'transfer_value_wan', 1500),
    c('info_services', g.transfer, '信息服务', 'Information services', 8, 'info_services', 10),
    c('trainings', g.transfer, '国际技术培训', 'International technical trainings', 6, 'trainings_held', 4),
    c('partners', g.coop2, '国外合作伙伴', 'Foreign partners', 12, 'partners', 8),
    c('visits', g.coop2, '人员往来', 'Visits', 10, 'visits', 20),
    ...talent(g.talent),
    ...operation(g.ops),
  ],
  demonstration_base: [
    c('projects_active', g.demo, '在研国际合作项目', 'Active cooperation projects', 14, 'projects_active', 4),
    c('funding', g.demo, '项目经费', 'Project funding', 10, 'funding_wan', 400),
    c('goals', g.demo, '年度目标完成', 'Annual goals achieved', 12, 'goals_achieved_ratio', 1),
    c('trainings', g.demo, '培训与示范推广', 'Trainings and outreach', 10, 'trainings_held', 3),
    c('partners', g.coop2, '国外合作伙伴', 'Foreign partners', 12, 'partners', 5),
    c('visits', g.coop2, '人员往来', 'Visits', 10, 'visits', 15),
    ...talent(g.talent),
    ...operation(g.ops),
  ],
};

export type IndicatorScore = { id: string; source: Indicator['source']; weight: number; value: number | null; score: number | null };

/**
 * Score one base: computed indicators proportionally to their target (capped at 100), expert
 * indicators as the mean of the experts' scores, the recommender's from its rating. An indicator
 * with nothing to score it is left out and the weights of the others rescaled — and it is listed
 * with a null score, so the result says which indicators it rests on. No score at all → null.
 */
export function scoreBase(indicators: readonly Indicator[], metrics: Partial<Record<MetricId, number>>, expert: ReadonlyMap<string, number[]>, recommenderScore: number | null): { score: number | null; items: IndicatorScore[] } {
  const items: IndicatorScore[] = indicators.map((ind) => {
    if (ind.source === 'computed') {
      const value = metrics[ind.metric!] ?? 0;
      return { id: ind.id, source: ind.source, weight: ind.weight, value, score: Math.min(100, (value / ind.target!) * 100) };
    }
    if (ind.source === 'expert') {
      const xs = expert.get(ind.id) ?? [];
      const mean = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
      return { id: ind.id, source: ind.source, weight: ind.weight, value: mean, score: mean };
    }
    return { id: ind.id, source: ind.source, weight: ind.weight, value: recommenderScore, score: recommenderScore };
  });
  const scored = items.filter((i) => i.score !== null);
  const weight = scored.reduce((s, i) => s + i.weight, 0);
  if (weight === 0) return { score: null, items };
  const total = scored.reduce((s, i) => s + i.weight * i.score!, 0) / weight;
  return { score: Math.round(total * 100) / 100, items };
}
