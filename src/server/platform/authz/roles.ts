/**
 * Roles a user may hold. Which organization kinds may hold which role is part of the policy:
 * a role acts for its user's organization.
 */
export const roles = [
  'ministry_officer', // 科技部 / 国际合作司: competent authority (a10)
  'torch_officer', // 火炬中心: joint recognition of technology transfer centers (a7.p2)
  'secretariat_officer', // 中国科学技术交流中心: alliance secretariat (a18.s2)
  'recommender_officer', // 推荐部门: provincial S&T department or State Council department (a11)
  'provincial_government_officer', // 省级人民政府: applies for innovation parks (a5.p2.i2)
  'zone_officer', // 国家高新区: support opinion (a7.p2.i1)
  'institution_user', // 申报机构 / 依托单位 (and the base it hosts)
  'expert', // 评审专家: sees only what is assigned
  'sys_admin', // 系统管理员 (三员分立)
  'security_admin', // 安全管理员
  'audit_admin', // 审计管理员
] as const;

export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
