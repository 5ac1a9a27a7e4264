// Types (from the shared contracts), colours and small helpers of the bases pages.
import type { z } from 'zod';
import type {
  ZAssessmentResult, ZActivity, ZBoard, ZCommendation, ZIndicator, ZIndicatorSystem, ZMayApplyAgain, ZNoticeProposal, ZReportPrefill,
  ZReportingYear, ZRunYearResult, ZThreeYearRow, ZYearReportRow,
} from '../../../contracts/bases';
import type { Me } from '../../../contracts/auth';
import type { Lang } from '../../i18n';

export type {
  BaseDetail, BaseListItem, BaseProject, FailedYearsReading, GradeId, Report, ReportContent, ReportComputed, Board,
} from '../../../contracts/bases';
export { baseTypeIds, baseStatuses, gradeIds, baseProjectKinds, projectStatuses, activityKinds } from '../../../contracts/bases';

export type ReportingYear = z.infer<typeof ZReportingYear>;
export type YearReportRow = z.infer<typeof ZYearReportRow>;
export type ReportPrefill = z.infer<typeof ZReportPrefill>;
export type IndicatorSystem = z.infer<typeof ZIndicatorSystem>;
export type Indicator = z.infer<typeof ZIndicator>;
export type AssessmentResult = z.infer<typeof ZAssessmentResult>;
export type RunYearResult = z.infer<typeof ZRunYearResult>;
export type Commendation = z.infer<typeof ZCommendation>;
export type ThreeYearRow = z.infer<typeof ZThreeYearRow>;
export type NoticeProposal = z.infer<typeof ZNoticeProposal>;
export type MayApplyAgain = z.infer<typeof ZMayApplyAgain>;
export type Activity = z.infer<typeof ZActivity>;
export type BoardData = z.infer<typeof ZBoard>;
export interface BaseReportRef { id: string; year: number; kind: string; status: string; late: boolean }

/** The eight priority fields of a15.s1 (ids as the regulation gives them). */
export const fieldIds = ['energy', 'materials_manufacturing', 'information_network', 'agriculture', 'bio_health', 'ecology_environment', 'space_ocean', 'public_security'] as const;

export const statusColor: Record<string, string> = { active: 'green', notified: 'orange', revoked: 'red' };
export const gradeColor: Record<string, string> = { excellent: 'gold', good: 'green', pass: 'blue', fail: 'red', not_eligible: 'default' };
/** Chart colours of the grades (the same order as gradeIds). */
export const gradeHex: Record<string, string> = { excellent: '#d4a017', good: '#389e0d', pass: '#1677ff', fail: '#cf1322', not_eligible: '#bfbfbf' };
export const reportStatusColor: Record<string, string> = {
  draft: 'default', submitted: 'processing', returned: 'warning', signed_by_recommender: 'cyan', received_by_ministry: 'success',
};
export const readingColor: Record<string, string> = {
  no_round: 'default', recognized_that_year: 'default', not_eligible: 'default', missing: 'purple', fail: 'red', passed: 'green', pending: 'processing',
};

/** Permission cells the pages ask (the server decides; these only choose which buttons to show). */
export function cell(me: Pick<Me, 'permissions'>, resource: string, action: string): string | null {
  return me.permissions[resource]?.[action] ?? null;
}
/** The ministry: configures, runs and publishes the assessment, confirms notices (base.decide over all). */
export const isMinistry = (me: Pick<Me, 'permissions'>) => cell(me, 'base', 'decide') === 'all';

export function countryName(code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Money is kept in 万元 (CNY 10,000). */
export function wan(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(n);
}

export const thisYear = () => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** Is a day (YYYY-MM-DD, Beijing) past? */
export function isPast(isoDay: string): boolean {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return today > isoDay.slice(0, 10);
}
