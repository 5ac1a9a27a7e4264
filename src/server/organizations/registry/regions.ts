// Provincial-level divisions (GB/T 2260), the five cities with separate planning status
// (计划单列市) and the Xinjiang Production and Construction Corps (新疆生产建设兵团).
//
// Why these three groups: the Measures (a6.p2.i1, a7.p2.i1, a8.p2.i1, a11.s0) let "省、市、自治区科技
// 主管部门" recommend. In practice the S&T bureaus of the 计划单列市 and of the Corps recommend on the
// same footing as provincial departments, so each group has its own recommending department.

export type ProvincialDivisionType = 'province' | 'autonomous_region' | 'municipality' | 'corps';

export interface ProvincialDivision {
  code: string; // GB/T 2260, 'xx0000'
  slug: string; // stable ASCII id, used for demo usernames
  type: ProvincialDivisionType;
  nameZh: string;
  nameEn: string;
  stDepartmentZh: string; // its S&T department (省级科技主管部门)
  stDepartmentEn: string;
  /** True when the code is not from GB/T 2260 (only the Corps). */
  nonStandard?: true;
}

export interface CityWithSeparatePlan {
  code: string; // GB/T 2260 prefecture code, 'xxxx00'
  slug: string;
  provinceCode: string;
  nameZh: string;
  nameEn: string;
  stDepartmentZh: string;
  stDepartmentEn: string;
}

type Row = [code: string, slug: string, type: ProvincialDivisionType, nameZh: string, nameEn: string];

// Name pattern for most: 省科学技术厅 / Department of Science and Technology of X Province.
const ROWS: readonly Row[] = [
  ['110000', 'beijing', 'municipality', '北京市', 'Beijing Municipality'],
  ['120000', 'tianjin', 'municipality', '天津市', 'Tianjin Municipality'],
  ['130000', 'hebei', 'province', '河北省', 'Hebei Province'],
  ['140000', 'shanxi', 'province', '山西省', 'Shanxi Province'],
  ['150000', 'neimenggu', 'autonomous_region', '内蒙古自治区', 'Inner Mongolia Autonomous Region'],
  ['210000', 'liaoning', 'province', '辽宁省', 'Liaoning Province'],
  ['220000', 'jilin', 'province', '吉林省', 'Jilin Province'],
  ['230000', 'heilongjiang', 'province', '黑龙江省', 'Heilongjiang Province'],
  ['310000', 'shanghai', 'municipality', '上海市', 'Shanghai Municipality'],
  ['320000', 'jiangsu', 'province', '江苏省', 'Jiangsu Province'],
  ['330000', 'zhejiang', 'province', '浙江省', 'Zhejiang Province'],
  ['340000', 'anhui', 'province', '安徽省', 'Anhui Province'],
  ['350000', 'fujian', 'province', '福建省', 'Fujian Province'],
  ['360000', 'jiangxi', 'province', '江西省', 'Jiangxi Province'],
  ['370000', 'shandong', 'province', '山东省', 'Shandong Province'],
  ['410000', 'henan', 'province', '河南省', 'Henan Province'],
  ['420000', 'hubei', 'province', '湖北省', 'Hubei Province'],
  ['430000', 'hunan', 'province', '湖南省', 'Hunan Province'],
  ['440000', 'guangdong', 'province', '广东省', 'Guangdong Province'],
  ['450000', 'guangxi', 'autonomous_region', '广西壮族自治区', 'Guangxi Zhuang Autonomous Region'],
  ['460000', 'hainan', 'province', '海南省', 'Hainan Province'],
  ['500000', 'chongqing', 'municipality', '重庆市', 'Chongqing Municipality'],
  ['510000', 'sichuan', 'province', '四川省', 'Sichuan Province'],
  ['520000', 'guizhou', 'province', '贵州省', 'Guizhou Province'],
  ['530000', 'yunnan', 'province', '云南省', 'Yunnan Province'],
  ['540000', 'xizang', 'autonomous_region', '西藏自治区', 'Xizang Autonomous Region'],
  ['610000', 'shaanxi', 'province', '陕西省', 'Shaanxi Province'],
  ['620000', 'gansu', 'province', '甘肃省', 'Gansu Province'],
  ['630000', 'qinghai', 'province', '青海省', 'Qinghai Province'],
  ['640000', 'ningxia', 'autonomous_region', '宁夏回族自治区', 'Ningxia Hui Autonomous Region'],
  ['650000', 'xinjiang', 'autonomous_region', '新疆维吾尔自治区', 'Xinjiang Uygur Autonomous Region'],
];

// The four municipalities do not use the 科学技术厅 pattern (names after the 2018–2019 reforms).
const MUNICIPAL_DEPARTMENTS: Readonly<Record<string, [zh: string, en: string]>> = {
  '110000': ['北京市科学技术委员会', 'Beijing Municipal Science and Technology Commission'], // also 中关村科技园区管理委员会 (same body)
  '120000': ['天津市科学技术局', 'Tianjin Municipal Science and Technology Bureau'],
  '310000': ['上海市科学技术委员会', 'Science and Technology Commission of Shanghai Municipality'],
  '500000': ['重庆市科学技术局', 'Chongqing Municipal Science and Technology Bureau'],
};

function departmentOf(code: string, nameZh: string, nameEn: string): [string, string] {
  return MUNICIPAL_DEPARTMENTS[code] ?? [`${nameZh}科学技术厅`, `Department of Science and Technology of ${nameEn}`];
}

export const PROVINCES: readonly ProvincialDivision[] = ROWS.map(([code, slug, type, nameZh, nameEn]) => {
  const [stDepartmentZh, stDepartmentEn] = departmentOf(code, nameZh, nameEn);
  return { code, slug, type, nameZh, nameEn, stDepartmentZh, stDepartmentEn };
});

/** The Corps has no GB/T 2260 code of its own (its cities lie inside Xinjiang's 65xxxx codes).
 *  '660000' is this project's convention for giving it a provincial-level slot; records located
 *  in the Corps carry a 66xxxx code so that they resolve to the Corps' bureau, not Xinjiang's. */
export const XPCC_CODE = '660000';
export const XPCC: ProvincialDivision = {
  code: XPCC_CODE,
  slug: 'bingtuan',
  type: 'corps',
  nameZh: '新疆生产建设兵团',
  nameEn: 'Xinjiang Production and Construction Corps',
  stDepartmentZh: '新疆生产建设兵团科学技术局',
  stDepartmentEn: 'Science and Technology Bureau of Xinjiang Production and Construction Corps',
  nonStandard: true,
};

/** 31 divisions plus the Corps: every slot that has its own provincial-level S&T department. */
export const PROVINCIAL_LEVEL_UNITS: readonly ProvincialDivision[] = [...PROVINCES, XPCC];

export const CITIES_WITH_SEPARATE_PLAN: readonly CityWithSeparatePlan[] = [
  { code: '210200', slug: 'dalian', provinceCode: '210000', nameZh: '大连市', nameEn: 'Dalian',
    stDepartmentZh: '大连市科学技术局', stDepartmentEn: 'Dalian Municipal Science and Technology Bureau' },
  { code: '370200', slug: 'qingdao', provinceCode: '370000', nameZh: '青岛市', nameEn: 'Qingdao',
    stDepartmentZh: '青岛市科学技术局', stDepartmentEn: 'Qingdao Municipal Science and Technology Bureau' },
  { code: '330200', slug: 'ningbo', provinceCode: '330000', nameZh: '宁波市', nameEn: 'Ningbo',
    stDepartmentZh: '宁波市科学技术局', stDepartmentEn: 'Ningbo Municipal Science and Technology Bureau' },
  { code: '350200', slug: 'xiamen', provinceCode: '350000', nameZh: '厦门市', nameEn: 'Xiamen',
    stDepartmentZh: '厦门市科学技术局', stDepartmentEn: 'Xiamen Municipal Science and Technology Bureau' },
  // Renamed from 深圳市科技创新委员会 in the 2024 municipal institutional reform.
  { code: '440300', slug: 'shenzhen', provinceCode: '440000', nameZh: '深圳市', nameEn: 'Shenzhen',
    stDepartmentZh: '深圳市科技创新局', stDepartmentEn: 'Shenzhen Science, Technology and Innovation Bureau' },
];

const BY_CODE = new Map<string, ProvincialDivision>(PROVINCIAL_LEVEL_UNITS.map((p) => [p.code, p]));
const CITY_BY_PREFIX = new Map<string, CityWithSeparatePlan>(
  CITIES_WITH_SEPARATE_PLAN.map((c) => [c.code.slice(0, 4), c]),
);

export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** The provincial-level unit ('xx0000', or XPCC_CODE for '66xxxx') containing the code, or null. */
export function provinceOf(code: string): string | null {
  if (!isRegionCode(code)) return null;
  const p = `${code.slice(0, 2)}0000`;
  return BY_CODE.has(p) ? p : null;
}

export function provincialDivision(code: string): ProvincialDivision | undefined {
  const p = provinceOf(code);
  return p === null ? undefined : BY_CODE.get(p);
}

/** True when the code is exactly one of the five 计划单列市. */
export function isCityWithSeparatePlan(code: string): boolean {
  return CITIES_WITH_SEPARATE_PLAN.some((c) => c.code === code);
}

/** The 计划单列市 a region code lies in (its districts and counties included), or undefined. */
export function cityWithSeparatePlanOf(code: string): CityWithSeparatePlan | undefined {
  return isRegionCode(code) ? CITY_BY_PREFIX.get(code.slice(0, 4)) : undefined;
}

/** Region code of the S&T department with territorial (属地) competence over a location: the
 *  计划单列市 when inside one, otherwise the provincial-level unit (the Corps included). */
export function territorialJurisdictionOf(code: string): string | null {
  return cityWithSeparatePlanOf(code)?.code ?? provinceOf(code);
}

export function regionName(code: string, locale: 'zh' | 'en' = 'zh'): string | undefined {
  const unit = BY_CODE.get(code) ?? CITIES_WITH_SEPARATE_PLAN.find((c) => c.code === code);
  if (!unit) return undefined;
  return locale === 'zh' ? unit.nameZh : unit.nameEn;
}
