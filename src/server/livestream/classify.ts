import { sql, type Transaction } from 'kysely';
import { addDays, shanghaiDayStart } from '../../shared/livestream.js';
import type { DB } from '../db/schema.js';

/**
 * Works out again, for every line of a contest, which approved contestant it belongs to and whether it
 * counts. Lines keep their raw fields, so approving a contestant, editing the window or the product list
 * later moves lines on or off the board without a re-import. Two statements: the reason reads the
 * contestant just matched. Order of the checks = the reason a line shows (cancelled first).
 */
export async function reclassifyOrders(trx: Transaction<DB>, contestId: number): Promise<void> {
  const contest = await trx.selectFrom('ls_contests').select(['window_start_on', 'window_end_on']).where('id', '=', contestId).executeTakeFirstOrThrow();
  const from = shanghaiDayStart(contest.window_start_on);
  const until = shanghaiDayStart(addDays(contest.window_end_on, 1));
  const anyProduct = await trx.selectFrom('ls_products').select('id').where('contest_id', '=', contestId).limit(1).executeTakeFirst();
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
    .where('contest_id', '=', contestId)
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
    .where('contest_id', '=', contestId)
    .execute();
}
