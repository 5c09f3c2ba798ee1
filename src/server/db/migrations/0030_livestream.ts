import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

// Issue 8 (a): the livestream sales contest (直播大赛). Money is integer fen; timestamps ISO UTC text;
// an order line's day is its calendar day in Asia/Shanghai, kept so the daily board is a plain group-by.
// Every order line an export held is kept, counted or not, with the reason, so nothing is dropped unseen.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('ls_contests'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('venue', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('platform', 'varchar(20)', (c) => c.notNull().defaultTo('douyin'))
    .addColumn('registration_opens_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('registration_closes_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('window_start_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('window_end_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('refund_window_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('concentration_pct', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('subsidies_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rules_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('frozen_from', 'varchar(30)')
    .addColumn('settled_at', 'varchar(30)')
    .addColumn('settled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ls_contests_window_idx').on('ls_contests').columns(['window_start_on', 'id']).execute();

  await withId(db, db.schema.createTable('ls_contestants'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    .addColumn('reg_no', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('account_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('phone', 'varchar(30)', (c) => c.notNull().defaultTo(''))
    .addColumn('is_newcomer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('review_note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'varchar(30)')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('ls_contestants_author_uq', ['contest_id', 'author_id'])
    .addUniqueConstraint('ls_contestants_reg_no_uq', ['contest_id', 'reg_no'])
    .execute();
  await db.schema.createIndex('ls_contestants_user_idx').on('ls_contestants').columns(['user_id', 'contest_id']).execute();

  await withId(db, db.schema.createTable('ls_products'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    .addColumn('product_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('ls_products_uq', ['contest_id', 'product_id'])
    .execute();

  await withId(db, db.schema.createTable('ls_awards'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('ls_ambassadors'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('account_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('ls_imports'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('encoding', 'varchar(10)', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('ls_orders'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    // 子订单编号 when the export has it, else the order number: one line of one order, the re-import key.
    .addColumn('line_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('order_no', 'varchar(64)', (c) => c.notNull())
    .addColumn('product_id', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('product_name', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('paid_fen', 'bigint', (c) => c.notNull())
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('refund_state', 'varchar(20)', (c) => c.notNull().defaultTo('none'))
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ordered_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('order_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('room_id', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('buyer_id', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('contestant_id', 'integer', (c) => c.references('ls_contestants.id').onDelete('set null'))
    .addColumn('reason', 'varchar(30)', (c) => c.notNull().defaultTo('unknown_author'))
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('ls_imports.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('ls_orders_line_uq', ['contest_id', 'line_key'])
    .execute();
  // The boards: a contest's counted lines by contestant (and day), amounts read from the index.
  await db.schema
    .createIndex('ls_orders_board_idx')
    .on('ls_orders')
    .columns(['contest_id', 'reason', 'contestant_id', 'order_day', 'ordered_at', 'paid_fen', 'refunded_fen', 'refund_state', 'order_no'])
    .execute();
  await db.schema.createIndex('ls_orders_author_idx').on('ls_orders').columns(['contest_id', 'author_id']).execute();
  // The order list newest first, and each of its filters with the same order, so a page stops after its rows.
  await db.schema.createIndex('ls_orders_list_idx').on('ls_orders').columns(['contest_id', 'ordered_at', 'id']).execute();
  await db.schema.createIndex('ls_orders_contestant_idx').on('ls_orders').columns(['contest_id', 'contestant_id', 'ordered_at', 'id']).execute();
  await db.schema.createIndex('ls_orders_day_idx').on('ls_orders').columns(['contest_id', 'order_day', 'ordered_at', 'id']).execute();
  await db.schema.createIndex('ls_orders_refund_idx').on('ls_orders').columns(['contest_id', 'refund_state', 'ordered_at', 'id']).execute();
  await db.schema.createIndex('ls_orders_day_paid_idx').on('ls_orders').columns(['contest_id', 'order_day', 'paid_fen', 'id']).execute();
  await db.schema.createIndex('ls_orders_reason_day_idx').on('ls_orders').columns(['contest_id', 'reason', 'order_day', 'refund_state']).execute();
  await db.schema.createIndex('ls_orders_order_no_idx').on('ls_orders').columns(['contest_id', 'order_no']).execute();
  await db.schema.createIndex('ls_orders_buyer_idx').on('ls_orders').columns(['contest_id', 'buyer_id']).execute();

  // The boards' figures, kept by the writes that change them (livestream/figures.ts): counted lines summed
  // per contestant and hour (a Shanghai day is whole hours, and the board freezes on the hour), so a
  // board reads a few thousand sums instead of every line of a large contest.
  await db.schema
    .createTable('ls_sales')
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    .addColumn('contestant_id', 'integer', (c) => c.notNull().references('ls_contestants.id').onDelete('cascade'))
    .addColumn('hour', 'varchar(13)', (c) => c.notNull())
    .addColumn('order_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('paid_fen', 'bigint', (c) => c.notNull())
    .addColumn('net_fen', 'bigint', (c) => c.notNull())
    .addColumn('orders', 'integer', (c) => c.notNull())
    .addColumn('pending', 'integer', (c) => c.notNull())
    .addColumn('pending_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ls_sales_pk', ['contest_id', 'contestant_id', 'hour'])
    .execute();
  await db.schema.createIndex('ls_sales_day_idx').on('ls_sales').columns(['contest_id', 'order_day', 'contestant_id']).execute();
  // Each contestant's totals over the window: the overall board reads one row per contestant.
  await db.schema
    .createTable('ls_standings')
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    .addColumn('contestant_id', 'integer', (c) => c.notNull().references('ls_contestants.id').onDelete('cascade'))
    .addColumn('paid_fen', 'bigint', (c) => c.notNull())
    .addColumn('net_fen', 'bigint', (c) => c.notNull())
    .addColumn('orders', 'integer', (c) => c.notNull())
    .addColumn('pending', 'integer', (c) => c.notNull())
    .addColumn('pending_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ls_standings_pk', ['contest_id', 'contestant_id'])
    .execute();
  // The frozen public board: the totals less the hours from the freeze on.
  // Not covering on purpose: covering, it drew the per-contestant sums away from the primary key.
  await db.schema.createIndex('ls_sales_hour_idx').on('ls_sales').columns(['contest_id', 'hour']).execute();
  // Buyer-concentration flags as of the last write, for the jury.
  await db.schema
    .createTable('ls_flags')
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    .addColumn('contestant_id', 'integer', (c) => c.notNull().references('ls_contestants.id').onDelete('cascade'))
    .addColumn('buyer_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('buyer_net_fen', 'bigint', (c) => c.notNull())
    .addColumn('contestant_net_fen', 'bigint', (c) => c.notNull())
    .addColumn('orders', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ls_flags_pk', ['contest_id', 'contestant_id', 'buyer_id'])
    .execute();

  await withId(db, db.schema.createTable('ls_jury_notes'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('ls_contests.id').onDelete('cascade'))
    .addColumn('contestant_id', 'integer', (c) => c.notNull().references('ls_contestants.id').onDelete('cascade'))
    .addColumn('buyer_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('decision', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ls_jury_notes_idx').on('ls_jury_notes').columns(['contest_id', 'contestant_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ls_jury_notes', 'ls_flags', 'ls_standings', 'ls_sales', 'ls_orders', 'ls_imports', 'ls_ambassadors', 'ls_awards', 'ls_products', 'ls_contestants', 'ls_contests']) {
    await db.schema.dropTable(t).execute();
  }
}
