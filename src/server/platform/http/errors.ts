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
  in_use: { status: 409, zh: '该记录仍被其他记录引用，不能删除或修改', en: 'Other records still refer to this one; it cannot be removed or changed' },
  rule_refused: { status: 422, zh: '依据管理办法，不能执行此操作', en: 'The Measures do not allow this' },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please wait and retry' },
  unavailable: { status: 503, zh: '服务暂时不可用，请稍后重试', en: 'Service temporarily unavailable; please retry shortly' },
  // Identification and authentication (issue 8).
  sign_in_throttled: { status: 429, zh: '该网络地址登录失败次数过多，请 15 分钟后再试', en: 'Too many failed sign-ins from this address; try again in 15 minutes' },
  mfa_code_invalid: { status: 401, zh: '动态验证码或恢复码不正确，或已过期', en: 'The authentication code or recovery code is wrong or has expired' },
  webauthn_failed: { status: 401, zh: '安全密钥验证未通过，或本次登录已过期，请重试', en: 'The security key could not be verified, or this sign-in has expired; try again' },
  mfa_enrolment_required: { status: 403, zh: '请先绑定动态口令或安全密钥（双因素认证）后再继续操作', en: 'Set up an authenticator app or a security key (two-factor authentication) before you continue' },
  password_expired: { status: 403, zh: '密码已超过最长使用期限，请先修改密码', en: 'Your password has reached its maximum age; change it before you continue' },
  // Separation of duties (三员分立) and two-person approval of role changes (issue 8).
  separation_of_duties: { status: 409, zh: '系统管理员、安全管理员、审计管理员角色不能由同一账号兼任', en: 'The system, security and audit administrator roles may not be held by one account' },
  self_approval_refused: { status: 403, zh: '申请人不能批准自己的申请，须由另一名安全管理员批准', en: 'You may not approve your own request; another security administrator must approve it' },
  // Recognition (issue 3): attachments are checked by content, not by name.
  attachment_too_large: { status: 413, zh: '文件超过 20 MB 上限', en: 'The file exceeds the 20 MB limit' },
  attachment_macros: { status: 415, zh: '不接受含宏或 ActiveX 控件的 Office 文件，请另存为不含宏的文档（如 DOCX 或 PDF）后重新上传', en: 'Office files with macros or ActiveX controls are not accepted; save a macro-free copy (e.g. DOCX or PDF) and upload that' },
  attachment_refused: { status: 415, zh: '只接受 PDF、Word（DOC/DOCX）和图片（PNG/JPEG）文件', en: 'Only PDF, Word (DOC/DOCX) and image (PNG/JPEG) files are accepted' },
  // Expert review (issue 4).
  assignment_violation: { status: 422, zh: '该分配违反评审约束（回避、工作量、地域分布或评审人数），未保存', en: 'This assignment breaks a review constraint (conflict, load, regional diversity or panel size); nothing was saved' },
  review_state: { status: 409, zh: '评审轮次当前所处阶段不允许此操作', en: 'The review round is not at a stage that allows this' },
  declaration_required: { status: 409, zh: '请先签署回避与保密承诺', en: 'Sign the conflict-of-interest and confidentiality declaration first' },
  invitation_invalid: { status: 400, zh: '邀请链接无效或已过期', en: 'The invitation is invalid or has expired' },
  import_unreadable: { status: 400, zh: '无法读取该 Excel 文件，请使用导出的模板', en: 'The Excel file cannot be read; use the exported template' },
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
