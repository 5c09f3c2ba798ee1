import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { windowDays } from '../../shared/livestream.js';
import type { DB } from '../db/schema.js';
import { createContest, freezeBoard } from '../livestream/commands.js';
import { addContestItem, registerContestant } from '../livestream/contestant-commands.js';
import { orderExportCsv, type ExportLine } from '../livestream/export-file.js';
import { importOrders } from '../livestream/import.js';

// 昌吉州第二届天山北麓葡萄酒节直播大赛 as the report tells it: registration from 05-10, 70余 contestants,
// five days from 05-17 at the prefecture's livestream base, awards by sales, and the three ambassadors
// with their Douyin accounts. The report names no contestant's account or sales: every contestant,
// product, order and amount below is a sample (示例), and the orders arrive as a sample shop export
// read by the same importer an organiser uses.
export const DEMO_CONTEST_NAME = '昌吉州第二届天山北麓葡萄酒节直播大赛';
const CONTESTANTS = 72;
const PRODUCTS = [
  ['DEMO-W01', '示例:天山北麓赤霞珠干红葡萄酒 750ml'],
  ['DEMO-W02', '示例:天山北麓霞多丽干白葡萄酒 750ml'],
  ['DEMO-W03', '示例:天山北麓桃红葡萄酒 750ml'],
  ['DEMO-W04', '示例:天山北麓冰酒 375ml'],
  ['DEMO-W05', '示例:天山北麓葡萄酒礼盒(两支装)'],
] as const;
const PRICES = [12_800, 9_800, 8_800, 26_800, 39_900];

/** A small linear congruential generator: the demo is the same on every start. */
function sequence(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

export const demoAuthorId = (n: number) => `demo_author_${String(n).padStart(2, '0')}`;

/** The sample export: a few orders a day per contestant, with refunds, cancellations and showcase orders. */
export function demoOrderLines(days: string[], contestants = CONTESTANTS): ExportLine[] {
  const next = sequence(20230517);
  const lines: ExportLine[] = [];
  let serial = 0;
  for (let c = 1; c <= contestants; c++) {
    const skill = 0.6 + next() * 1.4;
    for (const day of days) {
      const orders = Math.floor(next() * 16 * skill);
      for (let i = 0; i < orders; i++) {
        serial += 1;
        const p = Math.floor(next() * PRODUCTS.length);
        const quantity = 1 + Math.floor(next() * 3);
        const paid = PRICES[p] * quantity;
        const roll = next();
        const hour = 18 + Math.floor(next() * 6);
        const minute = Math.floor(next() * 60);
        const line: ExportLine = {
          orderNo: `69${day.replace(/-/g, '')}${String(serial).padStart(6, '0')}`,
          productId: PRODUCTS[p][0],
          productName: PRODUCTS[p][1],
          quantity,
          paidFen: paid,
          orderedAt: `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`,
          authorId: demoAuthorId(c),
          roomId: `demo_room_${c}_${day.slice(8)}`,
          buyerId: `demo_buyer_${Math.floor(next() * 5000)}`,
        };
        if (roll < 0.05) Object.assign(line, { refundState: '退款成功', refundedFen: paid, orderState: '收货后退款完成' });
        else if (roll < 0.08) Object.assign(line, { refundState: '退款成功', refundedFen: Math.floor(paid / 2) });
        else if (roll < 0.1) Object.assign(line, { refundState: '退款中' });
        else if (roll < 0.12) Object.assign(line, { orderState: '已取消' });
        else if (roll < 0.14) Object.assign(line, { roomId: '' });
        lines.push(line);
      }
    }
  }
  // One sample contestant's sales rest mostly on one buyer: the jury sees the flag.
  for (let i = 0; i < 6; i++) {
    lines.push({ orderNo: `69DEMOBULK${i}`, productId: PRODUCTS[4][0], productName: PRODUCTS[4][1], quantity: 10, paidFen: PRICES[4] * 10, orderedAt: `${days[3]} 21:0${i}:00`, authorId: demoAuthorId(7), roomId: 'demo_room_7_bulk', buyerId: 'demo_buyer_bulk' });
  }
  return lines;
}

export async function createDemoLivestream(db: Kysely<DB>, users: Map<string, CurrentUser>): Promise<number> {
  const organiser = users.get('saishi') ?? users.get('admin')!;
  const id = await createContest({
    db,
    user: organiser,
    isSample: true,
    input: {
      name: DEMO_CONTEST_NAME,
      venue: '昌吉州电商直播基地',
      registrationOpensOn: '2023-05-10',
      registrationClosesOn: '2023-05-16',
      windowStartOn: '2023-05-17',
      windowEndOn: '2023-05-21',
      rulesNote: '2023(新疆·昌吉)“一带一路”国际葡萄酒大赛的一项重要活动。选手、商品、订单与金额均为示例数据。',
    },
  });
  for (const [productId, name] of PRODUCTS) await addContestItem({ db, user: organiser, contestId: id, kind: 'products', input: { productId, name } });
  for (const award of [
    { name: '销售冠军', kind: 'sales' as const, places: 1 },
    { name: '销售十强', kind: 'sales' as const, places: 10 },
    { name: '最佳新人', kind: 'newcomer' as const, places: 1 },
  ]) {
    await addContestItem({ db, user: organiser, contestId: id, kind: 'awards', input: award });
  }
  for (const a of [
    { name: '朱莉莉', accountName: '少庄主今天醒酒', title: '新疆本地知名网络红人' },
    { name: '王洋', accountName: '王洋爱新疆', title: '新疆知名本土歌手' },
    { name: '陈树彬', accountName: '新疆鬼手', title: '新疆知名吉他音乐家' },
  ]) {
    await addContestItem({ db, user: organiser, contestId: id, kind: 'ambassadors', input: { ...a, title: `天山北麓葡萄酒推广大使 · ${a.title}` } });
  }
  const zhubo = users.get('zhubo');
  for (let n = 1; n <= CONTESTANTS; n++) {
    const label = String(n).padStart(2, '0');
    await registerContestant({
      db,
      user: organiser,
      contestId: id,
      isSample: true,
      linkUserId: n === 1 ? zhubo?.id : undefined,
      input: { name: `示例选手${label}`, accountName: `示例直播间${label}`, authorId: demoAuthorId(n), isNewcomer: n % 4 === 0 },
    });
  }
  const csv = orderExportCsv(demoOrderLines(windowDays('2023-05-17', '2023-05-21')));
  await importOrders({ db, user: organiser, contestId: id, bytes: Buffer.from(csv, 'utf8'), fileName: '示例订单导出-抖店.csv' });
  // The last evening's orders stay off the public board until settlement, as the rules publish.
  await freezeBoard({ db, user: organiser, id, from: '2023-05-21T20:00:00+08:00' });
  return id;
}
