// Types and small helpers of the recognition pages. Shapes come from the shared contracts
// (src/contracts/recognition.ts): the server validates its answers against the same schemas.
import type { z } from 'zod';
import type {
  ZApplicationDetail, ZApplicationForm, ZApplicationSummary, ZAttachmentMeta, ZCall, ZDecision, ZEvaluationScreen,
  ZFormSection, ZProgrammeSummary, ZReviewResult, ZStep, ZEvent, ZTransitionResult, ZVerdict, ZDecisionResult,
} from '../../../contracts/recognition';
import { ApiError } from '../../app/api';
import type { Lang } from '../../i18n';

export type Text = { zh: string; en: string };
export type Call = z.infer<typeof ZCall>;
export type ApplicationSummary = z.infer<typeof ZApplicationSummary>;
export type ApplicationDetail = z.infer<typeof ZApplicationDetail>;
export type ApplicationForm = z.infer<typeof ZApplicationForm>;
export type FormSection = z.infer<typeof ZFormSection>;
export type Verdict = z.infer<typeof ZVerdict>;
export type Step = z.infer<typeof ZStep>;
export type AppEvent = z.infer<typeof ZEvent>;
export type AttachmentMeta = z.infer<typeof ZAttachmentMeta>;
export type ReviewResult = z.infer<typeof ZReviewResult>;
export type EvaluationScreen = z.infer<typeof ZEvaluationScreen>;
export type Candidate = EvaluationScreen['candidates'][number];
export type Decision = z.infer<typeof ZDecision>;
export type DecisionResult = z.infer<typeof ZDecisionResult>;
export type ProgrammeSummary = z.infer<typeof ZProgrammeSummary>;
export type TransitionResult = z.infer<typeof ZTransitionResult>;
export type ApplicationStatus = ApplicationSummary['status'];

export const applicationStatuses: ApplicationStatus[] = ['draft', 'in_progress', 'returned', 'rejected', 'recognized', 'withdrawn'];

export const statusColor: Record<string, string> = {
  draft: 'default',
  in_progress: 'processing',
  returned: 'warning',
  rejected: 'error',
  recognized: 'success',
  withdrawn: 'default',
  open: 'success',
  closed: 'default',
  notice: 'processing',
  awaiting_cosign: 'warning',
  issued: 'success',
};

/** The eight priority fields of a15.s1 (ids as the server stores them). */
export const fieldIds = [
  'energy', 'materials_manufacturing', 'information_network', 'agriculture',
  'bio_health', 'ecology_environment', 'space_ocean', 'public_security',
] as const;

/** Step ids of the national procedures, in procedure order (the list filter offers them). */
export const stepIds = [
  'agenda', 'apply', 'zone_support', 'recommend', 'formal_check', 'expert_review', 'assessment', 'evaluate', 'issue',
  'foreign_acknowledgement', 'foreign_plaque',
] as const;

/** The workbench to-do link names a step KIND (/recognition/applications?todo=formalCheck). */
export const stepIdOfKind: Record<string, string> = {
  agendaConsultation: 'agenda', governmentApplication: 'apply', institutionApply: 'apply', zoneSupportOpinion: 'zone_support',
  recommend: 'recommend', formalCheck: 'formal_check', expertReview: 'expert_review', assessment: 'assessment',
  comprehensiveEvaluation: 'evaluate', issueDocument: 'issue', foreignAcknowledgement: 'foreign_acknowledgement', foreignPlaque: 'foreign_plaque',
};

export const txt = (text: Text | null | undefined, lang: Lang) => (text ? (lang === 'en' ? text.en || text.zh : text.zh) : '');

export const orgName = (org: { nameZh: string; nameEn: string } | null | undefined, lang: Lang) =>
  org ? (lang === 'en' ? org.nameEn || org.nameZh : org.nameZh) : '';

export const appTitle = (a: { title: string; titleEn: string }, lang: Lang) => (lang === 'en' ? a.titleEn || a.title : a.title);

/** Date and time in Beijing, as the deadlines are stated. */
export function beijing(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const t = new Date(d.getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** Today in Beijing, YYYY-MM-DD. */
export const beijingToday = () => beijing(new Date().toISOString()).slice(0, 10);

/** A refusal of the Measures: the server's code, clause and the data it names (deadline, ban expiry). */
export function refusalOf(e: unknown): { code: string; clause?: string; message: string; data: Record<string, unknown> } | null {
  if (!(e instanceof ApiError) || e.code !== 'rule_refused') return null;
  const data = (e.body.data ?? {}) as Record<string, unknown>;
  return { code: typeof data.code === 'string' ? data.code : 'rule_refused', clause: e.body.clause, message: e.message, data };
}

export const humanSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.pdf', '.doc', '.docx', '.png', '.jpg', '.jpeg'];

const ZH_DIGITS = '零一二三四五六七八九十';
const zhNum = (n: number) => (n <= 10 ? ZH_DIGITS[n]! : n < 20 ? `十${ZH_DIGITS[n - 10]}` : `${ZH_DIGITS[Math.floor(n / 10)]}十${n % 10 ? ZH_DIGITS[n % 10] : ''}`);

/** A clause id as people cite it: a8.p1.i2 → 第八条第一款第（二）项 / Art. 8(1)(ii)-style "Art. 8 para. 1 item 2". */
export function clauseCitation(id: string, lang: Lang): string {
  const m = /^a(\d+)(?:\.p(\d+))?(?:\.i(\d+))?(?:\.s(\d+))?/.exec(id);
  if (!m) return id;
  const [, a, p, i, sn] = m;
  if (lang === 'en') return [`Art. ${a}`, p && `para. ${p}`, i && `item ${i}`, sn && `sentence ${sn}`].filter(Boolean).join(' ');
  return `第${zhNum(Number(a))}条${p ? `第${zhNum(Number(p))}款` : ''}${i ? `第（${zhNum(Number(i))}）项` : ''}${sn && sn !== '0' ? `第${zhNum(Number(sn))}句` : ''}`;
}
