import ExcelJS from 'exceljs';
import { formatTimestamp } from '../../shared/format.js';
import { ORDER_REASON_LABELS, REFUND_STATE_LABELS, TIE_DECIDER_LABELS } from '../../shared/livestream.js';
import type { Board, Order } from '../../shared/livestream-board.js';
import { excelText, tableWorkbook, type SheetColumn } from '../http/excel.js';

const yuan = (fen: number) => fen / 100;

/** The board as shown, with the rule and its state written above the table so a printout explains itself. */
export async function boardWorkbook(board: Board): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianzhu';
  const sheet = workbook.addWorksheet(board.day ? `日榜 ${board.day}` : '总榜');
  const state = board.status === 'final' ? '最终成绩(已结算)' : '暂定成绩(退款可能仍会发生)';
  sheet.addRow([excelText(board.contestName) + (board.isSample ? '(示例数据)' : '')]).font = { bold: true, size: 14 };
  sheet.addRow([`${board.day ? `日榜:${board.day}` : '总榜'} · ${state} · ${board.view === 'public' ? '公开榜' : '评审实时榜'}${board.countedUntil ? ` · 封榜:计至 ${formatTimestamp(board.countedUntil)}` : ''}`]);
  sheet.addRow([`排名规则:${board.rule.zh}`]);
  sheet.addRow([`导出时间(北京时间):${formatTimestamp(board.generatedAt)}`]);
  const header = sheet.addRow(['名次', '报名序号', '选手', '平台账号', '新人', '实付金额(元)', '已退款(元)', '净销售额(元)', '有效订单数', '退款中(笔)', '退款中金额(元)', '名次依据', '异常提示']);
  header.font = { bold: true };
  for (const r of board.rows) {
    sheet.addRow([
      r.rank, r.regNo, excelText(r.name), excelText(r.accountName), r.isNewcomer ? '是' : '', yuan(r.paidFen), yuan(r.refundedFen), yuan(r.netFen), r.orders,
      r.pendingRefunds, yuan(r.pendingRefundFen), TIE_DECIDER_LABELS[r.decidedBy].zh, r.flagged ? '买家集中,待评审' : '',
    ]);
  }
  const total = sheet.addRow(['', '', `合计(${board.rows.length} 名选手)`, '', '', yuan(board.rows.reduce((s, r) => s + r.paidFen, 0)), yuan(board.rows.reduce((s, r) => s + r.refundedFen, 0)), yuan(board.totals.netFen), board.totals.orders, board.totals.pendingRefunds]);
  total.font = { bold: true };
  [6, 7, 8, 11].forEach((c) => (sheet.getColumn(c).numFmt = '#,##0.00'));
  sheet.columns.forEach((c, i) => (c.width = [6, 9, 16, 20, 6, 14, 12, 14, 10, 10, 14, 18, 16][i] ?? 12));
  for (const a of board.awards) {
    sheet.addRow([]);
    sheet.addRow([`奖项:${excelText(a.name)}(${a.places} 名)`]).font = { bold: true };
    a.winners.forEach((w, i) => sheet.addRow([i + 1, '', excelText(w.name), excelText(w.accountName)]));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const ORDER_COLUMNS: SheetColumn<Order>[] = [
  { header: '订单编号', width: 22, value: (o) => excelText(o.orderNo) },
  { header: '订单行', width: 22, value: (o) => excelText(o.lineKey) },
  { header: '下单时间(北京时间)', width: 20, value: (o) => formatTimestamp(o.orderedAt) },
  { header: '选手', width: 14, value: (o) => excelText(o.contestantName ?? '') },
  { header: '达人ID', width: 16, value: (o) => excelText(o.authorId) },
  { header: '直播间ID', width: 16, value: (o) => excelText(o.roomId) },
  { header: '商品', width: 28, value: (o) => excelText(o.productName) },
  { header: '数量', width: 8, value: (o) => o.quantity },
  { header: '实付(元)', width: 12, value: (o) => (o.cancelled ? 0 : yuan(o.paidFen)), money: true },
  { header: '已退款(元)', width: 12, value: (o) => (o.cancelled || o.refundState !== 'succeeded' ? 0 : yuan(o.refundedFen)), money: true },
  { header: '净额(元)', width: 12, value: (o) => yuan(o.netFen), money: true },
  { header: '售后状态', width: 12, value: (o) => REFUND_STATE_LABELS[o.refundState].zh },
  { header: '已取消', width: 8, value: (o) => (o.cancelled ? '是' : '') },
  { header: '买家ID', width: 16, value: (o) => excelText(o.buyerId) },
  { header: '计分情况', width: 22, value: (o) => ORDER_REASON_LABELS[o.reason].zh },
  { header: '来源', width: 8, value: (o) => (o.source === 'manual' ? '手工录入' : '导入') },
];

export function orderWorkbook(orders: Order[]): Promise<Buffer> {
  return tableWorkbook('订单明细', ORDER_COLUMNS, orders, `合计(${orders.length} 行)`);
}
