import { shanghaiDay } from '../../shared/livestream.js';
import type { ImportIssue } from '../../shared/livestream-board.js';
import type { LsOrderTable, RefundState } from '../db/schema.js';
import type { FileRow, OrderColumn, OrderFile } from './order-file.js';

/** The fields that decide whether re-reading a line changes anything. */
export const LINE_FIELDS = ['order_no', 'product_id', 'product_name', 'quantity', 'paid_fen', 'refunded_fen', 'refund_state', 'cancelled', 'ordered_at', 'author_id', 'room_id', 'buyer_id'] as const;

/** One order line as stored, before it is matched to a contestant. */
export type OrderLine = Pick<LsOrderTable, (typeof LINE_FIELDS)[number] | 'line_key' | 'order_day'>;

const MAX_FEN = 10_000_000_000;
const REFUND_WORDS: [RegExp, RefundState][] = [
  [/^(|无|-|—|暂无|无售后|none)$/i, 'none'],
  [/失败|拒绝|关闭|撤销|failed/i, 'failed'],
  [/成功|完成|已退款|succeeded/i, 'succeeded'],
  [/退款中|待|申请|处理中|售后中|pending/i, 'pending'],
];

/** Shanghai wall-clock text (2023-05-17 20:15:03, 2023/5/17 20:15), an instant with a zone, or Unix seconds. */
export function parseOrderTime(text: string): string | null {
  if (/^\d{10}$/.test(text)) return new Date(Number(text) * 1000).toISOString();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text) && /T/.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h - 8, +mi, +s);
  const check = new Date(utc + 8 * 3_600_000);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23) return null;
  return new Date(utc).toISOString();
}

function fen(text: string | undefined): number | null | 'bad' {
  if (text === undefined || text === '') return null;
  const clean = text.replace(/,/g, '');
  if (!/^\d+$/.test(clean)) return 'bad';
  const n = Number(clean);
  return n > MAX_FEN ? 'bad' : n;
}

/** A row of the export as a line, or the problems that keep it out, each naming its column. */
export function readLine(row: FileRow, file: Pick<OrderFile, 'columns'>): { line: OrderLine | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const c = row.cells;
  const col = (key: OrderColumn) => file.columns[key] ?? key;
  const issue = (key: OrderColumn, message: string) => issues.push({ row: row.row, column: col(key), message });

  const orderNo = c.orderNo ?? '';
  if (!orderNo) issue('orderNo', '订单编号不能为空');
  const paid = fen(c.paidFen);
  if (paid === null) issue('paidFen', '实付金额不能为空');
  if (paid === 'bad') issue('paidFen', `实付金额应为以分计的非负整数,不能是“${c.paidFen}”`);
  const refundedCell = fen(c.refundedFen);
  if (refundedCell === 'bad') issue('refundedFen', `退款金额应为以分计的非负整数,不能是“${c.refundedFen}”`);
  const orderedAt = c.orderedAt ? parseOrderTime(c.orderedAt) : null;
  if (!orderedAt) issue('orderedAt', c.orderedAt ? `无法识别的时间“${c.orderedAt}”,应为 2023-05-17 20:15:00(北京时间)` : '下单时间不能为空');
  let quantity = 1;
  if (c.quantity) {
    if (/^\d+$/.test(c.quantity) && Number(c.quantity) >= 1) quantity = Number(c.quantity);
    else issue('quantity', `商品数量应为正整数,不能是“${c.quantity}”`);
  }
  let refundState: RefundState = 'none';
  const refundText = c.refundState ?? '';
  const match = REFUND_WORDS.find(([re]) => re.test(refundText));
  if (match) refundState = match[1];
  else issue('refundState', `无法识别的售后状态“${refundText}”,应为 无/退款中/退款成功/退款失败`);
  const orderState = c.orderState ?? '';
  const cancelled = /取消|cancel/i.test(orderState) ? 1 : 0;
  // 发货前/发货后/收货后退款完成: the order itself says the money went back.
  if (/退款完成|退款成功/.test(orderState)) refundState = 'succeeded';
  for (const key of ['authorId', 'roomId', 'buyerId', 'productId'] as const) {
    if ((c[key] ?? '').length > 64) issue(key, '不能超过 64 个字符');
  }
  if ((c.subOrderNo ?? '').length > 64 || orderNo.length > 64) issue(c.subOrderNo ? 'subOrderNo' : 'orderNo', '订单编号不能超过 64 个字符');
  if (issues.length || typeof paid !== 'number' || !orderedAt || refundedCell === 'bad') return { line: null, issues };

  // A refund that went through with no amount given took the whole line back.
  const refunded = refundedCell ?? (refundState === 'succeeded' ? paid : 0);
  if (refunded > paid) {
    issue('refundedFen', `退款金额 ${refunded} 分大于实付金额 ${paid} 分`);
    return { line: null, issues };
  }
  return {
    issues,
    line: {
      line_key: c.subOrderNo || orderNo,
      order_no: orderNo,
      product_id: c.productId ?? '',
      product_name: (c.productName ?? '').slice(0, 200),
      quantity,
      paid_fen: paid,
      refunded_fen: refunded,
      refund_state: refundState,
      cancelled,
      ordered_at: orderedAt,
      order_day: shanghaiDay(orderedAt),
      author_id: c.authorId ?? '',
      room_id: c.roomId ?? '',
      buyer_id: c.buyerId ?? '',
    },
  };
}

export function sameLine(a: Record<string, unknown>, b: OrderLine): boolean {
  return LINE_FIELDS.every((f) => String(a[f]) === String(b[f]));
}
