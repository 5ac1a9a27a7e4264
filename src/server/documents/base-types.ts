/**
 * The four types of National International S&T Cooperation Base (国合基地) and, per type, who
 * recognizes them and under which article of the 2011 Measures (《国家国际科技合作基地管理办法》):
 *
 *   国际创新园           第五条  科技部负责认定 (a5.p2)                         → 科学技术部
 *   国际联合研究中心      第六条  由科技部进行认定 (a6.p2)                       → 科学技术部
 *   国际技术转移中心      第七条  国际合作司联合火炬中心认定、共同发文 (a7.p2, a7.p2.i3)
 *                                                  → 科学技术部国际合作司 + 科学技术部火炬高技术产业开发中心
 *   示范型国际科技合作基地 第八条  国际合作司负责认定、发文 (a8.p2, a8.p2.i3)   → 科学技术部国际合作司
 */
export const BASE_TYPES = [
  'international_innovation_park',
  'international_joint_research_center',
  'international_technology_transfer_center',
  'demonstration_base',
] as const;

export type BaseType = (typeof BASE_TYPES)[number];

export interface BaseTypeInfo {
  /** Name of the type as used in documents, e.g. 国际联合研究中心. */
  nameZh: string;
  /** Full name on plaques, e.g. 国家国际联合研究中心. */
  plaqueNameZh: string;
  nameEn: string;
  /** Article of the Measures with the recognition conditions and procedure. */
  article: number;
  articleLabelZh: string;
  /** Clause id (see src/regulation/text/measures-2011.json) naming who recognizes and issues. */
  clauseId: string;
  /** Issuing bodies (发文机关), in signing order. */
  issuingBodies: readonly string[];
}

export const BASE_TYPE_INFO: Readonly<Record<BaseType, BaseTypeInfo>> = {
  international_innovation_park: {
    nameZh: '国际创新园',
    plaqueNameZh: '国家国际创新园',
    nameEn: 'National International Innovation Park',
    article: 5,
    articleLabelZh: '第五条',
    clauseId: 'a5.p2',
    issuingBodies: ['科学技术部'],
  },
  international_joint_research_center: {
    nameZh: '国际联合研究中心',
    plaqueNameZh: '国家国际联合研究中心',
    nameEn: 'National International Joint Research Center',
    article: 6,
    articleLabelZh: '第六条',
    clauseId: 'a6.p2',
    issuingBodies: ['科学技术部'],
  },
  international_technology_transfer_center: {
    nameZh: '国际技术转移中心',
    plaqueNameZh: '国家国际技术转移中心',
    nameEn: 'National International Technology Transfer Center',
    article: 7,
    articleLabelZh: '第七条',
    clauseId: 'a7.p2.i3',
    issuingBodies: ['科学技术部国际合作司', '科学技术部火炬高技术产业开发中心'],
  },
  demonstration_base: {
    nameZh: '示范型国际科技合作基地',
    plaqueNameZh: '国家示范型国际科技合作基地',
    nameEn: 'National Demonstration Base for International Science and Technology Cooperation',
    article: 8,
    articleLabelZh: '第八条',
    clauseId: 'a8.p2.i3',
    issuingBodies: ['科学技术部国际合作司'],
  },
};

export const MEASURES_TITLE_ZH = '国家国际科技合作基地管理办法';
