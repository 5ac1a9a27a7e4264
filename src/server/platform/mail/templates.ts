// The e-mail for one in-app notification, in the recipient's language (users.locale). Every value
// from the database is escaped before it enters the HTML part and stripped of line breaks before
// it enters the subject; the text part is plain. Unknown kinds get a generic message with the link.
export type MailLang = 'zh' | 'en';

export interface NotificationForMail {
  kind: string;
  params: Record<string, unknown>;
  link: string | null;
}

type Line = (p: Record<string, string>) => string;
type Template = { subject: Line; body: Line };

const t = (subject: Line, body: Line): Template => ({ subject, body });

const templates: Record<MailLang, Record<string, Template>> = {
  zh: {
    'recognition.todo': t((p) => `待办：${p.title}`, (p) => `申报“${p.title}”已到达您所在单位办理的环节，请登录系统处理。`),
    'recognition.returned': t((p) => `申报被退回修改：${p.title}`, (p) => `申报“${p.title}”被退回修改，请查看退回理由并修改后重新提交。`),
    'recognition.rejected': t((p) => `申报未获通过：${p.title}`, (p) => `申报“${p.title}”未获通过，详见办理意见。`),
    'recognition.withdrawn': t((p) => `申报已撤回：${p.title}`, (p) => `申报“${p.title}”已撤回。`),
    'recognition.recognized': t((p) => `认定结果：${p.title}`, (p) => `申报“${p.title}”已完成认定程序。`),
    annual_report_submitted: t(() => '年度工作总结待审核', () => '有基地提交了年度工作总结，请登录系统审核。'),
    annual_report_returned: t(() => '年度工作总结被退回', (p) => `您提交的年度工作总结被退回修改。${p.reason ? `理由：${p.reason}` : ''}`),
    annual_report_received: t(() => '年度工作总结已接收', () => '您提交的年度工作总结已被接收。'),
    annual_report_reminder: t((p) => `提醒：${p.year}年度工作总结`, (p) => `请于 ${p.due} 前提交 ${p.year} 年度工作总结（依据第十四条）。`),
    assessment_published: t((p) => `${p.year}年度评估结果已发布`, (p) => `${p.year} 年度国合基地评估结果已发布，请登录系统查看。`),
    base_notified: t((p) => `通报：${p.baseName}`, (p) => `${p.baseName}被通报（文号 ${p.documentNumber}）。${p.because}`),
    base_revoked: t((p) => `取消国合基地资格：${p.baseName}`, (p) => `${p.baseName}的国合基地资格已被取消（文号 ${p.documentNumber}）。${p.because}`),
  },
  en: {
    'recognition.todo': t((p) => `To do: ${p.title}`, (p) => `The application “${p.title}” has reached a step for your organization. Please sign in to act on it.`),
    'recognition.returned': t((p) => `Returned for revision: ${p.title}`, (p) => `The application “${p.title}” was returned for revision. Read the reasons, revise it and file it again.`),
    'recognition.rejected': t((p) => `Application not approved: ${p.title}`, (p) => `The application “${p.title}” was not approved; see the opinions.`),
    'recognition.withdrawn': t((p) => `Application withdrawn: ${p.title}`, (p) => `The application “${p.title}” was withdrawn.`),
    'recognition.recognized': t((p) => `Recognition: ${p.title}`, (p) => `The application “${p.title}” has completed the recognition procedure.`),
    annual_report_submitted: t(() => 'Annual report to review', () => 'A base has submitted its annual report. Please sign in to review it.'),
    annual_report_returned: t(() => 'Annual report returned', (p) => `Your annual report was returned for revision.${p.reason ? ` Reason: ${p.reason}` : ''}`),
    annual_report_received: t(() => 'Annual report received', () => 'Your annual report has been received.'),
    annual_report_reminder: t((p) => `Reminder: annual report ${p.year}`, (p) => `Please submit the annual report for ${p.year} by ${p.due} (Art. 14).`),
    assessment_published: t((p) => `Assessment results ${p.year} published`, (p) => `The assessment results of ${p.year} are published. Please sign in to see them.`),
    base_notified: t((p) => `Notice: ${p.baseName}`, (p) => `${p.baseName} has been notified (document ${p.documentNumber}). ${p.because}`),
    base_revoked: t((p) => `Qualification revoked: ${p.baseName}`, (p) => `The qualification of ${p.baseName} has been revoked (document ${p.documentNumber}). ${p.because}`),
  },
};

const generic: Record<MailLang, Template> = {
  zh: t(() => '国合基地信息系统有新消息', () => '您有一条新消息，请登录系统查看。'),
  en: t(() => 'New message in Guohe', () => 'You have a new message. Please sign in to read it.'),
};
const footer: Record<MailLang, { open: string; auto: string }> = {
  zh: { open: '查看', auto: '此邮件由国家国际科技合作基地信息管理系统自动发送，请勿回复。' },
  en: { open: 'Open', auto: 'Sent automatically by the Guohe system for National International S&T Cooperation Bases; do not reply.' },
};

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Params as text: bilingual values ({zh, en}) in the recipient's language, others as strings. */
function textParams(params: Record<string, unknown>, lang: MailLang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v && typeof v === 'object' && lang in v) out[k] = String((v as Record<string, unknown>)[lang] ?? '');
    else if (v === null || v === undefined) out[k] = '';
    else out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

export const mailLang = (locale: string | null | undefined): MailLang => (locale?.toLowerCase().startsWith('en') ? 'en' : 'zh');

/**
 * Title and body of a notification as plain text in one language: the same words the e-mail
 * carries, shown in the in-app message center (src/server/notifications). Plain text: the web
 * renders it as text, never as HTML.
 */
export function renderNotification(n: NotificationForMail, lang: MailLang): { title: string; body: string } {
  const template = templates[lang][n.kind] ?? generic[lang];
  const plain = textParams(n.params, lang);
  return { title: template.subject(plain).replace(/[\r\n]+/g, ' '), body: template.body(plain) };
}

export function renderMail(n: NotificationForMail, lang: MailLang, publicBaseUrl: string): { subject: string; text: string; html: string } {
  const template = templates[lang][n.kind] ?? generic[lang];
  const plain = textParams(n.params, lang);
  const escaped = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, escapeHtml(v)]));
  const subject = `[国合] ${template.subject(plain)}`.replace(/[\r\n]+/g, ' ').slice(0, 200);
  // Only our own relative links; anything else is dropped rather than mailed.
  const url = n.link && n.link.startsWith('/') && !n.link.startsWith('//') ? new URL(n.link, publicBaseUrl).toString() : null;
  const f = footer[lang];
  const text = [template.body(plain), url ? `${f.open}: ${url}` : '', '', f.auto].filter((l, i) => l !== '' || i === 2).join('\n');
  const html = [
    `<!doctype html><html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><meta charset="utf-8"><body>`,
    `<p>${template.body(escaped)}</p>`,
    url ? `<p><a href="${escapeHtml(url)}">${f.open}</a></p>` : '',
    `<p style="color:#888;font-size:12px">${f.auto}</p></body></html>`,
  ].join('');
  return { subject, text, html };
}
