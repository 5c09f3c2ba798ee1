import ExcelJS from 'exceljs';
import type { Enterprise } from '../../shared/enterprises.js';
import { ENTERPRISE_SIZE_LABELS } from '../../shared/enterprises.js';
import { excelText } from '../http/excel.js';


const COLUMNS: { header: string; width: number; value: (e: Enterprise) => string | number }[] = [
  { header: '企业编号', width: 10, value: (e) => e.id },
  { header: '企业名称', width: 36, value: (e) => excelText(e.name) },
  { header: '统一社会信用代码', width: 22, value: (e) => e.uscc },
  { header: '本地/外地', width: 10, value: (e) => (e.isLocal ? '本地' : '外地') },
  { header: '所属县市(园区)', width: 24, value: (e) => e.regionName ?? '' },
  { header: '省份', width: 10, value: (e) => excelText(e.province) },
  { header: '城市', width: 10, value: (e) => excelText(e.city) },
  { header: '企业规模', width: 10, value: (e) => (e.size ? ENTERPRISE_SIZE_LABELS[e.size].zh : '') },
  { header: '所属环节', width: 40, value: (e) => excelText(e.nodes.map((n) => `${n.chainName}/${n.name}`).join(';')) },
  { header: '链主(产业链)', width: 24, value: (e) => excelText(e.leadChains.map((c) => c.name).join(';')) },
  { header: '联系人', width: 12, value: (e) => excelText(e.contactName) },
  { header: '联系电话', width: 16, value: (e) => excelText(e.contactPhone) },
  { header: '示例数据', width: 10, value: (e) => (e.isSample ? '是' : '') },
];

export async function enterpriseWorkbook(enterprises: Enterprise[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业库', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const e of enterprises) sheet.addRow(COLUMNS.map((c) => c.value(e)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
