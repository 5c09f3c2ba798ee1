import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import { addDays, shanghaiDayStart } from '../../shared/livestream.js';
import type { DB } from '../db/schema.js';
import { refreshFigures } from './figures.js';

/** Which lines a write may have moved: all of a contest's, one account's, or named lines. */
export type LineScope = { all: true } | { authorIds: string[] } | { ids: number[] };

/**
 * Works out again which approved contestant each line belongs to and whether it counts, then the
 * figures of the contestants concerned. Lines keep their raw fields, so approving a contestant or
 * editing the window or the product list later moves lines on or off the board without a re-import.
 * Two statements: the reason reads the contestant just matched. The order of the checks is the reason a
 * line shows (cancelled first).
 */
export async function reclassifyOrders(trx: Transaction<DB>, contestId: number, scope: LineScope = { all: true }): Promise<void> {
  // Many named lines go a slice at a time (bound parameters are limited), their contestants refreshed once.
  if ('ids' in scope && scope.ids.length > ID_SLICE) {
    const touched: number[] = [];
    for (let i = 0; i < scope.ids.length; i += ID_SLICE) {
      const moved = await classify(trx, contestId, { ids: scope.ids.slice(i, i + ID_SLICE) });
      if (moved !== 'all') touched.push(...moved);
    }
    return refreshFigures(trx, contestId, touched);
  }
  const touched = await classify(trx, contestId, scope);
  return touched === 'all' ? refreshFigures(trx, contestId) : refreshFigures(trx, contestId, touched);
}

const ID_SLICE = 1_000;

/** The two statements; answers the contestants whose lines moved (or 'all'). */
async function classify(trx: Transaction<DB>, contestId: number, scope: LineScope): Promise<number[] | 'all'> {
  const contest = await trx.selectFrom('ls_contests').select(['window_start_on', 'window_end_on']).where('id', '=', contestId).executeTakeFirstOrThrow();
  const from = shanghaiDayStart(contest.window_start_on);
  const until = shanghaiDayStart(addDays(contest.window_end_on, 1));
  const anyProduct = await trx.selectFrom('ls_products').select('id').where('contest_id', '=', contestId).limit(1).executeTakeFirst();
  const inScope = (eb: ExpressionBuilder<DB, 'ls_orders'>) => {
    const all = [eb('ls_orders.contest_id', '=', contestId)];
    if ('authorIds' in scope) all.push(eb('ls_orders.author_id', 'in', scope.authorIds));
    if ('ids' in scope) all.push(eb('ls_orders.id', 'in', scope.ids));
    return eb.and(all);
  };
  if (('authorIds' in scope && !scope.authorIds.length) || ('ids' in scope && !scope.ids.length)) return [];
  // Contestants whose lines leave them count as touched too.
  const before = 'all' in scope ? [] : await trx.selectFrom('ls_orders').select('contestant_id').distinct().where(inScope).execute();
  await trx
    .updateTable('ls_orders')
    .set((eb) => ({
      contestant_id: eb
        .selectFrom('ls_contestants as c')
        .select('c.id')
        .whereRef('c.contest_id', '=', 'ls_orders.contest_id')
        .whereRef('c.author_id', '=', 'ls_orders.author_id')
        .where('c.status', '=', 'approved'),
    }))
    .where(inScope)
    .execute();
  const productCheck = anyProduct
    ? sql`when not exists (select 1 from ls_products p where p.contest_id = ls_orders.contest_id and p.product_id = ls_orders.product_id) then 'product_out_of_scope'`
    : sql``;
  await trx
    .updateTable('ls_orders')
    .set({
      reason: sql`case
        when cancelled = 1 then 'cancelled'
        when room_id = '' then 'not_live_room'
        when ordered_at < ${from} or ordered_at >= ${until} then 'outside_window'
        ${productCheck}
        when contestant_id is null then 'unknown_author'
        else 'counted' end`,
    })
    .where(inScope)
    .execute();
  if ('all' in scope) return 'all';
  const after = await trx.selectFrom('ls_orders').select('contestant_id').distinct().where(inScope).execute();
  const touched = [...before, ...after].map((r) => r.contestant_id).filter((id): id is number => id !== null);
  if ('authorIds' in scope) {
    const own = await trx.selectFrom('ls_contestants').select('id').where('contest_id', '=', contestId).where('author_id', 'in', scope.authorIds).execute();
    touched.push(...own.map((c) => c.id));
  }
  return touched;
}
