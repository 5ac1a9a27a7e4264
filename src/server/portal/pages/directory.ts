// The directory page (search, GET-form filters, pagination) and a base's public profile.
import { html, raw, type Html } from '../html.js';
import { t } from '../i18n.js';
import { countryName, fieldName, fields, provinceByPrefix, provinces, programmeName, typeName, allTypes, type Lang, type ProgrammeCatalog } from '../catalog.js';
import { filterQuery, type DirectoryFilters, type PublicBase } from '../directory.js';
import type { PublicItem } from '../published.js';
import { formatDate, href, pick } from './layout.js';

const selected = (on: boolean) => (on ? raw(' selected') : '');

export function filterForm(lang: Lang, f: DirectoryFilters, cat: ProgrammeCatalog, programmeKeys: string[], years: number[]): Html {
  const opt = (value: string, label: string, current: string | undefined) => html`<option value="${value}"${selected(value === current)}>${label}</option>`;
  return html`<form class="filters" method="get" action="${href(lang, '/bases')}" role="search">
<div><label for="f-q">${t(lang, 'keyword')}</label><input id="f-q" name="q" type="search" maxlength="100" value="${f.q ?? ''}"></div>
<div><label for="f-programme">${t(lang, 'programme')}</label><select id="f-programme" name="programme"><option value="">${t(lang, 'any')}</option>${programmeKeys.map((k) => opt(k, pick(lang, programmeName(cat, k).zh, programmeName(cat, k).en), f.programme))}</select></div>
<div><label for="f-type">${t(lang, 'type')}</label><select id="f-type" name="type"><option value="">${t(lang, 'any')}</option>${allTypes(cat).map((ty) => opt(ty.id, ty.name[lang], f.type))}</select></div>
<div><label for="f-province">${t(lang, 'province')}</label><select id="f-province" name="province"><option value="">${t(lang, 'any')}</option>${provinces.map((p) => opt(p.code, p.name[lang], f.province))}</select></div>
<div><label for="f-field">${t(lang, 'field')}</label><select id="f-field" name="field"><option value="">${t(lang, 'any')}</option>${fields.map((x) => opt(x.id, x.name[lang], f.field))}</select></div>
<div><label for="f-year">${t(lang, 'year')}</label><select id="f-year" name="year"><option value="">${t(lang, 'any')}</option>${years.map((y) => opt(String(y), String(y), f.year ? String(f.year) : undefined))}</select></div>
<div><button type="submit">${t(lang, 'apply')}</button> <a href="${href(lang, '/bases')}">${t(lang, 'reset')}</a></div>
</form>`;
}

export function baseRow(lang: Lang, b: PublicBase, cat: ProgrammeCatalog): Html {
  const prov = provinceByPrefix(b.provincePrefix);
  return html`<tr><td><a href="${href(lang, `/bases/${encodeURIComponent(b.code)}`)}">${pick(lang, b.nameZh, b.nameEn)}</a><br><span class="muted">${b.code}</span></td>
<td>${pick(lang, b.hostZh, b.hostEn)}</td><td>${typeName(cat, b.programmeKey, b.typeId)[lang]}</td><td>${prov ? prov.short[lang] : ''}</td>
<td>${b.fields.map((x) => fieldName(x)[lang]).join(lang === 'zh' ? '、' : ', ')}</td><td>${b.year}</td></tr>`;
}

export function directoryBody(lang: Lang, a: { filters: DirectoryFilters; page: number; pageSize: number; items: PublicBase[]; total: number; form: Html; cat: ProgrammeCatalog }): Html {
  const pages = Math.max(1, Math.ceil(a.total / a.pageSize));
  const size = a.pageSize === 20 ? undefined : a.pageSize;
  const link = (p: number) => href(lang, `/bases${filterQuery(a.filters, { page: p === 1 ? undefined : p, pageSize: size })}`);
  const data = (ext: string) => href(lang, `/bases.${ext}${filterQuery(a.filters)}`);
  return html`${a.form}
<p role="status">${t(lang, 'found', { n: a.total })} · <a href="${data('csv')}">${t(lang, 'csv')}</a> · <a href="${data('json')}">${t(lang, 'json')}</a> · <a href="${href(lang, `/map${filterQuery({ ...(a.filters.programme ? { programme: a.filters.programme } : {}), ...(a.filters.type ? { type: a.filters.type } : {}) })}`)}">${t(lang, 'map')}</a></p>
${a.items.length === 0 ? html`<p>${t(lang, 'none')}</p>` : html`<table><caption>${t(lang, 'directory')}</caption>
<thead><tr><th scope="col">${t(lang, 'name')}</th><th scope="col">${t(lang, 'host')}</th><th scope="col">${t(lang, 'type')}</th><th scope="col">${t(lang, 'province')}</th><th scope="col">${t(lang, 'field')}</th><th scope="col">${t(lang, 'year')}</th></tr></thead>
<tbody>${a.items.map((b) => baseRow(lang, b, a.cat))}</tbody></table>`}
<nav class="pager" aria-label="${t(lang, 'pagination')}">${a.page > 1 ? html`<a rel="prev" href="${link(a.page - 1)}">${t(lang, 'prev')}</a>` : ''}<span>${t(lang, 'pageOf', { p: a.page, n: pages })}</span>${a.page < pages ? html`<a rel="next" href="${link(a.page + 1)}">${t(lang, 'next')}</a>` : ''}</nav>`;
}

export function itemList(lang: Lang, items: PublicItem[], withBase = true): Html {
  return html`<ul class="items">${items.map((i) => html`<li><a href="${href(lang, `/items/${i.id}`)}">${pick(lang, i.titleZh, i.titleEn)}</a>
<span class="muted">${withBase && i.baseCode ? html` · ${pick(lang, i.baseNameZh ?? '', i.baseNameEn)}` : ''} · ${t(lang, `kind_${i.kind}` as 'kind_news')} · <time datetime="${i.publishedAt?.toISOString() ?? ''}">${formatDate(i.publishedAt, lang)}</time></span></li>`)}</ul>`;
}

export function profileBody(lang: Lang, b: PublicBase, cat: ProgrammeCatalog, items: PublicItem[]): Html {
  const prov = provinceByPrefix(b.provincePrefix);
  const sep = lang === 'zh' ? '、' : ', ';
  return html`<dl class="profile">
<dt>${t(lang, 'code')}</dt><dd>${b.code}</dd>
${lang === 'zh' && b.nameEn ? html`<dt>English</dt><dd lang="en">${b.nameEn}</dd>` : ''}${lang === 'en' ? html`<dt>中文名称</dt><dd lang="zh-CN">${b.nameZh}</dd>` : ''}
<dt>${t(lang, 'host')}</dt><dd>${pick(lang, b.hostZh, b.hostEn)}</dd>
<dt>${t(lang, 'programme')}</dt><dd>${programmeName(cat, b.programmeKey)[lang]}</dd>
<dt>${t(lang, 'type')}</dt><dd>${typeName(cat, b.programmeKey, b.typeId)[lang]}</dd>
<dt>${t(lang, 'province')}</dt><dd>${prov ? html`<a href="${href(lang, `/bases?province=${prov.code}`)}">${prov.name[lang]}</a>` : ''}</dd>
<dt>${t(lang, 'year')}</dt><dd>${b.year}</dd>
<dt>${t(lang, 'field')}</dt><dd>${b.fields.map((x) => fieldName(x)[lang]).join(sep)}</dd>
<dt>${t(lang, 'partners')}</dt><dd>${b.countries.map((c) => countryName(c, lang)).join(sep)}</dd>
</dl>
<h2>${t(lang, 'publicNews')}</h2>
${items.length ? itemList(lang, items, false) : html`<p>${t(lang, 'none')}</p>`}`;
}
