import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../tests/support/client.js';
import { buildContest, buildContestant, buildLine, exportXlsx, importCsv } from '../../../tests/support/livestream-fixture.js';
import { daysAgo } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { upload } from '../../../tests/support/upload.js';
import { boardSchema, importReportSchema, type Board } from '../../shared/livestream-board.js';
import { contestDetailSchema } from '../../shared/livestream.js';

let server: TestServer;
let organiser: ApiClient;
let judge: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  organiser = await server.as('saishi');
  judge = await server.as('caipan');
});
afterAll(() => server?.close());

async function contestWith(n: number, overrides = {}) {
  const res = await organiser.post('/api/livestream/contests', buildContest(overrides));
  expect(res.status).toBe(201);
  const contest = contestDetailSchema.parse(res.body);
  const people = [];
  for (let i = 0; i < n; i++) {
    const c = await organiser.post(`/api/livestream/contests/${contest.id}/contestants`, buildContestant());
    expect(c.status).toBe(201);
    people.push(c.body as { id: number; authorId: string; regNo: number });
  }
  return { contest, people };
}

const board = async (client: ApiClient, id: number, query = '') => boardSchema.parse((await client.get(`/api/livestream/contests/${id}/board${query}`)).body);
const netOf = (b: Board, contestantId: number) => b.rows.find((r) => r.contestantId === contestantId)!.netFen;

describe('net sales from an order export', () => {
  it('POST …/orders/import → 200: paid − refunded, cancelled lines and lines outside the rules kept but not counted, pending refunds flagged', async () => {
    const { contest, people } = await contestWith(1);
    const a = people[0].authorId;
    const res = await importCsv(organiser, contest.id, [
      buildLine({ authorId: a, paidFen: 12_800 }),
      buildLine({ authorId: a, paidFen: 20_000, refundedFen: 5_000, refundState: '退款成功' }),
      buildLine({ authorId: a, paidFen: 9_900, refundState: '退款中' }),
      buildLine({ authorId: a, paidFen: 30_000, orderState: '已取消' }),
      buildLine({ authorId: a, paidFen: 8_800, refundState: '退款失败', refundedFen: 8_800 }),
      buildLine({ authorId: a, paidFen: 16_800, orderState: '收货后退款完成' }),
      buildLine({ authorId: a, paidFen: 50_000, roomId: '' }),
      buildLine({ authorId: a, paidFen: 70_000, orderedAt: '2023-05-16 23:59:59' }),
      buildLine({ authorId: a, paidFen: 70_000, orderedAt: '2023-05-22 00:00:00' }),
      buildLine({ authorId: 'stranger', paidFen: 99_000 }),
    ]);
    expect(res.status).toBe(200);
    const report = importReportSchema.parse(res.body);
    expect(report).toMatchObject({ status: 'written', encoding: 'utf-8', rows: 10, added: 10, counted: 5, pendingRefunds: 1 });
    expect(report.ignored).toEqual([
      { reason: 'cancelled', rows: 1 },
      { reason: 'not_live_room', rows: 1 },
      { reason: 'outside_window', rows: 2 },
      { reason: 'unknown_author', rows: 1 },
    ]);
    const b = await board(organiser, contest.id);
    // 12 800 + (20 000 − 5 000) + 9 900 (pending, still counted) + 8 800 (refund failed) + 0 (refunded in full)
    expect(b.rows[0]).toMatchObject({ netFen: 46_500, paidFen: 68_300, refundedFen: 21_800, orders: 5, pendingRefunds: 1, pendingRefundFen: 9_900 });
    expect(b.status).toBe('provisional');
    const day = await board(organiser, contest.id, '?day=2023-05-18');
    expect(day.rows[0].netFen).toBe(46_500);
    expect((await board(organiser, contest.id, '?day=2023-05-19')).rows[0].netFen).toBe(0);
  });

  it('a line not yet counted joins the board when its contestant is approved, and a product list narrows what counts', async () => {
    // Registration open today, selling next week.
    const window = { registrationOpensOn: daysAgo(1), registrationClosesOn: daysAgo(-5), windowStartOn: daysAgo(-6), windowEndOn: daysAgo(-10) };
    const { contest } = await contestWith(0, window);
    const orderedAt = `${window.windowStartOn} 20:00:00`;
    await importCsv(organiser, contest.id, [buildLine({ authorId: 'late', paidFen: 5_000, productId: 'P1', orderedAt }), buildLine({ authorId: 'late', paidFen: 7_000, productId: 'P2', orderedAt })]);
    const zhubo = await server.as('zhubo');
    const reg = await zhubo.post(`/api/livestream/contests/${contest.id}/contestants`, buildContestant({ authorId: 'late' }));
    expect(reg.status).toBe(201);
    expect(reg.body.status).toBe('pending');
    expect((await board(organiser, contest.id)).rows).toHaveLength(0);
    const ok = await organiser.post(`/api/livestream/contestants/${reg.body.id}/review`, { decision: 'approved', version: reg.body.version });
    expect(ok.status).toBe(200);
    expect((await board(organiser, contest.id)).rows[0].netFen).toBe(12_000);
    expect((await organiser.post(`/api/livestream/contests/${contest.id}/products`, { productId: 'P2', name: '天山北麓干白' })).status).toBe(201);
    expect((await board(organiser, contest.id)).rows[0].netFen).toBe(7_000);
    // The contestant reads its own registration only.
    expect((await zhubo.get(`/api/livestream/contests/${contest.id}/contestants`)).body.items).toHaveLength(1);
    expect((await zhubo.post(`/api/livestream/contests/${contest.id}/contestants`, buildContestant())).status).toBe(409);
  });
});

describe('correcting a contestant', () => {
  it('PATCH …/contestants/:id with the right author id → 200 and the lines of that account move onto the board; a taken id → 409', async () => {
    const { contest, people } = await contestWith(2);
    await importCsv(organiser, contest.id, [buildLine({ authorId: 'typo-fixed', paidFen: 4_200 })]);
    expect(netOf(await board(organiser, contest.id), people[0].id)).toBe(0);
    const mine = (await organiser.get(`/api/livestream/contests/${contest.id}/contestants`)).body.items[0];
    const res = await organiser.patch(`/api/livestream/contestants/${mine.id}`, { authorId: 'typo-fixed', version: mine.version });
    expect([res.status, res.body.authorId]).toEqual([200, 'typo-fixed']);
    expect(netOf(await board(organiser, contest.id), people[0].id)).toBe(4_200);
    const taken = await organiser.patch(`/api/livestream/contestants/${mine.id}`, { authorId: people[1].authorId, version: res.body.version });
    expect([taken.status, taken.body.error.field]).toEqual([409, 'authorId']);
  });
});

describe('re-import and file formats', () => {
  it('importing the same export again → 200 with nothing added or updated; a later export with a refund updates that line only', async () => {
    const { contest, people } = await contestWith(1);
    const lines = [buildLine({ authorId: people[0].authorId, paidFen: 10_000 }), buildLine({ authorId: people[0].authorId, paidFen: 6_000, refundState: '退款中' })];
    expect((await importCsv(organiser, contest.id, lines)).body.added).toBe(2);
    const again = importReportSchema.parse((await importCsv(organiser, contest.id, lines)).body);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(netOf(await board(organiser, contest.id), people[0].id)).toBe(16_000);
    const later = [lines[0], { ...lines[1], refundState: '退款成功', refundedFen: 6_000 }];
    expect((await importCsv(organiser, contest.id, later)).body).toMatchObject({ added: 0, updated: 1, unchanged: 1, pendingRefunds: 0 });
    expect(netOf(await board(organiser, contest.id), people[0].id)).toBe(10_000);
    const count = await server.db.selectFrom('ls_orders').select((eb) => eb.fn.countAll<number>().as('n')).where('contest_id', '=', contest.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
    const found = await organiser.get(`/api/livestream/contests/${contest.id}/orders?q=${lines[1].orderNo}`);
    expect(found.body.items.map((o: { orderNo: string; netFen: number; refundState: string }) => [o.orderNo, o.netFen, o.refundState])).toEqual([[lines[1].orderNo, 0, 'succeeded']]);
    expect((await organiser.get(`/api/livestream/contests/${contest.id}/orders?refundState=pending`)).body.total).toBe(0);
  });

  it('a GBK CSV as Chinese Excel saves it and an .xlsx export read the same as UTF-8', async () => {
    const { contest, people } = await contestWith(1);
    const gbk = importReportSchema.parse((await importCsv(organiser, contest.id, [buildLine({ authorId: people[0].authorId, productName: '昌吉州天山北麓赤霞珠干红', paidFen: 3_000 })], 'gbk')).body);
    expect(gbk).toMatchObject({ status: 'written', encoding: 'gbk', counted: 1 });
    const row = await server.db.selectFrom('ls_orders').select('product_name').where('contest_id', '=', contest.id).executeTakeFirstOrThrow();
    expect(row.product_name).toBe('昌吉州天山北麓赤霞珠干红');
    const data = await exportXlsx([buildLine({ authorId: people[0].authorId, paidFen: 4_000, orderedAt: '2023-05-21 23:59:00' })]);
    const xlsx = await upload(organiser, `/api/livestream/contests/${contest.id}/orders/import`, { name: 'orders.xlsx', data });
    expect(xlsx.body).toMatchObject({ status: 'written', encoding: 'xlsx', counted: 1 });
    expect(netOf(await board(organiser, contest.id), people[0].id)).toBe(7_000);
  });

  it('a file with bad rows → 200 rejected, naming row and column, and nothing is written', async () => {
    const { contest, people } = await contestWith(1);
    const res = await importCsv(organiser, contest.id, [
      buildLine({ authorId: people[0].authorId }),
      buildLine({ authorId: people[0].authorId, paidFen: 128.5 as number }),
      buildLine({ authorId: people[0].authorId, orderedAt: '昨天晚上' }),
      buildLine({ authorId: people[0].authorId, paidFen: 100, refundedFen: 200, refundState: '退款成功' }),
    ]);
    const report = importReportSchema.parse(res.body);
    expect(report.status).toBe('rejected');
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, '实付金额(分)'], [4, '支付完成时间'], [5, '退款金额(分)']]);
    expect(report.errors[0].message).toContain('以分计');
    const count = await server.db.selectFrom('ls_orders').select((eb) => eb.fn.countAll<number>().as('n')).where('contest_id', '=', contest.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    const missing = await upload(organiser, `/api/livestream/contests/${contest.id}/orders/import`, { name: 'x.csv', data: Buffer.from('订单编号,金额\n1,2\n'), type: 'text/csv' });
    expect(missing.body.errors[0]).toMatchObject({ row: 1, column: '实付金额(分)' });
    expect((await upload(organiser, `/api/livestream/contests/${contest.id}/orders/import`, { name: 'x.pdf', data: Buffer.from('%PDF') })).status).toBe(400);
  });
});

describe('ranking, freeze and settlement', () => {
  it('equal net sales are split by orders, then by registration number, and the board says which rule decided', async () => {
    const { contest, people } = await contestWith(4);
    const [a, b, c, d] = people;
    await importCsv(organiser, contest.id, [
      buildLine({ authorId: a.authorId, paidFen: 10_000 }),
      buildLine({ authorId: b.authorId, paidFen: 5_000 }),
      buildLine({ authorId: b.authorId, paidFen: 5_000 }),
      buildLine({ authorId: c.authorId, paidFen: 5_000 }),
      buildLine({ authorId: c.authorId, paidFen: 5_000 }),
      buildLine({ authorId: d.authorId, paidFen: 20_000 }),
    ]);
    const rows = (await board(organiser, contest.id)).rows;
    expect(rows.map((r) => [r.contestantId, r.rank, r.decidedBy])).toEqual([
      [d.id, 1, 'net'],
      [b.id, 2, 'registration'],
      [c.id, 3, 'registration'],
      [a.id, 4, 'orders'],
    ]);
  });

  it('a frozen public board stops at the freeze time while the jury sees every order; unfreezing waits for settlement', async () => {
    const { contest, people } = await contestWith(2);
    const [a, b] = people;
    await importCsv(organiser, contest.id, [
      buildLine({ authorId: a.authorId, paidFen: 30_000, orderedAt: '2023-05-21 18:00:00' }),
      buildLine({ authorId: b.authorId, paidFen: 20_000, orderedAt: '2023-05-21 17:00:00' }),
      buildLine({ authorId: b.authorId, paidFen: 50_000, orderedAt: '2023-05-21 22:30:00' }),
    ]);
    const odd = await organiser.post(`/api/livestream/contests/${contest.id}/freeze`, { from: '2023-05-21T20:07:00+08:00' });
    expect([odd.status, odd.body.error.field]).toEqual([400, 'from']);
    expect((await organiser.post(`/api/livestream/contests/${contest.id}/freeze`, { from: '2023-05-21T20:00:00+08:00' })).status).toBe(204);
    const pub = boardSchema.parse((await server.anonymous().get(`/api/public/livestream/${contest.id}/board`)).body);
    expect(pub).toMatchObject({ view: 'public', countedUntil: '2023-05-21T12:00:00.000Z' });
    expect(pub.rows.map((r) => [r.contestantId, r.netFen])).toEqual([[a.id, 30_000], [b.id, 20_000]]);
    const live = await board(judge, contest.id);
    expect(live.rows.map((r) => [r.contestantId, r.netFen])).toEqual([[b.id, 70_000], [a.id, 30_000]]);
    // A contestant sees what the public sees, whatever it asks for.
    const zhubo = await server.as('zhubo');
    expect((await board(zhubo, contest.id, '?view=live')).view).toBe('public');
    expect((await organiser.post(`/api/livestream/contests/${contest.id}/unfreeze`)).status).toBe(409);
    expect((await organiser.post(`/api/livestream/contests/${contest.id}/settle`)).status).toBe(204);
    const settled = boardSchema.parse((await server.anonymous().get(`/api/public/livestream/${contest.id}/board`)).body);
    expect([settled.status, settled.rows[0].contestantId]).toEqual(['final', a.id]);
    expect((await organiser.post(`/api/livestream/contests/${contest.id}/unfreeze`)).status).toBe(204);
    const open = boardSchema.parse((await server.anonymous().get(`/api/public/livestream/${contest.id}/board`)).body);
    expect([open.status, open.countedUntil, open.rows[0].contestantId]).toEqual(['final', null, b.id]);
    const late = await importCsv(organiser, contest.id, [buildLine({ authorId: a.authorId })]);
    expect([late.status, late.body.error.code]).toEqual([409, 'contest_settled']);
  });

  it('settling → 409 while the return window is open or a refund is pending', async () => {
    const soon = await contestWith(1, { registrationOpensOn: '2099-01-01', registrationClosesOn: '2099-01-02', windowStartOn: '2099-01-03', windowEndOn: '2099-01-05' });
    const early = await organiser.post(`/api/livestream/contests/${soon.contest.id}/settle`);
    expect([early.status, early.body.error.code]).toEqual([409, 'settlement_not_due']);
    const { contest, people } = await contestWith(1);
    await importCsv(organiser, contest.id, [buildLine({ authorId: people[0].authorId, refundState: '退款中' })]);
    const pending = await organiser.post(`/api/livestream/contests/${contest.id}/settle`);
    expect([pending.status, pending.body.error.code]).toEqual([409, 'refunds_pending']);
    expect(pending.body.error.message).toContain('1 笔退款处理中');
  });
});

describe('flags, access and set-up', () => {
  it('one buyer behind most of a contestant’s sales is flagged for the jury with its notes, never dropped', async () => {
    const { contest, people } = await contestWith(1);
    await importCsv(organiser, contest.id, [
      buildLine({ authorId: people[0].authorId, paidFen: 80_000, buyerId: 'whale' }),
      ...[1, 2, 3, 4].map((i) => buildLine({ authorId: people[0].authorId, paidFen: 5_000, buyerId: `small${i}` })),
    ]);
    // Too few orders to call anything concentrated: four lines from four buyers are not flagged.
    const few = await contestWith(1);
    await importCsv(organiser, few.contest.id, [1, 2, 3, 4].map((i) => buildLine({ authorId: few.people[0].authorId, buyerId: `b${i}` })));
    expect((await judge.get(`/api/livestream/contests/${few.contest.id}/flags`)).body.items).toEqual([]);
    const flags = await judge.get(`/api/livestream/contests/${contest.id}/flags`);
    expect(flags.body.items).toMatchObject([{ contestantId: people[0].id, buyerId: 'whale', sharePct: 80, buyerNetFen: 80_000 }]);
    expect((await board(judge, contest.id)).rows[0]).toMatchObject({ flagged: true, netFen: 100_000 });
    const note = await judge.post(`/api/livestream/contests/${contest.id}/flags/notes`, { contestantId: people[0].id, buyerId: 'whale', decision: 'cleared', note: '经核实为企业团购' });
    expect(note.status).toBe(201);
    expect((await board(judge, contest.id)).rows[0].flagged).toBe(false);
    expect((await judge.get(`/api/livestream/contests/${contest.id}/flags`)).body.items[0].notes[0]).toMatchObject({ decision: 'cleared', note: '经核实为企业团购' });
    const zhubo = await server.as('zhubo');
    expect((await zhubo.get(`/api/livestream/contests/${contest.id}/flags`)).status).toBe(403);
  });

  it('a county officer → 403; anonymous → 401 on the live board and 200 on the public one; a judge may not import', async () => {
    const { contest } = await contestWith(0);
    const mulei = await server.as('mulei');
    expect((await mulei.get('/api/livestream/contests')).status).toBe(403);
    expect((await server.anonymous().get(`/api/livestream/contests/${contest.id}/board`)).status).toBe(401);
    expect((await server.anonymous().get(`/api/public/livestream/${contest.id}/board`)).status).toBe(200);
    expect((await server.anonymous().get('/api/public/livestream/999999/board')).status).toBe(404);
    expect((await importCsv(judge, contest.id, [])).status).toBe(403);
    expect((await judge.post('/api/livestream/contests', buildContest())).status).toBe(403);
  });

  it('dates out of order → 400 naming the field; a stale version → 409; every write is audited', async () => {
    const bad = await organiser.post('/api/livestream/contests', buildContest({ windowEndOn: '2023-05-01' }));
    expect([bad.status, bad.body.error.field]).toEqual([400, 'windowEndOn']);
    const missing = await organiser.post('/api/livestream/contests', { ...buildContest(), name: '' });
    expect([missing.status, missing.body.error.field, missing.body.error.message]).toEqual([400, 'name', '请填写名称']);
    const { contest } = await contestWith(0);
    const ok = await organiser.patch(`/api/livestream/contests/${contest.id}`, { venue: '昌吉州电商直播基地二楼', version: contest.version });
    expect([ok.status, ok.body.venue]).toEqual([200, '昌吉州电商直播基地二楼']);
    expect((await organiser.patch(`/api/livestream/contests/${contest.id}`, { venue: 'x', version: contest.version })).status).toBe(409);
    const award = await organiser.post(`/api/livestream/contests/${contest.id}/awards`, { name: '销售冠军', kind: 'sales', places: 1 });
    expect(award.status).toBe(201);
    expect((await organiser.get(`/api/livestream/contests/${contest.id}`)).body.awards).toEqual([{ id: award.body.id, name: '销售冠军', kind: 'sales', places: 1 }]);
    const audit = await server.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(contest.id)).where('entity', '=', 'ls_contest').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['livestream.contest.create', 'livestream.contest.update', 'livestream.awards.add']);
  });
});
