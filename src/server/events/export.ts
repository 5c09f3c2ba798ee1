import ExcelJS from 'exceljs';
import type { Guest } from '../../shared/events.js';
import { formatTimestamp } from '../../shared/format.js';
import { excelText } from '../http/excel.js';

const STATUS = { pending: '待邀请', invited: '已邀请', accepted: '已接受', declined: '已婉拒' } as const;
const CATEGORY = { enterprise: '企业', government: '政府部门', media: '媒体', other: '其他' } as const;

const COLUMNS: { header: string; width: number; value: (g: Guest) => string | number }[] = [
  { header: '序号', width: 6, value: (g) => g.id },
  { header: '姓名', width: 12, value: (g) => excelText(g.personName) },
  { header: '单位', width: 32, value: (g) => excelText(g.organisation) },
  { header: '职务', width: 20, value: (g) => excelText(g.title) },
  { header: '电话', width: 16, value: (g) => excelText(g.phone) },
  { header: '类别', width: 10, value: (g) => CATEGORY[g.category] },
  { header: '邀请状态', width: 10, value: (g) => STATUS[g.invitationStatus] },
  { header: '考察分组', width: 22, value: (g) => excelText(g.group?.name ?? '') },
  { header: '签到时间(北京时间)', width: 20, value: (g) => (g.checkedInAt ? formatTimestamp(g.checkedInAt) : '') },
  { header: '备注', width: 24, value: (g) => excelText(g.note) },
];

/** The guest list as the desk at the door prints it. */
export async function guestWorkbook(eventName: string, guests: Guest[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianzhu';
  const sheet = workbook.addWorksheet('嘉宾名单', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([excelText(eventName)]).font = { bold: true, size: 14 };
  sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
  COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  for (const g of guests) sheet.addRow(COLUMNS.map((c) => c.value(g)));
  const checked = guests.filter((g) => g.checkedInAt).length;
  sheet.addRow([`合计 ${guests.length} 人,已签到 ${checked} 人`]).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
