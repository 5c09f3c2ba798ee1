import { sql, type Kysely, type Selectable } from 'kysely';
import { FLAG_MIN_ORDERS, TIE_BREAK_RULE, windowDays, type TieDecider } from '../../shared/livestream.js';
import type { Board, BoardRow, Flag } from '../../shared/livestream-board.js';
import { nowIso } from '../clock.js';
import type { DB, LsContestTable } from '../db/schema.js';

type Db = Kysely<DB>;
type ContestRow = Selectable<LsContestTable>;

const NET = sql<number>`coalesce(sum(paid_fen - case when refund_state = 'succeeded' then refunded_fen else 0 end), 0)`;

/** Sales per contestant over the counted lines, for one day or the whole window, up to an order time when frozen. */
async function salesByContestant(db: Db, contestId: number, day: string | undefined, until: string | null) {
  let q = db
    .selectFrom('ls_orders')
    .select([
      'contestant_id',
      sql<number>`coalesce(sum(paid_fen), 0)`.as('paid'),
      NET.as('net'),
      sql<number>`count(distinct order_no)`.as('orders'),
      sql<number>`coalesce(sum(case when refund_state = 'pending' then 1 else 0 end), 0)`.as('pending'),
      sql<number>`coalesce(sum(case when refund_state = 'pending' then paid_fen else 0 end), 0)`.as('pending_fen'),
    ])
    .where('contest_id', '=', contestId)
    .where('reason', '=', 'counted');
  if (day) q = q.where('order_day', '=', day);
  if (until) q = q.where('ordered_at', '<', until);
  const rows = await q.groupBy('contestant_id').execute();
  return new Map(rows.map((r) => [Number(r.contestant_id), { paid: Number(r.paid), net: Number(r.net), orders: Number(r.orders), pending: Number(r.pending), pendingFen: Number(r.pending_fen) }]));
}

interface Ranked {
  netFen: number;
  orders: number;
  regNo: number;
}

/** The published tie-break: net sales, then orders, then registration number (which never ties). */
export function compareStanding(a: Ranked, b: Ranked): number {
  return b.netFen - a.netFen || b.orders - a.orders || a.regNo - b.regNo;
}

/** What separated a row from its neighbours: the net alone, or a tie broken by orders or registration. */
export function decidedBy(rows: Ranked[], i: number): TieDecider {
  const same = (j: number) => j >= 0 && j < rows.length && rows[j].netFen === rows[i].netFen;
  if (!same(i - 1) && !same(i + 1)) return 'net';
  const sameOrders = (j: number) => same(j) && rows[j].orders === rows[i].orders;
  return sameOrders(i - 1) || sameOrders(i + 1) ? 'registration' : 'orders';
}

/**
 * The board as one audience sees it. The jury's live view counts every line; the public view stops
 * at the freeze time while the board is frozen. Final only once the organiser has settled.
 */
export async function computeBoard(db: Db, contest: ContestRow, options: { day?: string; view: 'live' | 'public'; flagged?: Set<number> }): Promise<Board> {
  const until = options.view === 'public' ? contest.frozen_from : null;
  const [contestants, sales, awards] = await Promise.all([
    db.selectFrom('ls_contestants').select(['id', 'reg_no', 'name', 'account_name', 'is_newcomer']).where('contest_id', '=', contest.id).where('status', '=', 'approved').execute(),
    salesByContestant(db, contest.id, options.day, until),
    db.selectFrom('ls_awards').select(['id', 'name', 'kind', 'places']).where('contest_id', '=', contest.id).orderBy('id').execute(),
  ]);
  const unranked = contestants.map((c) => {
    const s = sales.get(c.id) ?? { paid: 0, net: 0, orders: 0, pending: 0, pendingFen: 0 };
    return {
      contestantId: c.id,
      regNo: c.reg_no,
      name: c.name,
      accountName: c.account_name,
      isNewcomer: c.is_newcomer === 1,
      paidFen: s.paid,
      refundedFen: s.paid - s.net,
      netFen: s.net,
      orders: s.orders,
      pendingRefunds: s.pending,
      pendingRefundFen: s.pendingFen,
      flagged: options.flagged?.has(c.id) ?? false,
    };
  });
  unranked.sort(compareStanding);
  const rows: BoardRow[] = unranked.map((r, i) => ({ ...r, rank: i + 1, decidedBy: decidedBy(unranked, i) }));
  const standings = awards.map((a) => {
    const pool = a.kind === 'newcomer' ? rows.filter((r) => r.isNewcomer) : a.kind === 'orders' ? [...rows].sort((x, y) => y.orders - x.orders || compareStanding(x, y)) : rows;
    const winners = pool.filter((r) => (a.kind === 'orders' ? r.orders : r.netFen) > 0).slice(0, a.places);
    return {
      awardId: a.id,
      name: a.name,
      places: a.places,
      winners: winners.map((w) => ({ contestantId: w.contestantId, name: w.name, accountName: w.accountName, value: a.kind === 'orders' ? w.orders : w.netFen })),
    };
  });
  return {
    contestId: contest.id,
    contestName: contest.name,
    day: options.day ?? null,
    view: options.view,
    status: contest.settled_at ? 'final' : 'provisional',
    frozenFrom: contest.frozen_from,
    countedUntil: until,
    generatedAt: nowIso(),
    totals: { netFen: rows.reduce((s, r) => s + r.netFen, 0), orders: rows.reduce((s, r) => s + r.orders, 0), pendingRefunds: rows.reduce((s, r) => s + r.pendingRefunds, 0) },
    rows,
    awards: standings,
    rule: TIE_BREAK_RULE,
    days: windowDays(contest.window_start_on, contest.window_end_on),
    isSample: contest.is_sample === 1,
  };
}

/**
 * Buyer concentration: a buyer behind at least the contest's share of a contestant's net sales. Only
 * contestants with positive net sales from FLAG_MIN_ORDERS orders or more can be flagged; lines without a buyer id cannot be attributed.
 */
export async function concentrationFlags(db: Db, contest: ContestRow): Promise<Flag[]> {
  const [byBuyer, totals, notes] = await Promise.all([
    db
      .selectFrom('ls_orders')
      .select(['contestant_id', 'buyer_id', NET.as('net'), sql<number>`count(distinct order_no)`.as('orders')])
      .where('contest_id', '=', contest.id)
      .where('reason', '=', 'counted')
      .where('buyer_id', '<>', '')
      .groupBy(['contestant_id', 'buyer_id'])
      .having(NET, '>', 0)
      .execute(),
    salesByContestant(db, contest.id, undefined, null),
    db
      .selectFrom('ls_jury_notes')
      .leftJoin('users', 'users.id', 'ls_jury_notes.created_by')
      .select(['ls_jury_notes.id', 'contestant_id', 'buyer_id', 'decision', 'note', 'users.display_name as by', 'ls_jury_notes.created_at'])
      .where('contest_id', '=', contest.id)
      .orderBy('ls_jury_notes.id')
      .execute(),
  ]);
  const contestants = new Map(
    (await db.selectFrom('ls_contestants').select(['id', 'name', 'account_name']).where('contest_id', '=', contest.id).execute()).map((c) => [c.id, c]),
  );
  const flags: Flag[] = [];
  for (const b of byBuyer) {
    const id = Number(b.contestant_id);
    const total = totals.get(id)?.net ?? 0;
    if (total <= 0 || (totals.get(id)?.orders ?? 0) < FLAG_MIN_ORDERS) continue;
    const share = (Number(b.net) * 100) / total;
    if (share < contest.concentration_pct) continue;
    const c = contestants.get(id);
    flags.push({
      contestantId: id,
      name: c?.name ?? '',
      accountName: c?.account_name ?? '',
      buyerId: b.buyer_id,
      buyerNetFen: Number(b.net),
      contestantNetFen: total,
      sharePct: Math.round(share * 10) / 10,
      orders: Number(b.orders),
      notes: notes.filter((n) => n.contestant_id === id && n.buyer_id === b.buyer_id).map((n) => ({ id: n.id, decision: n.decision, note: n.note, by: n.by ?? null, at: n.created_at })),
    });
  }
  return flags.sort((a, b) => b.sharePct - a.sharePct || a.contestantId - b.contestantId);
}
