import { PostgresAdapter, sql, type Transaction } from 'kysely';
import { FLAG_MIN_ORDERS } from '../../shared/livestream.js';
import type { DB } from '../db/schema.js';

export const NET_SQL = sql<number>`coalesce(sum(paid_fen - case when refund_state = 'succeeded' then refunded_fen else 0 end), 0)`;
const SLICE = 500;

/**
 * Re-derives the boards' hourly sums, each contestant's totals and the buyer-concentration flags from the counted lines, for the
 * whole contest or the contestants a write touched. Called in the same transaction as that write, so a
 * board never shows sums its lines disagree with.
 */
export async function refreshFigures(trx: Transaction<DB>, contestId: number, contestantIds?: number[]): Promise<void> {
  const ids = contestantIds ? [...new Set(contestantIds)] : undefined;
  if (ids && ids.length === 0) return;
  // Two writes re-deriving the same sums would each delete, then both insert: on PostgreSQL the second
  // insert then breaks the key. One contest's figures are re-derived one write at a time (SQLite has one
  // writer anyway). NO KEY UPDATE, not UPDATE: the lines a write just inserted hold KEY SHARE on the
  // contest (their foreign key), which UPDATE would wait on, each write for the other's.
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await trx.selectFrom('ls_contests').select('id').where('id', '=', contestId).forNoKeyUpdate().execute();
  for (const part of ids ? slices(ids) : [undefined]) {
    let clearSales = trx.deleteFrom('ls_sales').where('contest_id', '=', contestId);
    let clearFlags = trx.deleteFrom('ls_flags').where('contest_id', '=', contestId);
    if (part) {
      clearSales = clearSales.where('contestant_id', 'in', part);
      clearFlags = clearFlags.where('contestant_id', 'in', part);
    }
    await clearSales.execute();
    await clearFlags.execute();
    const hour = sql<string>`substr(ordered_at, 1, 13)`;
    let lines = trx
      .selectFrom('ls_orders')
      .select([
        'contest_id',
        'contestant_id',
        hour.as('hour'),
        'order_day',
        sql<number>`coalesce(sum(paid_fen), 0)`.as('paid_fen'),
        NET_SQL.as('net_fen'),
        sql<number>`count(distinct order_no)`.as('orders'),
        sql<number>`coalesce(sum(case when refund_state = 'pending' then 1 else 0 end), 0)`.as('pending'),
        sql<number>`coalesce(sum(case when refund_state = 'pending' then paid_fen else 0 end), 0)`.as('pending_fen'),
      ])
      .where('contest_id', '=', contestId)
      .where('reason', '=', 'counted')
      .groupBy(['contest_id', 'contestant_id', hour, 'order_day']);
    if (part) lines = lines.where('contestant_id', 'in', part);
    await trx
      .insertInto('ls_sales')
      .columns(['contest_id', 'contestant_id', 'hour', 'order_day', 'paid_fen', 'net_fen', 'orders', 'pending', 'pending_fen'])
      .expression(lines as never)
      .execute();
    let clearStandings = trx.deleteFrom('ls_standings').where('contest_id', '=', contestId);
    if (part) clearStandings = clearStandings.where('contestant_id', 'in', part);
    await clearStandings.execute();
    let totals = trx
      .selectFrom('ls_sales')
      .select(['contest_id', 'contestant_id', sql<number>`sum(paid_fen)`.as('paid_fen'), sql<number>`sum(net_fen)`.as('net_fen'), sql<number>`sum(orders)`.as('orders'), sql<number>`sum(pending)`.as('pending'), sql<number>`sum(pending_fen)`.as('pending_fen')])
      .where('contest_id', '=', contestId)
      .groupBy(['contest_id', 'contestant_id']);
    if (part) totals = totals.where('contestant_id', 'in', part);
    await trx.insertInto('ls_standings').columns(['contest_id', 'contestant_id', 'paid_fen', 'net_fen', 'orders', 'pending', 'pending_fen']).expression(totals as never).execute();
    await refreshFlags(trx, contestId, part);
  }
}

function slices<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

/**
 * A buyer behind at least the contest's share of a contestant's net sales, for contestants with
 * FLAG_MIN_ORDERS valid orders or more (below that one buyer is a large share by arithmetic alone).
 * Lines without a buyer id cannot be attributed and are never flagged.
 */
async function refreshFlags(trx: Transaction<DB>, contestId: number, contestantIds?: number[]): Promise<void> {
  const contest = await trx.selectFrom('ls_contests').select('concentration_pct').where('id', '=', contestId).executeTakeFirstOrThrow();
  let totalsQuery = trx
    .selectFrom('ls_sales')
    .select(['contestant_id', sql<number>`sum(net_fen)`.as('net'), sql<number>`sum(orders)`.as('orders')])
    .where('contest_id', '=', contestId)
    .groupBy('contestant_id')
    .having(sql`sum(orders)`, '>=', FLAG_MIN_ORDERS)
    .having(sql`sum(net_fen)`, '>', 0);
  if (contestantIds) totalsQuery = totalsQuery.where('contestant_id', 'in', contestantIds);
  const totals = new Map((await totalsQuery.execute()).map((t) => [Number(t.contestant_id), Number(t.net)]));
  if (totals.size === 0) return;
  const flags: { contest_id: number; contestant_id: number; buyer_id: string; buyer_net_fen: number; contestant_net_fen: number; orders: number }[] = [];
  // Grouped by an expression, not the column: grouping by buyer_id lets the planner pick the buyer index
  // for its order and walk the whole contest; this way it takes the board index to the contestants.
  const buyer = sql<string>`buyer_id || ''`;
  for (const part of slices([...totals.keys()])) {
    const byBuyer = await trx
      .selectFrom('ls_orders')
      .select(['contestant_id', buyer.as('buyer_id'), NET_SQL.as('net'), sql<number>`count(distinct order_no)`.as('orders')])
      .where('contest_id', '=', contestId)
      .where('reason', '=', 'counted')
      .where('contestant_id', 'in', part)
      .groupBy(['contestant_id', buyer])
      .having(NET_SQL, '>', 0)
      .execute();
    // Filtered here, not in SQL, for the same reason.
    for (const b of byBuyer) {
      if (b.buyer_id === '') continue;
      const total = totals.get(Number(b.contestant_id))!;
      if (Number(b.net) * 100 < contest.concentration_pct * total) continue;
      flags.push({ contest_id: contestId, contestant_id: Number(b.contestant_id), buyer_id: b.buyer_id, buyer_net_fen: Number(b.net), contestant_net_fen: total, orders: Number(b.orders) });
    }
  }
  for (const part of slices(flags)) await trx.insertInto('ls_flags').values(part).execute();
}
