// a14.s1: each base files its annual work plan and summary on time; the recommending unit reviews
// them and signs its opinion; then they go to MOST. States and who may act at each:
//   draft ──submit (base)──▶ submitted ──sign (recommender, opinion)──▶ signed_by_recommender
//     ▲                        │  └─return (recommender, reason)──▶ returned ──submit (base)──▶ submitted
//     └──withdraw (base, before due, untouched)                     ▲
//   signed_by_recommender ──receive (ministry)──▶ received_by_ministry
//   signed_by_recommender ──return (ministry, reason)───────────────┘
import type { Actor, OrgKind } from '../actors.js';
import { endOfBeijingDay, isoDate } from '../dates.js';
import type { Programme } from '../programme/schema.js';
import { refuse, type Refusal } from '../refusals.js';

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'signed_by_recommender' | 'received_by_ministry';
export type ReportAction = { type: 'submit' } | { type: 'withdraw' } | { type: 'sign'; opinion: string } | { type: 'return'; reason: string } | { type: 'receive' };

export type ReportEvent = { at: string; action: ReportAction['type']; actorOrgId: string; from: ReportStatus; to: ReportStatus; text?: string; late?: boolean };
export type AnnualReport = {
  kind: 'plan' | 'summary';
  year: number;
  baseOrgId: string;
  recommenderOrgId: string;
  status: ReportStatus;
  history: ReportEvent[];
  /**
   * The due instant the competent authority set when it opened the reporting year (ISO). Overrides
   * the programme's default day: a plan for year Y is due before or early in Y, not on 31 Dec of Y.
   */
  due?: string;
};

type Party = 'base' | 'recommender' | 'ministry';
const CLAUSE = 'a14.s1';
const ministryKinds: readonly OrgKind[] = ['ministry', 'ministry_intl_dept'];

/** The transition table: from which state, by whom, to which state. */
export const reportTransitions: readonly { action: ReportAction['type']; from: ReportStatus; by: Party; to: ReportStatus }[] = [
  { action: 'submit', from: 'draft', by: 'base', to: 'submitted' },
  { action: 'submit', from: 'returned', by: 'base', to: 'submitted' },
  { action: 'withdraw', from: 'submitted', by: 'base', to: 'draft' },
  { action: 'sign', from: 'submitted', by: 'recommender', to: 'signed_by_recommender' },
  { action: 'return', from: 'submitted', by: 'recommender', to: 'returned' },
  { action: 'return', from: 'signed_by_recommender', by: 'ministry', to: 'returned' },
  { action: 'receive', from: 'signed_by_recommender', by: 'ministry', to: 'received_by_ministry' },
];

function partyOf(report: AnnualReport, actor: Actor): Party | null {
  if (actor.orgId === report.baseOrgId) return 'base';
  if (actor.orgId === report.recommenderOrgId) return 'recommender';
  if (ministryKinds.includes(actor.orgKind)) return 'ministry';
  return null;
}

/** Due instant: the programme's due day of the report's year (31 December nationally), end of day in Beijing. */
export function reportDue(programme: Programme, year: number): Date {
  const [m, d] = programme.annualReport.dueMonthDay.split('-').map(Number);
  return endOfBeijingDay(isoDate(year, m ?? 12, d ?? 31));
}

/** The report's own due instant when the year was opened with one, else the programme's day. */
export const dueOf = (programme: Programme, report: AnnualReport): Date => (report.due ? new Date(report.due) : reportDue(programme, report.year));

export const newReport = (kind: AnnualReport['kind'], year: number, baseOrgId: string, recommenderOrgId: string): AnnualReport => ({
  kind, year, baseOrgId, recommenderOrgId, status: 'draft', history: [],
});

export function reportApply(programme: Programme, report: AnnualReport, action: ReportAction, actor: Actor, now: Date): { ok: true; report: AnnualReport; event: ReportEvent } | Refusal {
  const party = partyOf(report, actor);
  if (!party) return refuse('out_of_scope', CLAUSE);
  const row = reportTransitions.find((t) => t.action === action.type && t.from === report.status && t.by === party);
  if (!row) {
    const someone = reportTransitions.find((t) => t.action === action.type && t.from === report.status);
    return someone ? refuse('wrong_actor', CLAUSE, undefined, { expected: someone.by }) : refuse('invalid_state', CLAUSE, undefined, { status: report.status });
  }
  const due = dueOf(programme, report);
  if (action.type === 'withdraw') {
    if (now > due) return refuse('deadline_passed', CLAUSE, undefined, { due: due.toISOString() });
  }
  if (action.type === 'sign' && !action.opinion.trim()) return refuse('opinion_required', CLAUSE);
  if (action.type === 'return' && !action.reason.trim()) return refuse('reason_required', CLAUSE);
  const event: ReportEvent = { at: now.toISOString(), action: action.type, actorOrgId: actor.orgId, from: report.status, to: row.to };
  if (action.type === 'sign') event.text = action.opinion;
  if (action.type === 'return') event.text = action.reason;
  if (action.type === 'submit') event.late = now > due;
  return { ok: true, event, report: { ...report, status: row.to, history: [...report.history, event] } };
}

/**
 * Was the report late? Judged by its first submission (a later resubmission after a return is
 * not lateness of the base). Never submitted and past due: late.
 */
export function reportWasLate(programme: Programme, report: AnnualReport, now: Date): boolean {
  const first = report.history.find((e) => e.action === 'submit');
  const due = dueOf(programme, report);
  return first ? new Date(first.at) > due : now > due;
}
