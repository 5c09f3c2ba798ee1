import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { boardSchema } from '../../shared/livestream-board.js';
import { createDemoLivestream } from './livestream.js';

let server: TestServer;
let contestId: number;

beforeAll(async () => {
  server = await startTestServer();
  contestId = await createDemoLivestream(server.db, server.users);
});
afterAll(() => server?.close());

describe('the demo livestream contest', () => {
  it('GET …/board as the organiser → 72 sample contestants ranked on the sample export, frozen for the public at 20:00 on 05-21', async () => {
    const organiser = await server.as('saishi');
    const live = boardSchema.parse((await organiser.get(`/api/livestream/contests/${contestId}/board`)).body);
    expect(live.rows).toHaveLength(72);
    expect(live.rows.every((r) => r.name.startsWith('示例'))).toBe(true);
    expect(live.totals.netFen).toBeGreaterThan(0);
    expect(live.totals.pendingRefunds).toBeGreaterThan(0);
    expect(live.awards.map((a) => [a.name, a.winners.length])).toEqual([['销售冠军', 1], ['销售十强', 10], ['最佳新人', 1]]);
    // Only the sample whose sales rest on one bulk buyer is flagged, not ordinary spread-out sales.
    expect(live.rows.filter((r) => r.flagged).map((r) => r.name)).toEqual(['示例选手07']);
    const flags = await organiser.get(`/api/livestream/contests/${contestId}/flags`);
    expect(flags.body.items.map((f: { buyerId: string }) => f.buyerId)).toEqual(['demo_buyer_bulk']);
    const pub = boardSchema.parse((await server.anonymous().get(`/api/public/livestream/${contestId}/board`)).body);
    expect(pub.countedUntil).toBe('2023-05-21T12:00:00.000Z');
    expect(pub.totals.netFen).toBeLessThan(live.totals.netFen);
    expect(pub.rows.some((r) => r.flagged)).toBe(false);
  });

  it('GET …/contests/:id as zhubo → its own registration, 示例选手01, and the published rules', async () => {
    const zhubo = await server.as('zhubo');
    const res = await zhubo.get(`/api/livestream/contests/${contestId}`);
    expect(res.status).toBe(200);
    expect(res.body.mine).toMatchObject({ name: '示例选手01', status: 'approved' });
    expect(res.body.ambassadors.map((a: { accountName: string }) => a.accountName)).toEqual(['少庄主今天醒酒', '王洋爱新疆', '新疆鬼手']);
    expect(res.body.rules.length).toBeGreaterThan(5);
  });
});
