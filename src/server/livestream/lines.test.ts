import { describe, expect, it } from 'vitest';
import { readLine, parseOrderTime } from './lines.js';
import { decodeText, parseCsv } from './order-file.js';

const columns = { orderNo: '主订单编号', paidFen: '实付金额(分)', refundedFen: '退款金额(分)', refundState: '售后状态', orderState: '订单状态', orderedAt: '支付完成时间', authorId: '达人ID', roomId: '直播间ID' };
const row = (cells: Record<string, string>) => readLine({ row: 2, cells: { orderNo: 'O1', paidFen: '12800', orderedAt: '2023-05-17 20:15:00', authorId: 'a', roomId: 'r', ...cells } }, { columns });

describe('order export lines', () => {
  it('reads Beijing wall-clock times, with or without seconds, as UTC; an impossible date is refused', () => {
    expect(parseOrderTime('2023-05-17 20:15:00')).toBe('2023-05-17T12:15:00.000Z');
    expect(parseOrderTime('2023/5/18 0:05')).toBe('2023-05-17T16:05:00.000Z');
    expect(parseOrderTime('1684325700')).toBe('2023-05-17T12:15:00.000Z');
    expect(parseOrderTime('2023-02-30 10:00:00')).toBeNull();
    expect(parseOrderTime('明天')).toBeNull();
  });

  it('a line ordered at 00:30 Beijing time belongs to that Beijing day, not the UTC one', () => {
    expect(row({ orderedAt: '2023-05-18 00:30:00' }).line?.order_day).toBe('2023-05-18');
  });

  it('refund states in the platform’s words; a refund that went through without an amount took the whole line', () => {
    expect(row({ refundState: '退款中' }).line).toMatchObject({ refund_state: 'pending', refunded_fen: 0 });
    expect(row({ refundState: '退款失败', refundedFen: '12800' }).line).toMatchObject({ refund_state: 'failed' });
    expect(row({ refundState: '退款成功' }).line).toMatchObject({ refund_state: 'succeeded', refunded_fen: 12_800 });
    expect(row({ orderState: '发货前退款完成', refundedFen: '3000' }).line).toMatchObject({ refund_state: 'succeeded', refunded_fen: 3000 });
    expect(row({ orderState: '已取消' }).line).toMatchObject({ cancelled: 1 });
  });

  it('amounts must be whole fen; a yuan amount or a refund above the payment is an error naming its column', () => {
    expect(row({ paidFen: '128.00' }).issues).toEqual([{ row: 2, column: '实付金额(分)', message: '实付金额应为以分计的非负整数,不能是“128.00”' }]);
    expect(row({ refundedFen: '20000', refundState: '退款成功' }).issues[0]).toMatchObject({ column: '退款金额(分)' });
    expect(row({ refundState: '不知道' }).issues[0]).toMatchObject({ column: '售后状态' });
  });

  it('a CSV in GBK is told from UTF-8, and quoted fields keep their commas and quotes', () => {
    const gbk = Buffer.from([0xd6, 0xf7, 0xb6, 0xa9, 0xb5, 0xa5]); // 主订单 in GBK
    expect(decodeText(gbk)).toEqual({ text: '主订单', encoding: 'gbk' });
    expect(decodeText(Buffer.from('\ufeff主订单', 'utf8'))).toEqual({ text: '主订单', encoding: 'utf-8' });
    expect(parseCsv('a,"b,""c""",d\r\n1,2,3')).toEqual([['a', 'b,"c"', 'd'], ['1', '2', '3']]);
  });
});
