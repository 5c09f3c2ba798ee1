import ExcelJS from 'exceljs';

// Reading a shop's order export (抖店 style) into plain text cells keyed by our column names. Exports
// come as .xlsx or as .csv; a CSV saved by Chinese Excel or WPS is GBK, one from the platform UTF-8
// (often with a BOM). Column headers differ between exports, hence the aliases.

export const ORDER_COLUMNS = {
  orderNo: ['主订单编号', '订单编号', '订单号', 'order_id', 'order_no'],
  subOrderNo: ['子订单编号', '子订单号', 'sub_order_id'],
  productId: ['商品ID', '商品id', 'product_id'],
  productName: ['选购商品', '商品名称', 'product_name'],
  quantity: ['商品数量', '数量', 'item_num', 'quantity'],
  paidFen: ['实付金额(分)', '实付金额(分)', '支付金额(分)', '支付金额(分)', 'pay_amount', 'paid_fen'],
  refundedFen: ['退款金额(分)', '退款金额(分)', 'refund_amount', 'refunded_fen'],
  refundState: ['售后状态', '退款状态', 'refund_status'],
  orderState: ['订单状态', 'order_status'],
  orderedAt: ['支付完成时间', '订单提交时间', '下单时间', 'pay_time', 'create_time'],
  authorId: ['达人ID', '达人id', '作者ID', 'author_id'],
  roomId: ['直播间ID', '直播间id', 'room_id'],
  buyerId: ['买家ID', '用户ID', 'buyer_id'],
} as const;
export type OrderColumn = keyof typeof ORDER_COLUMNS;
export const REQUIRED_COLUMNS: OrderColumn[] = ['orderNo', 'paidFen', 'orderedAt', 'authorId', 'roomId'];

export interface FileRow {
  row: number;
  cells: Partial<Record<OrderColumn, string>>;
}
export interface OrderFile {
  encoding: 'xlsx' | 'utf-8' | 'gbk';
  columns: Partial<Record<OrderColumn, string>>;
  missing: OrderColumn[];
  rows: FileRow[];
}

const normalise = (h: string) => h.replace(/\s+/g, '').replace(/\uff08/g, '(').replace(/\uff09/g, ')').toLowerCase();
const ALIASES = new Map<string, OrderColumn>(
  (Object.entries(ORDER_COLUMNS) as [OrderColumn, readonly string[]][]).flatMap(([key, names]) => names.map((n) => [normalise(n), key] as [string, OrderColumn])),
);

/** UTF-8 when the bytes are valid UTF-8 (a BOM settles it), else GBK: what Excel in Chinese Windows writes. */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** RFC 4180 with the habits of real exports: quoted fields, doubled quotes, CRLF, a `\t` guard Excel adds before long numbers. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel dates carry no zone: exceljs hands the wall-clock time over as UTC fields, read back as written.
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  if (!sheet) return rows;
  sheet.eachRow({ includeEmpty: true }, (r, n) => {
    const values = Array.isArray(r.values) ? r.values.slice(1) : [];
    rows[n - 1] = values.map((v) => cellText(v as ExcelJS.CellValue));
  });
  return Array.from(rows, (r) => r ?? []);
}

export function isXlsx(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

/** The file's header mapped onto our columns, then every non-blank row as trimmed text (row numbers as the user sees them). */
export async function readOrderFile(bytes: Buffer): Promise<OrderFile> {
  let encoding: OrderFile['encoding'];
  let table: string[][];
  if (isXlsx(bytes)) {
    encoding = 'xlsx';
    table = await xlsxRows(bytes);
  } else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    table = parseCsv(decoded.text);
  }
  const header = table[0] ?? [];
  const index = new Map<OrderColumn, number>();
  const columns: Partial<Record<OrderColumn, string>> = {};
  header.forEach((h, i) => {
    const key = ALIASES.get(normalise(h.replace(/^\t/, '')));
    if (key && !index.has(key)) {
      index.set(key, i);
      columns[key] = h.trim();
    }
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  const rows: FileRow[] = [];
  for (let r = 1; r < table.length; r++) {
    const raw = table[r];
    if (!raw || raw.every((v) => v.trim() === '')) continue;
    const cells: Partial<Record<OrderColumn, string>> = {};
    for (const [key, i] of index) cells[key] = (raw[i] ?? '').replace(/^\t/, '').trim();
    rows.push({ row: r + 1, cells });
  }
  return { encoding, columns, missing, rows };
}
