import ExcelJS from 'exceljs';
import type { Interest } from '../../shared/opportunities.js';
import { formatTimestamp } from '../../shared/format.js';
import { excelText } from '../http/excel.js';

// Visitors typed every text here: each goes through excelText, so "=HYPERLINK(…)" shows as text, never runs.
const COLUMNS: { header: string; width: number; value: (i: Interest) => string | number | null }[] = [
  { header: '提交时间(北京时间)', width: 20, value: (i) => formatTimestamp(i.createdAt) },
  { header: '线索编号', width: 10, value: (i) => i.lead.id },
  { header: '企业名称', width: 32, value: (i) => excelText(i.companyName) },
  { header: '联系人', width: 14, value: (i) => excelText(i.contactName) },
  { header: '联系电话', width: 16, value: (i) => excelText(i.phone) },
  { header: '电子邮箱', width: 24, value: (i) => excelText(i.email) },
  { header: '意向投资项目', width: 32, value: (i) => (i.opportunity ? excelText(i.opportunity.title) : '') },
  { header: '产业链', width: 18, value: (i) => (i.chain ? excelText(i.chain.name) : '') },
  { header: '产业链环节', width: 18, value: (i) => (i.node ? excelText(i.node.name) : '') },
  { header: '县市(园区)', width: 20, value: (i) => i.region?.name ?? '' },
  { header: '预计投资(元)', width: 16, value: (i) => i.estimatedInvestmentYuan },
  { header: '留言', width: 48, value: (i) => excelText(i.message) },
];

export async function interestWorkbook(items: Interest[], withAddress: boolean): Promise<Buffer> {
  const columns = withAddress ? [...COLUMNS, { header: '来源地址', width: 18, value: (i: Interest) => i.address ?? '' }] : COLUMNS;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianzhu';
  const sheet = workbook.addWorksheet('投资意向', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) sheet.addRow(columns.map((c) => c.value(item)));
  sheet.getColumn(11).numFmt = '#,##0';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
