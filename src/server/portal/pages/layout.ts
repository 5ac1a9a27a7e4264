// The frame of every public page: language, skip link, header, navigation, footer. No script.
import { html, raw, type Html } from '../html.js';
import { t, type WordKey } from '../i18n.js';
import type { Lang } from '../catalog.js';

export const PREFIX: Record<Lang, string> = { zh: '/portal', en: '/en/portal' };

/** A public path in a language; `rel` is '' for home or starts with '/'. */
export const href = (lang: Lang, rel: string): string => `${PREFIX[lang]}${rel}`;

const NAV: [WordKey, string][] = [
  ['home', ''], ['directory', '/bases'], ['map', '/map'], ['measures', '/measures'], ['notices', '/notices'],
  ['news', '/news'], ['cooperation', '/cooperation'], ['results', '/results'], ['publicity', '/publicity'], ['verify', '/verify'],
];

// Colours chosen for contrast (WCAG AA or better): #1a1a1a on #fff, #fff on #7a1010, links #0a4a8f.
const STYLE = raw(`<style>
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#fff}
a{color:#0a4a8f}a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #d97706;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;color:#0a4a8f;padding:.5rem 1rem;z-index:10}.skip:focus{left:1rem}
header.site{background:#7a1010;color:#fff;padding:1rem 1.5rem}header.site a{color:#fff}header.site .title{font-size:1.4rem;font-weight:700;text-decoration:none}
header.site p{margin:.2rem 0 0;font-size:.9rem}.lang{float:right}
nav.main{background:#f3f0ea;border-bottom:1px solid #d6d0c4}nav.main ul{list-style:none;margin:0;padding:.25rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
nav.main a{display:inline-block;padding:.35rem 0;color:#1a1a1a}nav.main a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 2rem}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:1.75rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d6d0c4;padding:.4rem .5rem;text-align:left;vertical-align:top}th{background:#f3f0ea}
caption{text-align:left;font-weight:700;padding:.3rem 0}
form.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.75rem;align-items:end;background:#f8f6f2;padding:1rem;border:1px solid #d6d0c4}
label{display:block;font-weight:600;font-size:.9rem}input,select,textarea{font:inherit;width:100%;padding:.35rem;border:1px solid #6b6b6b;border-radius:2px;background:#fff;color:#1a1a1a}
button{font:inherit;background:#0a4a8f;color:#fff;border:0;padding:.45rem 1.2rem;border-radius:2px;cursor:pointer}
.muted{color:#4a4a4a}.notice{border-left:4px solid #0a4a8f;background:#eef4fb;padding:.5rem 1rem}.error{border-left:4px solid #a11;background:#fdeeee;padding:.5rem 1rem}
ul.items{padding-left:1.2rem}.pager{display:flex;gap:1rem;align-items:center;margin-top:1rem}
dl.profile{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.25rem}dl.profile dt{font-weight:700}dl.profile dd{margin:0}
.clause{margin:.4rem 0 .4rem 0;padding:.2rem .5rem}.clause:target{background:#fff3c4}.clause a.anchor{font-family:monospace;font-size:.85rem;margin-right:.5rem}
footer.site{border-top:1px solid #d6d0c4;padding:1rem 1.5rem;font-size:.9rem;color:#4a4a4a}footer.site a{color:#0a4a8f}
svg text{pointer-events:none}
</style>`);

export interface PageOpts {
  lang: Lang;
  /** The language-neutral path and query of this page ('' = home), for the language switch and nav. */
  rel: string;
  title: string;
  body: Html;
  /** Nav entry to mark as current. */
  section?: WordKey;
  /** Extra <head> links (feeds). */
  head?: Html;
}

export function page({ lang, rel, title, body, section, head }: PageOpts): string {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const full = `${title} - ${t(lang, 'site')}`;
  return '<!doctype html>' + html`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${full}</title>
<link rel="alternate" hreflang="${other === 'zh' ? 'zh-CN' : 'en'}" href="${href(other, rel)}">
<link rel="alternate" type="application/atom+xml" title="${t(lang, 'notices')}" href="${href(lang, '/notices.atom')}">${head ?? ''}${STYLE}</head>
<body>
<a class="skip" href="#main">${t(lang, 'skip')}</a>
<header class="site"><a class="lang" href="${href(other, rel)}" lang="${other === 'zh' ? 'zh-CN' : 'en'}" hreflang="${other === 'zh' ? 'zh-CN' : 'en'}">${t(lang, 'otherLang')}</a>
<a class="title" href="${href(lang, '')}">${t(lang, 'site')}</a><p>${t(lang, 'siteSub')}</p></header>
<nav class="main" aria-label="${t(lang, 'navLabel')}"><ul>${NAV.map(([key, path]) => html`<li><a href="${href(lang, path)}"${key === section ? raw(' aria-current="page"') : ''}>${t(lang, key)}</a></li>`)}</ul></nav>
<main id="main" tabindex="-1">
<h1>${title}</h1>
${body}
</main>
<footer class="site"><p>${t(lang, 'openData')}: <a href="${href(lang, '/bases.csv')}">${t(lang, 'csv')}</a> · <a href="${href(lang, '/bases.json')}">${t(lang, 'json')}</a> · <a href="${href(lang, '/notices.atom')}">${t(lang, 'atom')}</a></p>
<p>${t(lang, 'ministry')}</p></footer>
</body></html>`.value;
}

/** Plain text with blank-line paragraphs, escaped. */
export function paragraphs(text: string): Html {
  return html`${text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => html`<p>${p}</p>`)}`;
}

export const pick = (lang: Lang, zh: string, en: string | null | undefined): string => (lang === 'en' && en ? en : zh);

export function formatDate(d: Date | string | null, lang: Lang): string {
  if (!d) return '';
  const iso = typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  if (lang === 'en') return iso;
  const [y, m, day] = iso.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}
