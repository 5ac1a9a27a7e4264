// A refusal of the regulation becomes a 422 'rule_refused' carrying the refusal's code, clause and
// message in both languages. A deadline refusal names the deadline in Beijing time, and a ban its
// date of expiry, so the user learns when, not only that.
import { beijingDateOf, type Refusal, type Text, type Verdict } from '../../regulation/index.js';
import { AppError } from '../platform/http/errors.js';

export function beijingClock(iso: string): string {
  const d = new Date(iso);
  const t = new Date(d.getTime() + 8 * 3600_000);
  return `${beijingDateOf(d)} ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

function explained(r: Pick<Refusal, 'code' | 'because' | 'data'>): Text {
  const deadline = r.data?.deadline;
  if (r.code === 'deadline_passed' && typeof deadline === 'string') {
    const at = beijingClock(deadline);
    return { zh: `已超过申报截止时间（${at}，北京时间）`, en: `The deadline has passed (${at} Beijing time)` };
  }
  return r.because;
}

export function refusalError(r: Pick<Refusal, 'code' | 'clause' | 'because' | 'data'>, extra: Record<string, unknown> = {}): AppError {
  return new AppError('rule_refused', { message: explained(r), clause: r.clause, data: { code: r.code, ...(r.data ?? {}), ...extra } });
}

/** A server rule that is not a refusal of the machine but still cites its clause. */
export function ruleError(code: string, clause: string, message: Text, data: Record<string, unknown> = {}): AppError {
  return new AppError('rule_refused', { message, clause, data: { code, ...data } });
}

export const verdictOut = (v: Verdict) => ({ clause: v.clause, met: v.met, because: v.because, ...(v.data ? { data: v.data } : {}) });
