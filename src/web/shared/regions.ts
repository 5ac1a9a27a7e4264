// Region names and options, from the server's pure data module (one source of truth).
import {
  CITIES_WITH_SEPARATE_PLAN,
  PROVINCIAL_LEVEL_UNITS,
  provincialDivision,
  territorialJurisdictionOf,
} from '../../server/organizations/registry/regions';
import type { Lang } from '../i18n';

const cityByCode = new Map(CITIES_WITH_SEPARATE_PLAN.map((c) => [c.code, c]));
const unitByCode = new Map(PROVINCIAL_LEVEL_UNITS.map((p) => [p.code, p]));

/** Name of a region code: the 计划单列市 when it is one, else its provincial-level unit. */
export function regionLabel(code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  const city = cityByCode.get(code);
  if (city) {
    const p = unitByCode.get(city.provinceCode);
    return lang === 'zh' ? `${p?.nameZh ?? ''}${city.nameZh}` : `${city.nameEn}, ${p?.nameEn ?? ''}`;
  }
  const unit = provincialDivision(code);
  if (!unit) return code;
  return lang === 'zh' ? unit.nameZh : unit.nameEn;
}

/** Provincial-level units for a filter select (value 'xx0000' matches the whole province). */
export function provinceOptions(lang: Lang) {
  return PROVINCIAL_LEVEL_UNITS.map((p) => ({ value: p.code, label: lang === 'zh' ? p.nameZh : p.nameEn }));
}

/**
 * Locations for registration: each province, and right after it the cities with separate planning
 * status inside it (they have their own recommending department).
 */
export function locationOptions(lang: Lang) {
  return PROVINCIAL_LEVEL_UNITS.flatMap((p) => [
    { value: p.code, label: lang === 'zh' ? p.nameZh : p.nameEn },
    ...CITIES_WITH_SEPARATE_PLAN.filter((c) => c.provinceCode === p.code).map((c) => ({
      value: c.code,
      label: lang === 'zh' ? `${p.nameZh} / ${c.nameZh}（计划单列市）` : `${p.nameEn} / ${c.nameEn} (separate planning)`,
    })),
  ]);
}

/** The S&T department with territorial competence that reviews a registration there (a11.s0). */
export function reviewingDepartment(code: string | null | undefined, lang: Lang): string | null {
  if (!code) return null;
  const j = territorialJurisdictionOf(code);
  if (!j) return null;
  const unit = cityByCode.get(j) ?? unitByCode.get(j);
  if (!unit) return null;
  return lang === 'zh' ? unit.stDepartmentZh : unit.stDepartmentEn;
}
