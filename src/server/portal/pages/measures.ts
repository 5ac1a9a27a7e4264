// The Measures in force, clause by clause, each with a stable anchor: #a13.s3 is clause a13.s3.
import { allArticles, measuresData, measuresTitle, national2011 } from '../../../regulation/index.js';
import { html, type Html } from '../html.js';
import { t } from '../i18n.js';
import type { Lang } from '../catalog.js';
import { formatDate } from './layout.js';

export function measuresBody(lang: Lang): Html {
  const articles = allArticles();
  const chapters = measuresData.chapters as { number: number; title_zh: string; title_en: string; articles: number[] }[];
  return html`<p>${t(lang, 'docNumber')}: ${national2011.document.number} · ${t(lang, 'inForceSince')}: <time datetime="${national2011.effectiveFrom}">${formatDate(national2011.effectiveFrom, lang)}</time></p>
${lang === 'en' ? html`<p class="notice">${t(lang, 'glossNote')}</p>` : ''}
<nav aria-label="${t(lang, 'contents')}"><h2>${t(lang, 'contents')}</h2><ol>${articles.map((a) => html`<li><a href="#${a.id}">${lang === 'zh' ? `${a.label_zh} ${a.title_zh}` : `Art. ${a.number} ${a.title_en}`}</a></li>`)}</ol></nav>
${chapters.map((ch) => html`<section aria-labelledby="ch${ch.number}"><h2 id="ch${ch.number}">${lang === 'zh' ? `第${'一二三四五六七八九十'[ch.number - 1] ?? ch.number}章 ${ch.title_zh}` : `Chapter ${ch.number}: ${ch.title_en}`}</h2>
${articles.filter((a) => a.chapter === ch.number).map((a) => html`<article id="${a.id}" aria-labelledby="${a.id}-h"><h3 id="${a.id}-h">${lang === 'zh' ? `${a.label_zh} ${a.title_zh}` : `Article ${a.number}: ${a.title_en}`}</h3>
${a.clauses.map((c) => html`<p class="clause" id="${c.id}"><a class="anchor" href="#${c.id}" aria-label="${t(lang, 'clause')} ${c.id}">${c.id}</a>${lang === 'zh' ? c.text_zh : html`<span>${c.gloss_en}</span> <span lang="zh-CN" class="muted">${c.text_zh}</span>`}</p>`)}</article>`)}</section>`)}`;
}

export const measuresHeading = (lang: Lang): string => (lang === 'zh' ? measuresTitle.zh : measuresTitle.en);
