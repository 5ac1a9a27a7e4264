// Static catalogue behind the demo generator. Government bodies, zones and universities are real;
// enterprises, science parks, intermediaries and foreign partners are invented (names chosen to
// sound plausible without naming a real company). Region codes are GB/T 2260.
import type { HostKind } from '../organizations/registry/kinds.js';
import type { PriorityField } from './types.js';

export const REFERENCE_DATE = '2026-04-15';
export const DEMO_PASSWORD = 'Guohe@2026';

export interface NamedSpec {
  slug: string;
  nameZh: string;
  nameEn: string;
}

export const MINISTRY_BODIES = [
  { key: 'most', kind: 'ministry', nameZh: '中华人民共和国科学技术部', nameEn: 'Ministry of Science and Technology of the People\'s Republic of China', affiliationKey: null },
  { key: 'most-dic', kind: 'ministry_department', nameZh: '科学技术部国际合作司', nameEn: 'Department of International Cooperation, Ministry of Science and Technology', affiliationKey: 'most' },
  { key: 'torch', kind: 'torch_center', nameZh: '科学技术部火炬高技术产业开发中心', nameEn: 'Torch High Technology Industry Development Center, Ministry of Science and Technology', affiliationKey: 'most' },
  { key: 'exchange', kind: 'exchange_center', nameZh: '中国科学技术交流中心', nameEn: 'China Science and Technology Exchange Center', affiliationKey: 'most' },
] as const;

/** Recommending State Council bodies (中国科学院 is a public institution, recommending all the same). */
export const STATE_COUNCIL_DEPARTMENTS: readonly NamedSpec[] = [
  { slug: 'moe', nameZh: '教育部', nameEn: 'Ministry of Education' },
  { slug: 'miit', nameZh: '工业和信息化部', nameEn: 'Ministry of Industry and Information Technology' },
  { slug: 'moa', nameZh: '农业农村部', nameEn: 'Ministry of Agriculture and Rural Affairs' },
  { slug: 'nhc', nameZh: '国家卫生健康委员会', nameEn: 'National Health Commission' },
  { slug: 'cas', nameZh: '中国科学院', nameEn: 'Chinese Academy of Sciences' },
];

export interface ZoneSpec extends NamedSpec {
  regionCode: string;
  approvedOn: string; // batch approval date, approximate: used as registeredOn
}

export const ZONES: readonly ZoneSpec[] = [
  { slug: 'zhongguancun', nameZh: '中关村科技园区', nameEn: 'Zhongguancun Science Park', regionCode: '110108', approvedOn: '1988-05-10' },
  { slug: 'zhangjiang', nameZh: '上海张江高新技术产业开发区', nameEn: 'Shanghai Zhangjiang High-Tech Industrial Development Zone', regionCode: '310115', approvedOn: '1991-03-06' },
  { slug: 'donghu', nameZh: '武汉东湖新技术开发区', nameEn: 'Wuhan East Lake High-Tech Development Zone', regionCode: '420100', approvedOn: '1991-03-06' },
  { slug: 'shenzhen', nameZh: '深圳市高新技术产业园区', nameEn: 'Shenzhen High-Tech Industrial Park', regionCode: '440305', approvedOn: '1991-03-06' },
  { slug: 'xian', nameZh: '西安高新技术产业开发区', nameEn: "Xi'an High-Tech Industrial Development Zone", regionCode: '610100', approvedOn: '1991-03-06' },
  { slug: 'chengdu', nameZh: '成都高新技术产业开发区', nameEn: 'Chengdu High-Tech Industrial Development Zone', regionCode: '510100', approvedOn: '1991-03-06' },
  // The national zone of Suzhou (苏州工业园区 is an economic-technological development zone instead).
  { slug: 'suzhou', nameZh: '苏州高新技术产业开发区', nameEn: 'Suzhou National New and Hi-Tech Industrial Development Zone', regionCode: '320500', approvedOn: '1992-11-09' },
  { slug: 'hefei', nameZh: '合肥高新技术产业开发区', nameEn: 'Hefei High-Tech Industrial Development Zone', regionCode: '340100', approvedOn: '1991-03-06' },
  { slug: 'hangzhou', nameZh: '杭州高新技术产业开发区', nameEn: 'Hangzhou High-Tech Industrial Development Zone', regionCode: '330108', approvedOn: '1991-03-06' },
  { slug: 'guangzhou', nameZh: '广州高新技术产业开发区', nameEn: 'Guangzhou High-Tech Industrial Development Zone', regionCode: '440100', approvedOn: '1991-03-06' },
  { slug: 'tianjin', nameZh: '天津滨海高新技术产业开发区', nameEn: 'Tianjin Binhai High-Tech Industrial Development Zone', regionCode: '120116', approvedOn: '1991-03-06' },
  { slug: 'qingdao', nameZh: '青岛高新技术产业开发区', nameEn: 'Qingdao High-Tech Industrial Development Zone', regionCode: '370200', approvedOn: '1992-11-09' },
];

/** Project history that decides which base types an institution can meet (a6.p1.i1, a8.p1.i1):
 *  jrc = ≥ 2 national projects, single = 1 national, provincial = 省部级 only, none = no projects. */
export type ProjectProfile = 'jrc' | 'single' | 'provincial' | 'none';

export interface InstitutionSpec extends NamedSpec {
  kind: HostKind;
  regionCode: string;
  affiliationKey: string | null;
  zone: string | null; // ZoneSpec slug
  fields: readonly PriorityField[];
  profile: ProjectProfile;
  registeredOn?: string; // fixed where a rule depends on it (a7.p1.i1); otherwise generated
  independentLegalEntity?: false;
  /** Registered as 民办非企业单位 (USCC 52…) instead of a company or public institution. */
  nonProfit?: true;
}

const I = (
  slug: string, kind: HostKind, nameZh: string, nameEn: string, regionCode: string,
  affiliationKey: string | null, zone: string | null, fields: PriorityField[], profile: ProjectProfile,
  extra: Partial<InstitutionSpec> = {},
): InstitutionSpec => ({ slug, kind, nameZh, nameEn, regionCode, affiliationKey, zone, fields, profile, ...extra });

export const INSTITUTIONS: readonly InstitutionSpec[] = [
  // Universities under State Council departments (recommended by affiliation).
  I('tsinghua', 'university', '清华大学', 'Tsinghua University', '110108', 'scd-moe', 'zhongguancun', ['energy', 'information_network', 'ecology_environment'], 'jrc'),
  I('scu', 'university', '四川大学', 'Sichuan University', '510100', 'scd-moe', null, ['bio_health', 'materials_manufacturing'], 'jrc'),
  I('zju', 'university', '浙江大学', 'Zhejiang University', '330106', 'scd-moe', null, ['agriculture', 'information_network', 'bio_health'], 'jrc'),
  I('hust', 'university', '华中科技大学', 'Huazhong University of Science and Technology', '420100', 'scd-moe', 'donghu', ['materials_manufacturing', 'bio_health'], 'single'),
  I('xjtu', 'university', '西安交通大学', "Xi'an Jiaotong University", '610100', 'scd-moe', null, ['energy', 'materials_manufacturing'], 'jrc'),
  I('lzu', 'university', '兰州大学', 'Lanzhou University', '620100', 'scd-moe', null, ['ecology_environment', 'agriculture'], 'single'),
  I('buaa', 'university', '北京航空航天大学', 'Beihang University', '110108', 'scd-miit', 'zhongguancun', ['space_ocean', 'public_security'], 'jrc'),
  I('hit', 'university', '哈尔滨工业大学', 'Harbin Institute of Technology', '230100', 'scd-miit', null, ['space_ocean', 'materials_manufacturing'], 'single'),
  // Provincial universities (recommended by territory; four of them inside 计划单列市 or the Corps).
  I('zjut', 'university', '浙江工业大学', 'Zhejiang University of Technology', '330100', null, null, ['materials_manufacturing', 'ecology_environment'], 'single'),
  I('hunau', 'university', '湖南农业大学', 'Hunan Agricultural University', '430100', null, null, ['agriculture'], 'provincial'),
  I('ynu', 'university', '云南大学', 'Yunnan University', '530100', null, null, ['ecology_environment', 'bio_health'], 'single'),
  I('fzu', 'university', '福州大学', 'Fuzhou University', '350100', null, null, ['materials_manufacturing', 'public_security'], 'provincial'),
  I('nbu', 'university', '宁波大学', 'Ningbo University', '330200', null, null, ['space_ocean', 'agriculture'], 'single'),
  I('szu', 'university', '深圳大学', 'Shenzhen University', '440305', null, 'shenzhen', ['information_network', 'public_security'], 'jrc'),
  I('qdu', 'university', '青岛大学', 'Qingdao University', '370200', null, null, ['bio_health', 'materials_manufacturing'], 'provincial'),
  I('shzu', 'university', '石河子大学', 'Shihezi University', '660000', null, null, ['agriculture', 'ecology_environment'], 'single'),
  // Chinese Academy of Sciences institutes (affiliation CAS, even inside Dalian).
  I('dicp', 'research_institute', '中国科学院大连化学物理研究所', 'Dalian Institute of Chemical Physics, CAS', '210204', 'scd-cas', null, ['energy', 'materials_manufacturing'], 'jrc'),
  I('cib', 'research_institute', '中国科学院成都生物研究所', 'Chengdu Institute of Biology, CAS', '510100', 'scd-cas', null, ['bio_health', 'ecology_environment'], 'single'),
  I('wiv', 'research_institute', '中国科学院武汉病毒研究所', 'Wuhan Institute of Virology, CAS', '420100', 'scd-cas', null, ['bio_health', 'public_security'], 'jrc'),
  I('sim', 'research_institute', '中国科学院上海微系统与信息技术研究所', 'Shanghai Institute of Microsystem and Information Technology, CAS', '310105', 'scd-cas', null, ['information_network', 'materials_manufacturing'], 'jrc'),
  I('hfips', 'research_institute', '中国科学院合肥物质科学研究院', 'Hefei Institutes of Physical Science, CAS', '340100', 'scd-cas', null, ['energy', 'ecology_environment'], 'jrc'),
  // Other institutes: a two-step chain (tea institute → CAAS → 农业农村部) and territorial ones.
  I('caas', 'research_institute', '中国农业科学院', 'Chinese Academy of Agricultural Sciences', '110108', 'scd-moa', null, ['agriculture'], 'jrc'),
  I('tri', 'research_institute', '中国农业科学院茶叶研究所', 'Tea Research Institute, CAAS', '330106', 'inst-caas', null, ['agriculture'], 'single'),
  I('cams', 'research_institute', '中国医学科学院', 'Chinese Academy of Medical Sciences', '110101', 'scd-nhc', null, ['bio_health'], 'jrc'),
  I('saas', 'research_institute', '四川省农业科学院', 'Sichuan Academy of Agricultural Sciences', '510100', null, null, ['agriculture'], 'provincial'),
  I('jaas', 'research_institute', '江苏省农业科学院', 'Jiangsu Academy of Agricultural Sciences', '320100', null, null, ['agriculture', 'ecology_environment'], 'single'),
  // Science parks: hosts of international innovation parks (a5), built with provincial governments.
  I('park-wuhan', 'science_park', '武汉光谷启航国际科技园', 'Wuhan Optics Valley Qihang International Science Park', '420100', null, 'donghu', ['information_network', 'bio_health'], 'provincial'),
  I('park-hefei', 'science_park', '合肥云海国际创新园', 'Hefei Yunhai International Innovation Park', '340100', null, 'hefei', ['energy', 'information_network'], 'provincial'),
  I('park-xian', 'science_park', '西安长安丝路国际科技合作园', "Xi'an Chang'an Silk Road International S&T Cooperation Park", '610100', null, 'xian', ['space_ocean', 'materials_manufacturing'], 'single'),
  I('park-chengdu', 'science_park', '成都锦城国际创新园', 'Chengdu Jincheng International Innovation Park', '510100', null, 'chengdu', ['information_network', 'bio_health'], 'none'),
  // Innovative enterprises (invented).
  I('lhzs', 'innovative_enterprise', '北京量衡智算科技有限公司', 'Beijing Liangheng Intelligent Computing Technology Co., Ltd.', '110108', null, 'zhongguancun', ['information_network'], 'single'),
  I('yhwx', 'innovative_enterprise', '深圳翼航微系统有限公司', 'Shenzhen Yihang Microsystems Co., Ltd.', '440305', null, 'shenzhen', ['space_ocean', 'information_network'], 'jrc'),
  I('cysw', 'innovative_enterprise', '杭州澄源生物医药股份有限公司', 'Hangzhou Chengyuan Biopharmaceutical Co., Ltd.', '330108', null, 'hangzhou', ['bio_health'], 'provincial'),
  I('njxc', 'innovative_enterprise', '苏州纳界新材料科技有限公司', 'Suzhou Najie Advanced Materials Technology Co., Ltd.', '320500', null, 'suzhou', ['materials_manufacturing'], 'none'),
  I('lyhy', 'innovative_enterprise', '青岛蓝渊海洋装备科技有限公司', 'Qingdao Lanyuan Marine Equipment Technology Co., Ltd.', '370200', null, 'qingdao', ['space_ocean'], 'single'),
  I('sccn', 'innovative_enterprise', '重庆山城储能科技有限公司', 'Chongqing Shancheng Energy Storage Technology Co., Ltd.', '500112', null, null, ['energy'], 'provincial'),
  // S&T intermediaries in zones: candidates for technology transfer centers (a7); dates and legal
  // status chosen to exercise a7.p1.i1 (independent legal entity, registered ≥ 1 year).
  I('hzitt', 'st_intermediary', '北京中关村汇智国际技术转移中心有限公司', 'Beijing Zhongguancun Huizhi International Technology Transfer Center Co., Ltd.', '110108', null, 'zhongguancun', ['information_network', 'materials_manufacturing'], 'single', { registeredOn: '2014-06-18' }),
  I('zjlt', 'st_intermediary', '上海张江联拓国际技术转移有限公司', 'Shanghai Zhangjiang Liantuo International Technology Transfer Co., Ltd.', '310115', null, 'zhangjiang', ['bio_health', 'information_network'], 'provincial', { registeredOn: '2016-09-02' }),
  I('slht', 'st_intermediary', '西安丝路汇通技术转移服务中心', "Xi'an Silk Road Huitong Technology Transfer Service Center", '610100', null, 'xian', ['materials_manufacturing'], 'provincial', { registeredOn: '2019-03-12', nonProfit: true }),
  I('jcitt', 'st_intermediary', '成都锦创国际技术转移有限公司', 'Chengdu Jinchuang International Technology Transfer Co., Ltd.', '510100', null, 'chengdu', ['information_network'], 'none', { registeredOn: '2025-10-20' }),
  I('wcitt', 'st_intermediary', '深圳湾创国际技术转移有限公司南山分公司', 'Shenzhen Wanchuang International Technology Transfer Co., Ltd., Nanshan Branch', '440305', null, 'shenzhen', ['information_network'], 'provincial', { registeredOn: '2017-05-08', independentLegalEntity: false }),
  // One day short of a year at the reference date 2026-04-15.
  I('khitt', 'st_intermediary', '合肥科汇国际技术转移有限公司', 'Hefei Kehui International Technology Transfer Co., Ltd.', '340100', null, 'hefei', ['energy'], 'none', { registeredOn: '2025-04-16' }),
];

/** Provinces whose governments appear (a5.p2.i2: they apply for innovation parks). */
export const PROVINCIAL_GOVERNMENTS = ['420000', '340000', '610000', '510000'] as const;

export interface ForeignSpec extends NamedSpec {
  country: string;
  fields: readonly PriorityField[];
}

const F = (slug: string, country: string, nameZh: string, nameEn: string, fields: PriorityField[]): ForeignSpec => ({ slug, country, nameZh, nameEn, fields });

export const FOREIGN_PARTNERS: readonly ForeignSpec[] = [
  F('rmiap', 'DE', '莱茵-美因应用光子学研究所', 'Rhine-Main Institute for Applied Photonics', ['information_network', 'materials_manufacturing']),
  F('hut', 'DE', '汉萨工业大学', 'Hanseatic University of Technology', ['energy', 'materials_manufacturing', 'space_ocean']),
  F('ilra', 'FR', '卢瓦尔农业研究所', 'Institut Loire de Recherche Agronomique', ['agriculture', 'ecology_environment']),
  F('nsth', 'GB', '北桥热带健康学院', 'Northbridge School of Tropical Health', ['bio_health', 'public_security']),
  F('pola', 'IT', '亚得里亚理工大学', 'Politecnico Adriatico', ['materials_manufacturing', 'energy']),
  F('visi', 'RU', '伏尔加空间仪器研究所', 'Volga Institute of Space Instrumentation', ['space_ocean', 'information_network']),
  F('kir', 'JP', '关西机器人研究所', 'Kansai Institute of Robotics', ['materials_manufacturing', 'information_network']),
  F('hberi', 'KR', '韩光能源研究院', 'Hanbit Energy Research Institute', ['energy']),
  F('scuw', 'SG', '海峡城市水务中心', 'Straits Centre for Urban Water', ['ecology_environment', 'public_security']),
  F('ccmri', 'AU', '珊瑚海岸海洋研究所', 'Coral Coast Marine Research Institute', ['space_ocean', 'ecology_environment']),
  F('cprc', 'NZ', '坎特伯雷牧业研究中心', 'Canterbury Pastoral Research Centre', ['agriculture']),
  F('nics', 'IL', '内盖夫网络安全研究所', 'Negev Institute for Cyber Security', ['public_security', 'information_network']),
  F('ivau', 'PK', '印度河谷农业大学', 'Indus Valley Agricultural University', ['agriculture', 'ecology_environment']),
  F('cpbc', 'TH', '湄南河生物技术中心', 'Chao Phraya Biotechnology Centre', ['bio_health', 'agriculture']),
  F('ipbe', 'BR', '圣保罗生物能源研究所', 'Instituto Paulista de Bioenergia', ['energy', 'ecology_environment']),
];

export const PROJECT_TOPICS: Readonly<Record<PriorityField, readonly string[]>> = {
  energy: ['高效钙钛矿太阳能电池', '固态锂电池关键材料', '氢能储运与燃料电池', '柔性直流输电', '生物质能高值化利用'],
  materials_manufacturing: ['高温合金增材制造', '高性能碳纤维复合材料', '第三代半导体材料', '精密数控装备', '工业机器人核心部件'],
  information_network: ['量子保密通信网络', '太赫兹无线通信', '类脑智能芯片', '工业互联网平台', '可信人工智能'],
  agriculture: ['水稻抗逆分子育种', '茶树种质资源创新', '智慧农业物联网', '奶牛高效健康养殖', '盐碱地生态改良'],
  bio_health: ['新发传染病病原学', '肿瘤免疫治疗', '中药现代化', '医学影像人工智能', '新型疫苗'],
  ecology_environment: ['流域水污染综合治理', '大气复合污染防控', '土壤重金属修复', '碳捕集利用与封存', '固体废物资源化'],
  space_ocean: ['深海探测装备', '微小卫星遥感', '海洋观测浮标网络', '极地环境监测', '空间碎片监测'],
  public_security: ['城市地下空间安全监测', '地震预警', '食品安全快速检测', '网络空间安全', '危化品事故应急'],
};
export const PROJECT_SUFFIXES = ['联合研究', '合作研发与示范', '关键技术国际合作研究', '国际联合攻关'] as const;

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
export const GIVEN_CHARS = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志文海波宁晨雪阳峰琳鹏宇浩婷';
