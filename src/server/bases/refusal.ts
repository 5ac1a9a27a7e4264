import type { Refusal } from '../../regulation/index.js';
import { AppError } from '../platform/http/errors.js';

/** A domain refusal becomes a 422 naming the clause that refuses and why, in both languages. */
export const refused = (r: Refusal): AppError =>
  new AppError('rule_refused', { message: r.because, clause: r.clause, data: { code: r.code, ...(r.data ?? {}) } });
