import ExcelJS from 'exceljs';
import type { ImportKind, ImportRowError } from '../../shared/imports.js';
import { templateHeader } from './columns.js';
import { COLUMNS } from './jobs.js';
import { excelText } from '../http/excel.js';

const TITLES: Record<ImportKind, string> = { enterprises: '企业', supply_links: '供应关系' };


/** The sheet to fill in, one example row, and a 说明 sheet saying what each column takes. */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const columns = COLUMNS[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianzhu';
  const sheet = workbook.addWorksheet(`${TITLES[kind]}导入`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: templateHeader(c), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    // Credit codes and phone numbers stay text, so Excel keeps their leading zeros and all 18 characters.
    if (typeof c.example === 'string') sheet.getColumn(i + 1).numFmt = '@';
  });
  const example = sheet.addRow(columns.map((c) => c.example));
  example.font = { italic: true, color: { argb: 'FF888888' } };

  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '列', width: 22 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? '必填' : '选填', c.help]);
  help.addRow([]);
  help.addRow(['第 2 行为示例(灰色斜体),导入时自动跳过,可直接删除。']);
  help.addRow(['数据从第 2 行起填写在第一个工作表中;列名带 * 的为必填列,列的顺序可以调整。']);
  help.addRow(['导入前会检查全部数据行;任何一行有误时不写入任何数据,并给出逐行问题清单(可下载)。']);
  if (kind === 'enterprises') help.addRow(['按统一社会信用代码匹配:已存在的企业被更新,内容相同的保持不变;文件中没有的列不会改动已有数据。']);
  else help.addRow(['按 供应方、采购方 与 产品 匹配:已存在的供应关系被更新,内容相同的保持不变;两家企业都须已在企业库中。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The row-by-row report of a failed import. */
export async function errorsWorkbook(errors: ImportRowError[], errorCount: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianzhu';
  const sheet = workbook.addWorksheet('导入问题', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', width: 8 },
    { header: '列', width: 20 },
    { header: '值', width: 30 },
    { header: '问题', width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of errors) sheet.addRow([e.row, e.column, excelText(e.value), excelText(e.message)]);
  if (errorCount > errors.length) {
    sheet.addRow([]);
    sheet.addRow([null, null, null, `共 ${errorCount} 个问题,此处列出前 ${errors.length} 个;改正后重新导入可查看其余问题。`]).font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
