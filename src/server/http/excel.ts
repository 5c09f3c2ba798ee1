import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// A cell that starts with one of these would be run as a formula by Excel or WPS.
const FORMULA_START = /^[=+\-@\t\r]/;

/** User text for a workbook cell, defused so it shows as text and never runs as a formula. */
export function excelText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Sends a workbook (or another file) as a download: an ASCII file name for old clients, the Chinese one for the rest. */
export function sendWorkbook(reply: FastifyReply, buffer: Buffer | Readable, asciiName: string, name: string, type = XLSX_TYPE) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(buffer);
}

export interface SheetColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
  /** Summed in the total row and shown with thousands separators. */
  money?: boolean;
}

/** One frozen-header sheet of rows, then a bold total row: `totalLabel` in the second column, money summed. */
export async function tableWorkbook<T>(sheetName: string, columns: SheetColumn<T>[], rows: T[], totalLabel: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianzhu';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  columns.forEach((c, i) => {
    if (c.money) sheet.getColumn(i + 1).numFmt = '#,##0';
  });
  const total = sheet.addRow(columns.map((c, i) => (i === 1 ? totalLabel : c.money ? rows.reduce((s, r) => s + Number(c.value(r) ?? 0), 0) : null)));
  total.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
