// Demo: the national bases that already exist, with a few years of history (issue 5). Hosts are
// demo institutions; types follow a5–a8 (parks host innovation parks, intermediaries transfer
// centers). The ministry assessed 2016–2024 except 2022 (a skipped year); 2025 is reported but not
// yet assessed. Stories: one base notified after 2020, 2021, 2023 (three consecutive ASSESSMENT
// years — 2022 had no round), one at risk with 2023 and 2024 failed, one recognized mid-2024.
import { INSTITUTIONS, FOREIGN_PARTNERS } from './catalog.js';
import type { PriorityField } from './types.js';

export type DemoGrade = 'excellent' | 'good' | 'pass' | 'fail' | 'not_eligible';

export interface DemoBase {
  key: string;
  code: string;
  typeId: 'innovation_park' | 'joint_research_center' | 'tech_transfer_center' | 'demonstration_base';
  hostKey: string;
  nameZh: string;
  nameEn: string;
  fields: PriorityField[];
  partnerKeys: string[];
  plaques: { partnerKey: string; on: string }[];
  recognizedOn: string;
  documentNumber: string;
  status: 'active' | 'notified' | 'revoked';
  notice: { on: string; documentNumber: string; run: number[] } | null;
  results: { year: number; grade: DemoGrade; score: number | null }[];
  /** 0–1: how strong the base's yearly output is (drives report numbers). */
  quality: number;
}

export interface DemoReport {
  baseKey: string;
  year: number;
  kind: 'plan' | 'summary';
  status: 'draft' | 'submitted' | 'returned' | 'signed_by_recommender' | 'received_by_ministry';
  /** Beijing civil date of the first submission; null if never submitted. */
  submittedOn: string | null;
  content: Record<string, unknown>;
  narrative: string;
  opinion: string | null;
  recommenderScore: number | null;
}

export interface DemoActivity { baseKey: string; year: number; kind: string; title: string; people: number; country: string | null }

export interface DemoBases {
  roundYears: number[];
  reportingYears: { year: number; planDue: string; summaryDue: string; openedOn: string }[];
  bases: DemoBase[];
  reports: DemoReport[];
  activities: DemoActivity[];
}

export const DEMO_ROUND_YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2023, 2024];

const FIELD_SHORT: Record<PriorityField, [string, string]> = {
  energy: ['清洁能源', 'Clean Energy'], materials_manufacturing: ['先进材料与制造', 'Advanced Materials and Manufacturing'],
  information_network: ['信息网络', 'Information Networks'], agriculture: ['现代农业', 'Modern Agriculture'], bio_health: ['生物医药', 'Biomedicine'],
  ecology_environment: ['生态环境', 'Ecology and Environment'], space_ocean: ['空天海洋', 'Space and Ocean'], public_security: ['公共安全', 'Public Safety'],
};
const TYPE_CODE = { innovation_park: 'IP', joint_research_center: 'JRC', tech_transfer_center: 'TTC', demonstration_base: 'DB' } as const;

type Spec = [slug: string, type: DemoBase['typeId'], recognizedOn: string, quality: number, story?: 'notified' | 'at_risk' | 'one_fail'];
const SPECS: Spec[] = [
  ['park-wuhan', 'innovation_park', '2014-11-20', 0.8], ['park-hefei', 'innovation_park', '2016-12-08', 0.6], ['park-xian', 'innovation_park', '2018-10-15', 0.5],
  ['tsinghua', 'joint_research_center', '2012-06-28', 0.95], ['scu', 'joint_research_center', '2013-07-02', 0.75], ['zju', 'joint_research_center', '2012-06-28', 0.9],
  ['xjtu', 'joint_research_center', '2015-09-10', 0.7], ['buaa', 'joint_research_center', '2014-08-22', 0.8], ['szu', 'joint_research_center', '2019-11-06', 0.65],
  ['dicp', 'joint_research_center', '2012-06-28', 0.92], ['wiv', 'joint_research_center', '2016-09-30', 0.6], ['sim', 'joint_research_center', '2017-10-12', 0.7],
  ['hfips', 'joint_research_center', '2013-07-02', 0.72], ['caas', 'joint_research_center', '2012-06-28', 0.85], ['cams', 'joint_research_center', '2015-09-10', 0.78],
  ['yhwx', 'joint_research_center', '2020-12-01', 0.55],
  ['hzitt', 'tech_transfer_center', '2016-05-18', 0.7], ['zjlt', 'tech_transfer_center', '2018-06-20', 0.5], ['slht', 'tech_transfer_center', '2021-07-09', 0.45],
  ['hust', 'demonstration_base', '2016-09-30', 0.35, 'notified'], ['lzu', 'demonstration_base', '2018-10-15', 0.3, 'at_risk'],
  ['hit', 'demonstration_base', '2014-08-22', 0.6], ['zjut', 'demonstration_base', '2019-11-06', 0.55], ['ynu', 'demonstration_base', '2017-10-12', 0.5],
  ['saas', 'demonstration_base', '2013-07-02', 0.6], ['jaas', 'demonstration_base', '2015-09-10', 0.45, 'one_fail'], ['lyhy', 'demonstration_base', '2021-07-09', 0.4],
  ['cib', 'demonstration_base', '2022-08-16', 0.55], ['tri', 'demonstration_base', '2024-07-26', 0.6],
];

type Rng = { next(): number; int(min: number, max: number): number };

function gradeOf(score: number): DemoGrade {
  return score >= 90 ? 'excellent' : score >= 75 ? 'good' : score >= 60 ? 'pass' : 'fail';
}

function results(spec: Spec, rng: Rng): DemoBase['results'] {
  const [, , recognizedOn, quality, story] = spec;
  const first = Number(recognizedOn.slice(0, 4));
  const out: DemoBase['results'] = [];
  for (const year of DEMO_ROUND_YEARS) {
    if (year < first) continue;
    // Recognized during the round's year: 不符合评估条件, never a fail.
    if (year === first) { out.push({ year, grade: 'not_eligible', score: null }); continue; }
    let score = Math.round((55 + quality * 40 + rng.int(-6, 6)) * 10) / 10;
    if (story === 'notified') score = [2020, 2021, 2023].includes(year) ? 50 + rng.int(0, 8) : 62 + rng.int(0, 8);
    if (story === 'at_risk') score = year >= 2023 ? 48 + rng.int(0, 9) : 61 + rng.int(0, 10);
    if (story === 'one_fail') score = year === 2024 ? 55 : 64 + rng.int(0, 8);
    if (!story) score = Math.max(score, 60); // ordinary bases pass: failures are the stories
    out.push({ year, grade: gradeOf(Math.min(score, 99)), score: Math.min(score, 99) });
  }
  return out;
}

export function buildBases(rng: Rng): DemoBases {
  const bases: DemoBase[] = [];
  const serial = new Map<string, number>();
  for (const spec of SPECS) {
    const [slug, typeId, recognizedOn, quality, story] = spec;
    const host = INSTITUTIONS.find((i) => i.slug === slug);
    if (!host) throw new Error(`demo base host ${slug} missing`);
    const field = host.fields[0]!;
    const [fzh, fen] = FIELD_SHORT[field];
    const nameZh = typeId === 'innovation_park' ? host.nameZh.replace(/国际(科技合作园|科技园|创新园)$/, '') + '国际创新园'
      : typeId === 'tech_transfer_center' ? host.nameZh.replace(/(有限公司|服务中心)$/, '').replace(/国际技术转移中心$/, '') + '国际技术转移中心'
        : typeId === 'joint_research_center' ? `${host.nameZh}${fzh}国际联合研究中心` : `${host.nameZh}${fzh}示范型国际科技合作基地`;
    const nameEn = typeId === 'innovation_park' ? `${host.nameEn} (International Innovation Park)`
      : typeId === 'tech_transfer_center' ? `${host.nameEn} (International Technology Transfer Center)`
        : typeId === 'joint_research_center' ? `International Joint Research Center for ${fen}, ${host.nameEn}` : `Demonstration Base for ${fen}, ${host.nameEn}`;
    const year = recognizedOn.slice(0, 4);
    const n = (serial.get(`${year}${typeId}`) ?? 0) + 1;
    serial.set(`${year}${typeId}`, n);
    const partners = FOREIGN_PARTNERS.filter((f) => f.fields.some((x) => host.fields.includes(x)));
    const partnerKeys = partners.slice(0, 1 + rng.int(0, Math.min(2, partners.length - 1))).map((p) => `foreign-${p.slug}`);
    const plaques = typeId === 'joint_research_center' && partnerKeys[0] ? [{ partnerKey: partnerKeys[0], on: `${Number(year) + 1}-0${rng.int(3, 9)}-1${rng.int(0, 9)}` }] : [];
    bases.push({
      key: `base-${slug}`, code: `GH-${year}-${TYPE_CODE[typeId]}-${String(n).padStart(4, '0')}`, typeId, hostKey: `inst-${slug}`, nameZh, nameEn,
      fields: [...host.fields], partnerKeys, plaques, recognizedOn, documentNumber: `国科外字〔${year}〕${10 + rng.int(0, 80)}号`,
      status: story === 'notified' ? 'notified' : 'active',
      notice: story === 'notified' ? { on: '2024-06-12', documentNumber: '国科外函〔2024〕38号', run: [2020, 2021, 2023] } : null,
      results: results(spec, rng), quality,
    });
  }
  const { reports, activities } = reportsAndActivities(bases, rng);
  return {
    roundYears: DEMO_ROUND_YEARS,
    reportingYears: [
      { year: 2025, planDue: '2025-03-31', summaryDue: '2025-12-31', openedOn: '2024-12-01' },
      { year: 2026, planDue: '2026-03-31', summaryDue: '2026-12-31', openedOn: '2025-12-01' },
    ],
    bases, reports, activities,
  };
}

const GOALS = ['新签国际合作协议', '联合申报国际合作项目', '举办国际学术会议', '引进海外高层次人才', '开展国际技术培训'];

function content(b: DemoBase, rng: Rng, scale: number) {
  const q = b.quality * scale;
  const k = (max: number) => Math.max(0, Math.round(max * q + rng.int(-1, 1)));
  return {
    goals: GOALS.slice(0, 3 + rng.int(0, 2)).map((goal) => ({ goal, result: '', achieved: rng.next() < q + 0.1 })),
    partners: b.partnerKeys.map((key) => {
      const f = FOREIGN_PARTNERS.find((x) => `foreign-${x.slug}` === key)!;
      return { name: f.nameEn, country: f.country, agreement: true };
    }),
    papers: { total: k(30), international: k(18) },
    patents: { filed: k(6), granted: k(4), international: k(2) },
    standards: { total: k(3), international: k(1) },
    techTransfer: { contracts: k(b.typeId === 'tech_transfer_center' || b.typeId === 'innovation_park' ? 16 : 5), valueWan: k(b.typeId === 'tech_transfer_center' ? 1800 : 600) },
    difficulties: q < 0.4 ? '国际合作经费不足，外方合作伙伴联络减少。' : '',
  };
}

/** 2025: summaries mostly received; 2026: plans mostly in, summaries being drafted. */
function reportsAndActivities(bases: DemoBase[], rng: Rng) {
  const reports: DemoReport[] = [];
  const activities: DemoActivity[] = [];
  const signed = (b: DemoBase) => ({ opinion: '经审核，该基地年度报告内容属实，同意报送。', recommenderScore: Math.round(60 + b.quality * 35) });
  bases.forEach((b, i) => {
    if (Number(b.recognizedOn.slice(0, 4)) > 2025) return;
    const story = b.key === 'base-lzu' ? 'late' : b.key === 'base-lyhy' ? 'missing' : i % 9 === 4 ? 'signed' : i % 11 === 7 ? 'submitted' : 'received';
    if (story !== 'missing') {
      const status = story === 'signed' ? 'signed_by_recommender' : story === 'submitted' ? 'submitted' : 'received_by_ministry';
      const withOpinion = status !== 'submitted';
      reports.push({
        baseKey: b.key, year: 2025, kind: 'summary', status, submittedOn: story === 'late' ? '2026-01-20' : `2025-12-${String(10 + rng.int(0, 18)).padStart(2, '0')}`,
        content: content(b, rng, b.key === 'base-lzu' ? 0.5 : 1), narrative: `${b.nameZh}2025年度工作总结。`,
        opinion: withOpinion ? signed(b).opinion : null, recommenderScore: withOpinion ? (b.key === 'base-lzu' ? 45 : signed(b).recommenderScore) : null,
      });
      for (const [kind, title, people] of [
        ['talent_introduced', '引进海外青年科学家', Math.round(b.quality * 5)], ['talent_trained', '联合培养研究生', Math.round(b.quality * 20)],
        ['training_held', '国际技术培训班', Math.round(b.quality * 40)], ['visit_in', '外方专家来访', Math.round(b.quality * 12)], ['visit_out', '出访合作机构', Math.round(b.quality * 10)],
      ] as const) {
        if (people > 0) activities.push({ baseKey: b.key, year: 2025, kind, title, people, country: null });
      }
    }
    const planDraft = i % 7 === 3 || b.key === 'base-lyhy';
    reports.push({
      baseKey: b.key, year: 2026, kind: 'plan', status: planDraft ? 'draft' : i % 3 === 0 ? 'signed_by_recommender' : 'received_by_ministry',
      submittedOn: planDraft ? null : `2026-03-${String(1 + rng.int(0, 27)).padStart(2, '0')}`,
      content: { ...content(b, rng, 0), goals: GOALS.slice(0, 4).map((goal) => ({ goal, result: '', achieved: false })) }, narrative: `${b.nameZh}2026年度工作计划。`,
      opinion: planDraft ? null : signed(b).opinion, recommenderScore: null,
    });
  });
  return { reports, activities };
}
