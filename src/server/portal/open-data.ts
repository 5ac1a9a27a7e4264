// Open data of the public column: the directory as CSV and JSON (the same public projection as the
// pages), and an Atom feed (RFC 4287) of notices.
import { neutralize } from '../platform/excel/export.js';
import { countryName, fieldName, provinceByPrefix, programmeName, typeName, type Lang, type ProgrammeCatalog } from './catalog.js';
import type { PublicBase } from './directory.js';
import type { PublicItem } from './published.js';
import { escapeHtml } from './html.js';
import { t } from './i18n.js';

/** One CSV cell: formula triggers neutralized (platform/excel neutralize), then RFC 4180 quoting. */
export function csvCell(value: string | number | null | undefined): string {
  const v = neutralize(value);
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_HEADER = ['code', 'name_zh', 'name_en', 'programme', 'programme_name', 'type', 'type_name_zh', 'type_name_en', 'host_zh', 'host_en', 'province_code', 'province_zh', 'province_en', 'fields', 'fields_zh', 'year_recognized', 'partner_countries'];

export function directoryCsv(rows: PublicBase[], cat: ProgrammeCatalog): string {
  const lines = [CSV_HEADER.join(',')];
  for (const b of rows) {
    const p = provinceByPrefix(b.provincePrefix);
    const ty = typeName(cat, b.programmeKey, b.typeId);
    lines.push([
      b.code, b.nameZh, b.nameEn, b.programmeKey, programmeName(cat, b.programmeKey).zh, b.typeId, ty.zh, ty.en, b.hostZh, b.hostEn,
      p?.code ?? '', p?.name.zh ?? '', p?.name.en ?? '', b.fields.join(';'), b.fields.map((f) => fieldName(f).zh).join('；'), b.year, b.countries.join(';'),
    ].map(csvCell).join(','));
  }
  // BOM: spreadsheet programs then read the Chinese text as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function publicBaseJson(b: PublicBase, cat: ProgrammeCatalog) {
  const p = provinceByPrefix(b.provincePrefix);
  return {
    code: b.code, nameZh: b.nameZh, nameEn: b.nameEn,
    programme: { key: b.programmeKey, name: programmeName(cat, b.programmeKey) },
    type: { id: b.typeId, name: typeName(cat, b.programmeKey, b.typeId) },
    host: { nameZh: b.hostZh, nameEn: b.hostEn },
    province: p ? { code: p.code, name: p.name } : null,
    fields: b.fields.map((id) => ({ id, name: fieldName(id) })),
    yearRecognized: b.year,
    partnerCountries: b.countries.map((c) => ({ code: c, name: { zh: countryName(c, 'zh'), en: countryName(c, 'en') } })),
  };
}

const xml = (s: string) => escapeHtml(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

export function noticesAtom(lang: Lang, notices: PublicItem[], baseUrl: string, prefix: string): string {
  const self = `${baseUrl}${prefix}/notices.atom`;
  const updated = (notices[0]?.publishedAt ?? new Date(0)).toISOString();
  const entries = notices.map((n) => {
    const link = `${baseUrl}${prefix}/items/${n.id}`;
    const title = lang === 'en' && n.titleEn ? n.titleEn : n.titleZh;
    const body = lang === 'en' && n.bodyEn ? n.bodyEn : n.bodyZh;
    const at = (n.publishedAt ?? new Date(0)).toISOString();
    return `<entry><id>urn:uuid:${n.id}</id><title>${xml(title)}</title><link rel="alternate" type="text/html" href="${xml(link)}"/><published>${at}</published><updated>${at}</updated><content type="text">${xml(body)}</content></entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><id>${xml(self)}</id><title>${xml(`${t(lang, 'site')}: ${t(lang, 'notices')}`)}</title><updated>${updated}</updated><author><name>${xml(t(lang, 'ministry'))}</name></author><link rel="self" type="application/atom+xml" href="${xml(self)}"/><link rel="alternate" type="text/html" href="${xml(`${baseUrl}${prefix}/notices`)}"/>${entries.join('')}</feed>\n`;
}
