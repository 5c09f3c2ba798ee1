import ExcelJS from 'exceljs';
import { EXPORT_HEADER, exportRow, orderExportCsv, type ExportLine } from '../../src/server/livestream/export-file.js';
import type { CreateContestantInput, CreateContestInput } from '../../src/shared/livestream.js';
import type { ApiClient, Response } from './client.js';
import { upload } from './upload.js';

let serial = 0;

export function buildContest(overrides: Partial<CreateContestInput> = {}): CreateContestInput {
  serial += 1;
  return {
    name: `测试直播大赛${serial}`,
    venue: '昌吉州电商直播基地',
    registrationOpensOn: '2023-05-10',
    registrationClosesOn: '2023-05-16',
    windowStartOn: '2023-05-17',
    windowEndOn: '2023-05-21',
    ...overrides,
  };
}

export function buildContestant(overrides: Partial<CreateContestantInput> = {}): CreateContestantInput {
  serial += 1;
  return { name: `测试选手${serial}`, accountName: `测试账号${serial}`, authorId: `author${serial}`, ...overrides };
}

export function buildLine(overrides: Partial<ExportLine> & Pick<ExportLine, 'authorId'>): ExportLine {
  serial += 1;
  return { orderNo: `O${serial}`, productId: 'P1', productName: '天山北麓干红', paidFen: 10_000, orderedAt: '2023-05-18 20:00:00', roomId: 'R1', buyerId: `B${serial}`, ...overrides };
}

let gbkTable: Map<string, number[]> | null = null;

/** Node decodes GBK but does not encode it: the table is read back from the decoder, as Chinese Excel would write. */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

export async function exportXlsx(lines: ExportLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('订单');
  sheet.addRow(EXPORT_HEADER);
  for (const l of lines) sheet.addRow(exportRow(l));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function importCsv(client: ApiClient, contestId: number, lines: ExportLine[], encoding: 'utf-8' | 'gbk' = 'utf-8'): Promise<Response> {
  const text = orderExportCsv(lines);
  const data = encoding === 'gbk' ? encodeGbk(text) : Buffer.from(text, 'utf8');
  return upload(client, `/api/livestream/contests/${contestId}/orders/import`, { name: '订单导出.csv', data, type: 'text/csv' });
}
