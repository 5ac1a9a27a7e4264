// The map of bases by province: a tile-grid cartogram (one square per provincial-level unit, laid
// out roughly where it lies), server-rendered SVG whose tiles link to the filtered directory, and
// the same numbers as a table for readers who do not see the picture.
import { html, type Html } from '../html.js';
import { t } from '../i18n.js';
import { provinces, type Lang } from '../catalog.js';
import { filterQuery, type DirectoryFilters } from '../directory.js';
import { href } from './layout.js';

/** [column, row] west→east, north→south. 660000 is the Corps (XPCC). */
export const TILES: Record<string, [number, number]> = {
  '230000': [7, 0],
  '650000': [0, 1], '150000': [4, 1], '110000': [5, 1], '210000': [6, 1], '220000': [7, 1],
  '660000': [0, 2], '620000': [2, 2], '640000': [3, 2], '140000': [4, 2], '130000': [5, 2], '120000': [6, 2],
  '630000': [1, 3], '610000': [3, 3], '410000': [4, 3], '370000': [5, 3],
  '540000': [0, 4], '510000': [1, 4], '500000': [2, 4], '420000': [3, 4], '340000': [4, 4], '320000': [5, 4], '310000': [6, 4],
  '530000': [1, 5], '520000': [2, 5], '430000': [3, 5], '360000': [4, 5], '330000': [5, 5],
  '450000': [2, 6], '440000': [3, 6], '350000': [4, 6],
  '460000': [3, 7],
};

// Sequential blues; text switches to white on the three darkest (contrast ≥ 4.5:1 either way).
const SHADES = ['#f1f1f1', '#d6e6f4', '#abcfe5', '#6aaed6', '#3282bd', '#0f5ba1', '#08306b'];

export function shadeOf(n: number, max: number): { fill: string; text: string } {
  if (n <= 0 || max <= 0) return { fill: SHADES[0]!, text: '#1a1a1a' };
  const i = 1 + Math.min(SHADES.length - 2, Math.floor(((n / max) ** 0.6) * (SHADES.length - 1)));
  return { fill: SHADES[i]!, text: i >= 4 ? '#ffffff' : '#1a1a1a' };
}

export function mapBody(lang: Lang, counts: Map<string, number>, f: DirectoryFilters): Html {
  const W = 86, H = 66, GAP = 4;
  const max = Math.max(0, ...counts.values());
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  const tiles = provinces.map((p) => {
    const [c, r] = TILES[p.code] ?? [8, 7];
    const n = counts.get(p.prefix) ?? 0;
    const { fill, text } = shadeOf(n, max);
    const x = c * (W + GAP), y = r * (H + GAP);
    const label = `${p.name[lang]}: ${n}`;
    // The link's name is its aria-label; the visible labels are drawn above it, outside the link
    // (click-through, aria-hidden), so that the link's visible text never contradicts its name
    // (WCAG 2.5.3 label in name: "川 5" is not part of "四川省: 5").
    return {
      link: html`<a href="${href(lang, `/bases${filterQuery({ ...f, province: p.code })}`)}" aria-label="${label}"><title>${label}</title>
<rect x="${x}" y="${y}" width="${W}" height="${H}" rx="4" fill="${fill}" stroke="#6b6b6b"/></a>`,
      text: html`<text x="${x + W / 2}" y="${y + 26}" text-anchor="middle" font-size="${lang === 'zh' ? 15 : 12}" fill="${text}">${p.short[lang]}</text>
<text x="${x + W / 2}" y="${y + 50}" text-anchor="middle" font-size="18" font-weight="700" fill="${text}">${n}</text>`,
    };
  });
  const width = 8 * (W + GAP), height = 8 * (H + GAP);
  return html`<p>${t(lang, 'mapNote')}</p>
<svg role="group" aria-label="${t(lang, 'mapTitle')}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg">${tiles.map((x) => x.link)}<g aria-hidden="true">${tiles.map((x) => x.text)}</g></svg>
<table><caption>${t(lang, 'mapTitle')}</caption><thead><tr><th scope="col">${t(lang, 'province')}</th><th scope="col">${t(lang, 'count')}</th></tr></thead>
<tbody>${provinces.filter((p) => (counts.get(p.prefix) ?? 0) > 0).map((p) => html`<tr><th scope="row"><a href="${href(lang, `/bases${filterQuery({ ...f, province: p.code })}`)}">${p.name[lang]}</a></th><td>${counts.get(p.prefix)}</td></tr>`)}
<tr><th scope="row">${t(lang, 'total')}</th><td>${total}</td></tr></tbody></table>`;
}
