// The work report as an Excel workbook, one sheet per part. Every text cell goes through the
// platform's `neutralize`, so a base name or event title starting with = + - @ stays text.
import ExcelJS from 'exceljs';
import type { WorkReport } from '../../contracts/alliance.js';
import { neutralize } from '../platform/excel/export.js';
import type { Lang } from '../platform/http/errors.js';

type Cell = string | number | null;
const L = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
const kindName = (lang: Lang, k: string) => ({ meeting: L(lang, '会议', 'Meeting'), training: L(lang, '培训', 'Training'), delegation: L(lang, '团组', 'Delegation') } as Record<string, string>)[k] ?? k;

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]) {
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.columns = header.map((h) => ({ header: h, width: Math.max(14, h.length * 2) }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row.map((v) => neutralize(v)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function workReportXlsx(r: WorkReport, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Guohe';
  const m = r.membership;
  sheet(wb, L(lang, '概况', 'Summary'), [L(lang, '项目', 'Item'), L(lang, '数值', 'Value')], [
    [L(lang, '年度', 'Year'), r.year],
    [L(lang, '新加入成员', 'Members joined'), m.joined], [L(lang, '退出成员', 'Members left'), m.left],
    [L(lang, '因取消资格退出', 'Removed on revocation'), m.removed], [L(lang, '未予接纳', 'Applications declined'), m.declined],
    [L(lang, '待审核申请', 'Applications pending'), m.pending], [L(lang, '年末成员数', 'Members at year end'), m.membersAtEnd],
    [L(lang, '已举办活动', 'Events held'), r.attendance.events], [L(lang, '其中培训', 'of which trainings'), r.attendance.trainings],
    [L(lang, '参加人次', 'Attendees'), r.attendance.attendees], [L(lang, '培训人次', 'Trainees'), r.attendance.trainees],
    [L(lang, '参加活动的基地', 'Bases attending'), r.attendance.basesAttending], [L(lang, '共享资源发布', 'Resources posted'), r.resources.posted],
    [L(lang, '通知公告', 'Announcements'), r.announcements],
  ]);
  sheet(wb, L(lang, '活动', 'Events'), [L(lang, '日期', 'Date'), L(lang, '类别', 'Kind'), L(lang, '名称', 'Title'), L(lang, '报名基地', 'Bases registered'), L(lang, '出席基地', 'Bases attended'), L(lang, '出席人次', 'Attendees')],
    r.events.map((e) => [e.startsOn, kindName(lang, e.kind), e.titleZh, e.registeredBases, e.attendedBases, e.attendees]));
  sheet(wb, L(lang, '工作组', 'Working groups'), [L(lang, '名称', 'Name'), L(lang, '类别', 'Kind'), L(lang, '成员数', 'Members')],
    r.groups.map((g) => [g.nameZh, g.kind === 'field' ? L(lang, '领域', 'Field') : L(lang, '区域', 'Region'), g.members]));
  sheet(wb, L(lang, '衔接与产学研', 'Alignment (a20.s1)'), [L(lang, '基地编号', 'Code'), L(lang, '基地名称', 'Base'), L(lang, '关联计划', 'Programmes'), L(lang, '产学研伙伴', 'IUR partners'), L(lang, '结论', 'Reading')],
    r.alignment.map((a) => [a.code, a.nameZh, a.programmes, a.partners, lang === 'zh' ? a.because.zh : a.because.en]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
