import { describe, expect, it } from 'vitest';
import {
  CITIES_WITH_SEPARATE_PLAN,
  PROVINCES,
  PROVINCIAL_LEVEL_UNITS,
  XPCC,
  cityWithSeparatePlanOf,
  isCityWithSeparatePlan,
  provinceOf,
  regionName,
  territorialJurisdictionOf,
} from './regions.js';

describe('regions (GB/T 2260)', () => {
  it('lists the 31 provincial-level divisions administered: 22 provinces, 5 autonomous regions, 4 municipalities', () => {
    expect(PROVINCES).toHaveLength(31);
    const count = (t: string) => PROVINCES.filter((p) => p.type === t).length;
    expect([count('province'), count('autonomous_region'), count('municipality')]).toEqual([22, 5, 4]);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(31);
    expect(new Set(PROVINCIAL_LEVEL_UNITS.map((p) => p.slug)).size).toBe(32);
    for (const p of PROVINCES) expect(p.code).toMatch(/^[1-6]\d0000$/);
  });

  it('names S&T departments properly', () => {
    const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
    expect(byCode.get('510000')?.stDepartmentZh).toBe('四川省科学技术厅');
    expect(byCode.get('510000')?.stDepartmentEn).toBe('Department of Science and Technology of Sichuan Province');
    expect(byCode.get('110000')?.stDepartmentZh).toBe('北京市科学技术委员会');
    expect(byCode.get('450000')?.stDepartmentZh).toBe('广西壮族自治区科学技术厅');
  });

  it('marks the Corps as non-standard with code 660000', () => {
    expect(XPCC).toMatchObject({ code: '660000', nonStandard: true, type: 'corps' });
    expect(PROVINCES.some((p) => p.nonStandard)).toBe(false);
    expect(provinceOf('659001')).toBe('650000'); // 石河子市 is a Xinjiang code…
    expect(provinceOf('660100')).toBe('660000'); // …Corps records carry 66xxxx on purpose
  });

  it('resolves the provincial-level unit of any code', () => {
    expect(provinceOf('510107')).toBe('510000');
    expect(provinceOf('110108')).toBe('110000');
    expect(provinceOf('710000')).toBeNull(); // Taiwan: no S&T department in this system
    expect(provinceOf('51010')).toBeNull();
    expect(provinceOf('abcdef')).toBeNull();
  });

  it('knows the five 计划单列市 and their provinces', () => {
    expect(CITIES_WITH_SEPARATE_PLAN.map((c) => [c.code, c.provinceCode])).toEqual([
      ['210200', '210000'],
      ['370200', '370000'],
      ['330200', '330000'],
      ['350200', '350000'],
      ['440300', '440000'],
    ]);
    expect(isCityWithSeparatePlan('370200')).toBe(true);
    expect(isCityWithSeparatePlan('370212')).toBe(false); // a district, not the city itself
    expect(isCityWithSeparatePlan('370100')).toBe(false); // Jinan
    expect(cityWithSeparatePlanOf('370212')?.slug).toBe('qingdao');
    expect(cityWithSeparatePlanOf('440305')?.stDepartmentZh).toBe('深圳市科技创新局');
    expect(cityWithSeparatePlanOf('440100')).toBeUndefined();
  });

  it('gives the territorial jurisdiction: city bureau inside a 计划单列市, else the province', () => {
    expect(territorialJurisdictionOf('210204')).toBe('210200');
    expect(territorialJurisdictionOf('210100')).toBe('210000');
    expect(territorialJurisdictionOf('660000')).toBe('660000');
    expect(territorialJurisdictionOf('x')).toBeNull();
  });

  it('names regions in both languages', () => {
    expect(regionName('540000')).toBe('西藏自治区');
    expect(regionName('540000', 'en')).toBe('Xizang Autonomous Region');
    expect(regionName('330200', 'en')).toBe('Ningbo');
    expect(regionName('999999')).toBeUndefined();
  });
});
