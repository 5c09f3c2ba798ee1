import { sql, type Kysely, type Selectable } from 'kysely';
import { TIE_BREAK_RULE, windowDays, type TieDecider } from '../../shared/livestream.js';
import type { Board, BoardRow, Flag } from '../../shared/livestream-board.js';
import { nowIso } from '../clock.js';
import type { DB, LsContestTable } from '../db/schema.js';

type Db = Kysely<DB>;
type ContestRow = Selectable<LsContestTable>;

const SUMS = [
  sql<number>`sum(paid_fen)`.as('paid'),
  sql<number>`sum(net_fen)`.as('net'),
  sql<number>`sum(orders)`.as('orders'),
  sql<number>`sum(pending)`.as('pending'),
  sql<number>`sum(pending_fen)`.as('pending_fen'),
];
type Sums = { paid: number; net: number; orders: number; pending: number; pendingFen: number };
const toSums = (r: { paid: unknown; net: unknown; orders: unknown; pending: unknown; pending_fen: unknown }): Sums => ({
  paid: Number(r.paid), net: Number(r.net), orders: Number(r.orders), pending: Number(r.pending), pendingFen: Number(r.pending_fen),
});

/**
 * Sales per contestant: a day from its hourly sums, the window from the standings. The board freezes on
 * the hour (freezeBoard), so a frozen board is exact in whole hours: the standings less the hours from
 * the freeze on, which are the last evening's few, not the whole window's.
 */
async function salesByContestant(db: Db, contestId: number, day: string | undefined, until: string | null): Promise<Map<number, Sums>> {
  const cut = until?.slice(0, 13);
  if (day) {
    let q = db.selectFrom('ls_sales').select(['contestant_id', ...SUMS]).where('contest_id', '=', contestId).where('order_day', '=', day);
    if (cut) q = q.where('hour', '<', cut);
    const rows = await q.groupBy('contestant_id').execute();
    return new Map(rows.map((r) => [Number(r.contestant_id), toSums(r)]));
  }
  const standings = await db
    .selectFrom('ls_standings')
    .select(['contestant_id', 'paid_fen as paid', 'net_fen as net', 'orders', 'pending', 'pending_fen'])
    .where('contest_id', '=', contestId)
    .execute();
  const result = new Map(standings.map((r) => [Number(r.contestant_id), toSums(r)]));
  if (!cut) return result;
  const later = await db.selectFrom('ls_sales').select(['contestant_id', ...SUMS]).where('contest_id', '=', contestId).where('hour', '>=', cut).groupBy('contestant_id').execute();
  for (const r of later) {
    const total = result.get(Number(r.contestant_id));
    if (!total) continue;
    const after = toSums(r);
    result.set(Number(r.contestant_id), { paid: total.paid - after.paid, net: total.net - after.net, orders: total.orders - after.orders, pending: total.pending - after.pending, pendingFen: total.pendingFen - after.pendingFen });
  }
  return result;
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

/** The flags kept by the last write (figures.ts), with the contestants' names and the jury's notes. */
export async function concentrationFlags(db: Db, contest: ContestRow): Promise<Flag[]> {
  const [rows, notes] = await Promise.all([
    db
      .selectFrom('ls_flags')
      .innerJoin('ls_contestants', 'ls_contestants.id', 'ls_flags.contestant_id')
      .select(['ls_flags.contestant_id', 'ls_flags.buyer_id', 'ls_flags.buyer_net_fen', 'ls_flags.contestant_net_fen', 'ls_flags.orders', 'ls_contestants.name', 'ls_contestants.account_name'])
      .where('ls_flags.contest_id', '=', contest.id)
      .execute(),
    db
      .selectFrom('ls_jury_notes')
      .leftJoin('users', 'users.id', 'ls_jury_notes.created_by')
      .select(['ls_jury_notes.id', 'contestant_id', 'buyer_id', 'decision', 'note', 'users.display_name as by', 'ls_jury_notes.created_at'])
      .where('contest_id', '=', contest.id)
      .orderBy('ls_jury_notes.id')
      .execute(),
  ]);
  const flags: Flag[] = rows.map((f) => {
    const share = (Number(f.buyer_net_fen) * 100) / Number(f.contestant_net_fen);
    return {
      contestantId: f.contestant_id,
      name: f.name,
      accountName: f.account_name,
      buyerId: f.buyer_id,
      buyerNetFen: Number(f.buyer_net_fen),
      contestantNetFen: Number(f.contestant_net_fen),
      sharePct: Math.round(share * 10) / 10,
      orders: Number(f.orders),
      notes: notes.filter((n) => n.contestant_id === f.contestant_id && n.buyer_id === f.buyer_id).map((n) => ({ id: n.id, decision: n.decision, note: n.note, by: n.by ?? null, at: n.created_at })),
    };
  });
  return flags.sort((a, b) => b.sharePct - a.sharePct || a.contestantId - b.contestantId);
}
