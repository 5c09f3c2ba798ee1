// An order export written the way the shop platform writes one (抖店 headers, amounts in fen, Beijing
// time): the demo's sample export, the tests' fixtures and the benchmark's data all go through it, so
// they exercise the same reader a real export does.

export interface ExportLine {
  orderNo: string;
  subOrderNo?: string;
  productId?: string;
  productName?: string;
  quantity?: number;
  paidFen: number;
  refundedFen?: number;
  refundState?: string;
  orderState?: string;
  /** Beijing wall-clock time, 2023-05-17 20:15:00 */
  orderedAt: string;
  authorId: string;
  roomId?: string;
  buyerId?: string;
}

export const EXPORT_HEADER = ['主订单编号', '子订单编号', '选购商品', '商品ID', '商品数量', '实付金额(分)', '退款金额(分)', '售后状态', '订单状态', '支付完成时间', '达人ID', '直播间ID', '买家ID'];

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportRow(l: ExportLine): (string | number)[] {
  return [
    l.orderNo,
    l.subOrderNo ?? l.orderNo,
    l.productName ?? '',
    l.productId ?? '',
    l.quantity ?? 1,
    l.paidFen,
    l.refundedFen ?? '',
    l.refundState ?? '无',
    l.orderState ?? '已完成',
    l.orderedAt,
    l.authorId,
    l.roomId ?? '',
    l.buyerId ?? '',
  ];
}

export function orderExportCsv(lines: ExportLine[]): string {
  return [EXPORT_HEADER, ...lines.map(exportRow)].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
