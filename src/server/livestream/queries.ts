import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { ContestListQuery } from '../../shared/livestream.js';
import type { OrderFilter } from '../../shared/livestream-board.js';
import type { DB } from '../db/schema.js';
import { containsSearch } from '../db/search.js';
import { contestantScope, orderScope } from './policy.js';

type Db = Kysely<DB>;

const CONTEST_SORTS = { windowStartOn: sql`ls_contests.window_start_on`, name: sql`ls_contests.name`, updatedAt: sql`ls_contests.updated_at` } as const;

/** Contests with their approved and pending contestants counted; every contest is public knowledge. */
function contestsWithCounts(db: Db) {
  return db.selectFrom('ls_contests').selectAll('ls_contests').select((eb) => [
    eb.selectFrom('ls_contestants as c').select(eb.fn.countAll().as('n')).whereRef('c.contest_id', '=', 'ls_contests.id').where('c.status', '=', 'approved').as('contestants'),
    eb.selectFrom('ls_contestants as p').select(eb.fn.countAll().as('n')).whereRef('p.contest_id', '=', 'ls_contests.id').where('p.status', '=', 'pending').as('pending'),
  ]);
}

export async function listContests(db: Db, q: ContestListQuery) {
  const where = q.q ? (containsSearch('ls_contests.name', q.q) as never) : sql<boolean>`1 = 1`;
  const direction = q.order === 'asc' ? sql`asc` : sql`desc`;
  const [rows, count] = await Promise.all([
    contestsWithCounts(db).where(where).orderBy(sql`${CONTEST_SORTS[q.sort]} ${direction}`).orderBy('ls_contests.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    db.selectFrom('ls_contests').where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findContest(db: Db, id: number) {
  return contestsWithCounts(db).where('ls_contests.id', '=', id).executeTakeFirst();
}

export function listContestants(db: Db, user: CurrentUser, contestId: number, f: { status?: string; q?: string } = {}) {
  let query = db.selectFrom('ls_contestants').selectAll().where('contest_id', '=', contestId).where(contestantScope(user));
  if (f.status) query = query.where('status', '=', f.status as never);
  if (f.q) {
    const q = f.q;
    query = query.where((eb) => eb.or(['name', 'account_name', 'author_id'].map((col) => containsSearch(`ls_contestants.${col}`, q))));
  }
  return query.orderBy('reg_no', 'asc').execute();
}

export function findVisibleContestant(db: Db, user: CurrentUser, id: number) {
  return db.selectFrom('ls_contestants').selectAll().where('id', '=', id).where(contestantScope(user)).executeTakeFirst();
}

export function contestExtras(db: Db, contestId: number) {
  return Promise.all([
    db.selectFrom('ls_products').select(['id', 'product_id', 'name']).where('contest_id', '=', contestId).orderBy('id').execute(),
    db.selectFrom('ls_awards').select(['id', 'name', 'kind', 'places']).where('contest_id', '=', contestId).orderBy('id').execute(),
    db.selectFrom('ls_ambassadors').select(['id', 'name', 'account_name', 'title']).where('contest_id', '=', contestId).orderBy('id').execute(),
  ]);
}

function orderFilter(user: CurrentUser, contestId: number, f: Partial<OrderFilter>) {
  return (eb: Parameters<ReturnType<typeof orderScope>>[0]) => {
    // A search names its lines through the indexes below (each within the contest); a contest condition
    // out here too would lead the planner to walk the whole contest in time order instead.
    const all = [orderScope(user)(eb)];
    if (!f.q) all.push(eb('ls_orders.contest_id', '=', contestId));
    if (f.contestantId) all.push(eb('ls_orders.contestant_id', '=', f.contestantId));
    if (f.reason) all.push(eb('ls_orders.reason', '=', f.reason));
    if (f.refundState) all.push(eb('ls_orders.refund_state', '=', f.refundState));
    if (f.day) all.push(eb('ls_orders.order_day', '=', f.day));
    // Each alternative through its own index: as one OR the planner also walked the whole contest.
    if (f.q) {
      const q = f.q;
      const by = (col: 'order_no' | 'buyer_id' | 'line_key') => eb.selectFrom('ls_orders as m').select('m.id').where('m.contest_id', '=', contestId).where(`m.${col}`, '=', q);
      all.push(eb('ls_orders.id', 'in', by('order_no').union(by('buyer_id')).union(by('line_key'))));
    }
    return eb.and(all);
  };
}

export function sortedOrders(db: Db, user: CurrentUser, contestId: number, f: OrderFilter) {
  const direction = f.order === 'asc' ? 'asc' : 'desc';
  return db
    .selectFrom('ls_orders')
    .leftJoin('ls_contestants', 'ls_contestants.id', 'ls_orders.contestant_id')
    .selectAll('ls_orders')
    .select('ls_contestants.name as contestant_name')
    .where(orderFilter(user, contestId, f))
    .orderBy(f.sort === 'paidFen' ? 'ls_orders.paid_fen' : 'ls_orders.ordered_at', direction)
    .orderBy('ls_orders.id', direction);
}

export async function listOrders(db: Db, user: CurrentUser, contestId: number, f: OrderFilter & { page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    sortedOrders(db, user, contestId, f).limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    db.selectFrom('ls_orders').where(orderFilter(user, contestId, f)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
