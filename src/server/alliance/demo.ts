// Demo alliance (inside loadDemo's transaction): some bases are members, one application waits for
// the secretariat, two working groups, shared resources, announcements, and three events — a
// training and a meeting already held with attendance recorded (so the bases' annual summaries
// show them, a17.s1), and a delegation open for registration. Dates are relative to the day of
// loading, so a fresh start always shows a live alliance.
import { eq, inArray } from 'drizzle-orm';
import { addDays, beijingInstant } from '../../regulation/dates.js';
import type { Db } from '../platform/db/client.js';
import { users } from '../accounts/tables.js';
import { bases } from '../bases/tables.js';
import { today } from '../bases/clock.js';
import {
  allianceAnnouncements, allianceEvents, allianceGroupMembers, allianceGroups, allianceLinks, allianceMemberships, allianceRegistrations, allianceResources,
} from './tables.js';

const MEMBERS = ['GH-2012-JRC-0001', 'GH-2013-JRC-0001', 'GH-2012-JRC-0002', 'GH-2015-JRC-0001', 'GH-2012-JRC-0003', 'GH-2012-JRC-0004', 'GH-2016-TTC-0001', 'GH-2014-IP-0001'];
const APPLYING = 'GH-2014-JRC-0001';

export async function loadDemoAlliance(tx: Db): Promise<void> {
  const rows = await tx.select({ id: bases.id, code: bases.code, hostOrgId: bases.hostOrgId, recommenderId: bases.recommenderId }).from(bases).where(inArray(bases.code, [...MEMBERS, APPLYING]));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const b = (code: string) => byCode.get(code);
  if (MEMBERS.some((c) => !b(c)) || !b(APPLYING)) return; // a smaller demo (tests may generate one) has no alliance
  const [sec] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'secretariat'));
  const by = sec?.id ?? null;
  const d = today();
  const at = (day: string) => beijingInstant(day, 10);

  await tx.insert(allianceMemberships).values([
    ...MEMBERS.map((code, i) => ({
      baseId: b(code)!.id, status: 'member', statement: '愿意参与联盟交流协作，共享平台资源。', appliedAt: at(addDays(d, -400 + i * 10)),
      decidedBy: by, decidedAt: at(addDays(d, -390 + i * 10)), joinedOn: addDays(d, -390 + i * 10),
    })),
    { baseId: b(APPLYING)!.id, status: 'applied', statement: '申请加入联盟，参与航空航天领域工作组。', appliedAt: at(addDays(d, -3)) },
  ]);

  const [info, sichuan] = await tx.insert(allianceGroups).values([
    { kind: 'field', fieldId: 'information_network', nameZh: '信息网络领域工作组', nameEn: 'Information networks working group', descriptionZh: '围绕信息网络领域开展国际合作经验交流与联合项目策划。', createdBy: by },
    { kind: 'region', provinceCode: '51', nameZh: '四川区域工作组', nameEn: 'Sichuan regional working group', descriptionZh: '四川省内国合基地的区域协作。', createdBy: by },
  ]).returning({ id: allianceGroups.id });
  await tx.insert(allianceGroupMembers).values([
    { groupId: info!.id, baseId: b('GH-2012-JRC-0001')!.id }, { groupId: info!.id, baseId: b('GH-2012-JRC-0002')!.id }, { groupId: info!.id, baseId: b('GH-2015-JRC-0001')!.id },
    { groupId: sichuan!.id, baseId: b('GH-2013-JRC-0001')!.id },
  ]);

  await tx.insert(allianceResources).values([
    { baseId: b('GH-2012-JRC-0001')!.id, kind: 'equipment', titleZh: '高性能计算平台机时共享', titleEn: 'Shared HPC time', descriptionZh: '每年向联盟成员开放不少于 5 万核时。', contact: 'hpc@example.edu.cn', postedBy: by, postedAt: at(addDays(d, -200)) },
    { baseId: b('GH-2013-JRC-0001')!.id, kind: 'partner', titleZh: '德国弗劳恩霍夫协会合作渠道', titleEn: 'Channel to the Fraunhofer-Gesellschaft', descriptionZh: '可协助成员基地对接德方研究所。', contact: '国际处', postedBy: by, postedAt: at(addDays(d, -120)) },
    { baseId: b('GH-2012-JRC-0003')!.id, kind: 'service', titleZh: '催化材料表征测试服务', titleEn: 'Catalyst characterization service', descriptionZh: '提供表征测试与数据解读，成员基地优惠。', contact: 'service@example.cn', postedBy: by, postedAt: at(addDays(d, -30)) },
  ]);

  await tx.insert(allianceAnnouncements).values([
    { titleZh: '关于召开国合基地联盟年度工作会议的通知', titleEn: 'Notice of the alliance’s annual meeting', bodyZh: '请各成员基地于报名截止前登记参会人员。', bodyEn: 'Member bases please register participants before the deadline.', publishedBy: by, publishedAt: at(addDays(d, -170)) },
    { titleZh: '联盟共享资源目录已开放', titleEn: 'The shared resource directory is open', bodyZh: '欢迎成员基地发布可共享的仪器设备、合作伙伴与服务。', bodyEn: 'Members may now post equipment, partners and services to share.', publishedBy: by, publishedAt: at(addDays(d, -90)) },
  ]);

  const [meeting, training, delegation] = await tx.insert(allianceEvents).values([
    { kind: 'meeting', titleZh: '国合基地联盟年度工作会议', titleEn: 'Alliance annual meeting', descriptionZh: '总结交流年度工作，部署下一阶段任务。', startsOn: addDays(d, -150), endsOn: addDays(d, -150), place: '北京', registrationCloses: addDays(d, -160), status: 'held', createdBy: by },
    { kind: 'training', titleZh: '国际技术转移实务培训班', titleEn: 'International technology transfer training', descriptionZh: '面向成员基地国际合作管理人员的实务培训。', startsOn: addDays(d, -60), endsOn: addDays(d, -58), place: '杭州', capacity: 60, registrationCloses: addDays(d, -70), status: 'held', createdBy: by },
    { kind: 'delegation', titleZh: '赴德国科技合作交流团组', titleEn: 'Delegation to Germany', descriptionZh: '走访德方合作机构，洽谈联合研究。', startsOn: addDays(d, 40), endsOn: addDays(d, 47), place: '柏林、慕尼黑', country: 'DE', capacity: 20, registrationCloses: addDays(d, 25), status: 'open', createdBy: by },
  ]).returning({ id: allianceEvents.id });
  const reg = (eventId: string, code: string, participants: number, attendees: number | null) => ({
    eventId, baseId: b(code)!.id, participants, names: '', registeredBy: by,
    attended: attendees === null ? null : attendees > 0, attendees, recordedBy: attendees === null ? null : by, recordedAt: attendees === null ? null : new Date(),
  });
  await tx.insert(allianceRegistrations).values([
    reg(meeting!.id, 'GH-2012-JRC-0001', 2, 2), reg(meeting!.id, 'GH-2013-JRC-0001', 1, 1), reg(meeting!.id, 'GH-2012-JRC-0002', 2, 2), reg(meeting!.id, 'GH-2012-JRC-0003', 1, 1), reg(meeting!.id, 'GH-2016-TTC-0001', 1, 0),
    reg(training!.id, 'GH-2012-JRC-0001', 3, 3), reg(training!.id, 'GH-2013-JRC-0001', 2, 2), reg(training!.id, 'GH-2016-TTC-0001', 4, 4), reg(training!.id, 'GH-2012-JRC-0004', 2, 0),
    reg(delegation!.id, 'GH-2012-JRC-0001', 2, null), reg(delegation!.id, 'GH-2015-JRC-0001', 1, null),
  ]);

  // a20.s1: links recorded by the hosts and their recommending departments.
  const link = (code: string, kind: string, name: string, partnerKind: string | null, byHost = true) => ({
    baseId: b(code)!.id, kind, name, partnerKind, byOrgId: byHost ? b(code)!.hostOrgId : (b(code)!.recommenderId ?? b(code)!.hostOrgId), createdBy: by,
  });
  await tx.insert(allianceLinks).values([
    link('GH-2012-JRC-0001', 'department_programme', '教育部“高等学校学科创新引智计划”', null, false),
    link('GH-2012-JRC-0001', 'iur_partner', '北京智能装备有限公司（联合实验室）', 'enterprise'),
    link('GH-2013-JRC-0001', 'local_programme', '四川省国际科技创新合作计划', null, false),
    link('GH-2012-JRC-0003', 'local_programme', '辽宁省国际科技合作基地建设计划', null),
    link('GH-2012-JRC-0003', 'iur_partner', '大连理工大学', 'university'),
  ]);
}
