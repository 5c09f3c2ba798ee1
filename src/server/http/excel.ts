import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// A cell that starts with one of these would be run as a formula by Excel or WPS.
const FORMULA_START = /^[=+\-@\t\r]/;

/** User text for a workbook cell, defused so it shows as text and never runs as a formula. */
export function excelText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Sends a workbook as a download: an ASCII file name for old clients, the Chinese one for the rest. */
export function sendWorkbook(reply: FastifyReply, buffer: Buffer, asciiName: string, name: string) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(buffer);
}
