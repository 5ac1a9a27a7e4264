/**
 * Expected failures are values with a code from one closed union. The code→HTTP status and
 * code→message tables are exhaustive Records, so a new code without a message does not compile.
 * Capabilities add their codes here (one list, one place to read every error a user can meet).
 */
export const errorCatalog = {
  validation_failed: { status: 400, zh: '提交的内容有误，请按提示修改', en: 'Some fields are invalid; please correct them' },
  not_found: { status: 404, zh: '记录不存在或您无权查看', en: 'Not found, or outside your access' },
  unauthenticated: { status: 401, zh: '请先登录（会话可能已过期）', en: 'Please sign in (your session may have expired)' },
  forbidden: { status: 403, zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
  csrf_failed: { status: 403, zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  bad_credentials: { status: 401, zh: '用户名或密码错误，或账号暂时不可用', en: 'Wrong username or password, or the account is temporarily unavailable' },
  account_pending: { status: 403, zh: '账号正在等待属地科技主管部门审核', en: 'This account awaits review by its local S&T department' },
  conflict: { status: 409, zh: '记录已被他人修改，请查看最新内容后再保存', en: 'Someone else changed this record; review the latest version before saving' },
  duplicate: { status: 409, zh: '该记录已存在', en: 'This record already exists' },
  rule_refused: { status: 422, zh: '依据管理办法，不能执行此操作', en: 'The Measures do not allow this' },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please wait and retry' },
  unavailable: { status: 503, zh: '服务暂时不可用，请稍后重试', en: 'Service temporarily unavailable; please retry shortly' },
  internal: { status: 500, zh: '系统内部错误，已记录，请稍后重试', en: 'Internal error; it has been logged, please retry' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export interface FieldIssue {
  /** Dotted path of the field, e.g. `contact.phone`. */
  field: string;
  /** The rule broken, as a stable code (`required`, `too_short`, `format`, …). */
  rule: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: {
      message?: { zh: string; en: string };
      fields?: FieldIssue[];
      clause?: string;
      data?: Record<string, unknown>;
    },
  ) {
    super(code);
  }
  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export type Lang = 'zh' | 'en';

export function langOf(acceptLanguage: string | undefined): Lang {
  return acceptLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
