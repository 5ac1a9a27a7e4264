// Home, item lists and pages, 公示 with its objection form, certificate verification, not found.
import { html, raw, type Html } from '../html.js';
import { t, type WordKey } from '../i18n.js';
import { programmeName, typeName, type Lang, type ProgrammeCatalog } from '../catalog.js';
import type { PublicItem } from '../published.js';
import type { Publicity } from '../publicity.js';
import { itemList } from './directory.js';
import { formatDate, href, paragraphs, pick } from './layout.js';

export function homeBody(lang: Lang, a: { notices: PublicItem[]; news: PublicItem[]; byType: { programmeKey: string; typeId: string; n: number }[]; cat: ProgrammeCatalog }): Html {
  const total = a.byType.reduce((s, r) => s + r.n, 0);
  return html`<p>${lang === 'zh' ? '本专栏宣传国家国际科技合作基地的发展，发布基地名录、通知通告、认定公示与合作信息，为基地间的交流协作提供平台。' : 'This column publicizes the bases, lists them, carries the Ministry’s notices, recognition results under public notice and cooperation offers and needs, and gives the bases a platform to work together.'}</p>
<form method="get" action="${href(lang, '/bases')}" role="search"><label for="home-q">${t(lang, 'keyword')}</label><input id="home-q" name="q" type="search" maxlength="100"> <button type="submit">${t(lang, 'search')}</button></form>
<h2>${t(lang, 'latestNotices')}</h2>${a.notices.length ? itemList(lang, a.notices, false) : html`<p>${t(lang, 'none')}</p>`}<p><a href="${href(lang, '/notices')}">${t(lang, 'more')}: ${t(lang, 'notices')}</a></p>
<h2>${t(lang, 'latestNews')}</h2>${a.news.length ? itemList(lang, a.news) : html`<p>${t(lang, 'none')}</p>`}<p><a href="${href(lang, '/news')}">${t(lang, 'more')}: ${t(lang, 'news')}</a></p>
<h2>${t(lang, 'basesByType')}</h2>
<table><caption>${t(lang, 'basesByType')}</caption><thead><tr><th scope="col">${t(lang, 'programme')}</th><th scope="col">${t(lang, 'type')}</th><th scope="col">${t(lang, 'count')}</th></tr></thead>
<tbody>${a.byType.map((r) => html`<tr><td>${programmeName(a.cat, r.programmeKey)[lang]}</td><td><a href="${href(lang, `/bases?programme=${encodeURIComponent(r.programmeKey)}&type=${encodeURIComponent(r.typeId)}`)}">${typeName(a.cat, r.programmeKey, r.typeId)[lang]}</a></td><td>${r.n}</td></tr>`)}
<tr><th scope="row" colspan="2">${t(lang, 'total')}</th><td>${total}</td></tr></tbody></table>
<p><a href="${href(lang, '/map')}">${t(lang, 'map')}</a> · <a href="${href(lang, '/measures')}">${t(lang, 'measuresInForce')}</a> · <a href="${href(lang, '/publicity')}">${t(lang, 'publicity')}</a> · <a href="${href(lang, '/verify')}">${t(lang, 'verify')}</a></p>`;
}

export function listBody(lang: Lang, a: { items: PublicItem[]; page: number; total: number; pageSize: number; rel: string; withBase: boolean }): Html {
  const pages = Math.max(1, Math.ceil(a.total / a.pageSize));
  const link = (p: number) => href(lang, p === 1 ? a.rel : `${a.rel}?page=${p}`);
  return html`${a.items.length ? itemList(lang, a.items, a.withBase) : html`<p>${t(lang, 'none')}</p>`}
<nav class="pager" aria-label="${t(lang, 'pagination')}">${a.page > 1 ? html`<a rel="prev" href="${link(a.page - 1)}">${t(lang, 'prev')}</a>` : ''}<span>${t(lang, 'pageOf', { p: a.page, n: pages })}</span>${a.page < pages ? html`<a rel="next" href="${link(a.page + 1)}">${t(lang, 'next')}</a>` : ''}</nav>`;
}

export function itemBody(lang: Lang, i: PublicItem): Html {
  const body = pick(lang, i.bodyZh, i.bodyEn);
  return html`<p class="muted">${t(lang, `kind_${i.kind}` as WordKey)} · ${t(lang, 'published')}: <time datetime="${i.publishedAt?.toISOString() ?? ''}">${formatDate(i.publishedAt, lang)}</time>
${i.baseCode ? html` · ${t(lang, 'fromBase')}: <a href="${href(lang, `/bases/${encodeURIComponent(i.baseCode)}`)}">${pick(lang, i.baseNameZh ?? '', i.baseNameEn)}</a>` : html` · ${t(lang, 'source')}: ${t(lang, 'ministry')}`}</p>
${lang === 'en' && !i.bodyEn ? html`<div lang="zh-CN">${paragraphs(body)}</div>` : paragraphs(body)}`;
}

export function publicityBody(lang: Lang, list: Publicity[], cat: ProgrammeCatalog, state?: { noticeId: string; error?: boolean; receipt?: string; closed?: boolean }): Html {
  return html`<p>${t(lang, 'publicityIntro')}</p>
${state?.receipt ? html`<div class="notice" role="status"><h2>${t(lang, 'objectionReceived')}</h2><p>${t(lang, 'receipt', { r: state.receipt })}</p></div>` : ''}
${state?.closed ? html`<div class="error" role="alert"><p>${t(lang, 'objectionClosed')}</p></div>` : ''}
${list.length === 0 ? html`<p>${t(lang, 'noPublicity')}</p>` : list.map((n, k) => html`<section aria-labelledby="pub-${k}"><h2 id="pub-${k}">${programmeName(cat, n.programmeKey)[lang]} · ${typeName(cat, n.programmeKey, n.typeId)[lang]}</h2>
<p>${t(lang, 'period')}: <time datetime="${n.startsOn}">${formatDate(n.startsOn, lang)}</time> – <time datetime="${n.endsOn}">${formatDate(n.endsOn, lang)}</time> ${lang === 'zh' ? `（${t(lang, 'workingDays', { n: n.workingDays })}）` : `(${t(lang, 'workingDays', { n: n.workingDays })})`}</p>
<table><caption>${t(lang, 'publicity')}</caption><thead><tr><th scope="col">#</th><th scope="col">${t(lang, 'name')}</th><th scope="col">${t(lang, 'host')}</th></tr></thead>
<tbody>${n.entries.map((e, i) => html`<tr><td>${i + 1}</td><td>${pick(lang, e.titleZh, e.titleEn)}</td><td>${pick(lang, e.hostZh, e.hostEn)}</td></tr>`)}</tbody></table>
${n.accepting ? objectionForm(lang, n, state?.noticeId === n.noticeId && state.error === true) : ''}</section>`)}`;
}

function objectionForm(lang: Lang, n: Publicity, error: boolean): Html {
  const id = (s: string) => `${s}-${n.noticeId.slice(0, 8)}`;
  return html`<details${error ? raw(' open') : ''}><summary>${t(lang, 'objection')}</summary>
${error ? html`<p class="error" role="alert">${t(lang, 'formErrors')}</p>` : ''}
<form method="post" action="${href(lang, `/publicity/${n.noticeId}/objections`)}">
<p><label for="${id('entry')}">${t(lang, 'objectionTo')}</label><select id="${id('entry')}" name="entry"><option value="">${t(lang, 'wholeNotice')}</option>${n.entries.map((e, i) => html`<option value="${i}">${i + 1}. ${pick(lang, e.titleZh, e.titleEn)}</option>`)}</select></p>
<p><label for="${id('text')}">${t(lang, 'objectionText')}</label><textarea id="${id('text')}" name="text" rows="6" minlength="10" maxlength="5000" required></textarea></p>
<p><label for="${id('contact')}">${t(lang, 'contact')}</label><input id="${id('contact')}" name="contact" minlength="2" maxlength="200" required autocomplete="name"></p>
<p><button type="submit">${t(lang, 'submit')}</button></p></form></details>`;
}

export interface VerifyView {
  valid: boolean; kind: 'recognition' | 'plaque'; verificationCode: string; documentNumber: string | null; issuedOn: string | null; issuingBodies: string[];
  bases: { code: string | null; nameZh: string; nameEn?: string; hostInstitution: string | null; status: string | null }[];
}

export function verifyBody(lang: Lang, code: string, result: VerifyView | 'not_found' | null): Html {
  const status = (s: string | null) => (s === 'active' ? t(lang, 'statusActive') : s === 'notified' ? t(lang, 'statusNotified') : s === 'revoked' ? t(lang, 'statusRevoked') : '');
  return html`<p>${t(lang, 'verifyIntro')}</p>
<form method="get" action="${href(lang, '/verify')}"><p><label for="v-code">${t(lang, 'verifyCode')}</label><input id="v-code" name="code" maxlength="40" value="${code}" autocomplete="off" spellcheck="false" required></p><p><button type="submit">${t(lang, 'verify')}</button></p></form>
${result === 'not_found' ? html`<div class="error" role="alert"><p>${t(lang, 'verifyNotFound')}</p></div>` : ''}
${result && result !== 'not_found' ? html`<section aria-labelledby="v-result" class="${result.valid ? 'notice' : 'error'}"><h2 id="v-result">${result.valid ? t(lang, 'verifyValid') : t(lang, 'verifyInvalid')}</h2>
<dl class="profile"><dt>${t(lang, 'verifyCode')}</dt><dd>${result.verificationCode}</dd>
<dt>${t(lang, 'type')}</dt><dd>${result.kind === 'plaque' ? t(lang, 'kindPlaque') : t(lang, 'kindRecognition')}</dd>
${result.documentNumber ? html`<dt>${t(lang, 'docNumber')}</dt><dd>${result.documentNumber}</dd>` : ''}
${result.issuedOn ? html`<dt>${t(lang, 'issuedOn')}</dt><dd>${formatDate(result.issuedOn, lang)}</dd>` : ''}
${result.issuingBodies.length ? html`<dt>${t(lang, 'source')}</dt><dd>${result.issuingBodies.join(lang === 'zh' ? '、' : ', ')}</dd>` : ''}</dl>
<table><caption>${t(lang, 'directory')}</caption><thead><tr><th scope="col">${t(lang, 'name')}</th><th scope="col">${t(lang, 'host')}</th><th scope="col">${t(lang, 'status')}</th></tr></thead>
<tbody>${result.bases.map((b) => html`<tr><td>${b.code ? html`<a href="${href(lang, `/bases/${encodeURIComponent(b.code)}`)}">${pick(lang, b.nameZh, b.nameEn)}</a>` : pick(lang, b.nameZh, b.nameEn)}</td><td>${b.hostInstitution ?? ''}</td><td>${status(b.status)}</td></tr>`)}</tbody></table></section>` : ''}`;
}

export const notFoundBody = (lang: Lang): Html => html`<p>${t(lang, 'notFoundBody')}</p><p><a href="${href(lang, '')}">${t(lang, 'home')}</a> · <a href="${href(lang, '/bases')}">${t(lang, 'directory')}</a></p>`;
