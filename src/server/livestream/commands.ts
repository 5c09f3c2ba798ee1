import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { addDays, formatFen, type CreateContestInput, type UpdateContestInput } from '../../shared/livestream.js';
import { recordAudit } from '../audit/record.js';
import { nowIso, todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ContestSettledError, ContestStateError, ValidationError, VersionConflictError } from '../errors.js';
import { reclassifyOrders } from './classify.js';
import { refreshFigures } from './figures.js';
import { assertCanManageContests, CONTEST_NOUN, notFoundContest } from './policy.js';

interface ContestDates {
  registration_opens_on: string;
  registration_closes_on: string;
  window_start_on: string;
  window_end_on: string;
}

/** The calendar must read in order; checked on the contest as it will be stored (a PATCH may move one date). */
function assertDates(d: ContestDates): void {
  if (d.registration_closes_on < d.registration_opens_on) {
    throw new ValidationError('registrationClosesOn', { zh: '报名截止日期不能早于报名开始日期', en: 'Registration cannot close before it opens' });
  }
  if (d.window_end_on < d.window_start_on) throw new ValidationError('windowEndOn', { zh: '比赛结束日期不能早于开始日期', en: 'The contest cannot end before it starts' });
  if (d.window_start_on < d.registration_opens_on) throw new ValidationError('windowStartOn', { zh: '比赛开始日期不能早于报名开始日期', en: 'The contest cannot start before registration opens' });
  if (d.registration_closes_on > d.window_end_on) throw new ValidationError('registrationClosesOn', { zh: '报名截止日期不能晚于比赛结束日期', en: 'Registration cannot close after the contest ends' });
  if (addDays(d.window_start_on, 60) < d.window_end_on) throw new ValidationError('windowEndOn', { zh: '比赛时段不能超过 60 天', en: 'The contest window cannot exceed 60 days' });
}

/** Loads the contest inside the write's transaction and refuses once it is settled. */
export async function assertContestOpen(trx: Transaction<DB>, contestId: number) {
  const contest = await trx.selectFrom('ls_contests').selectAll().where('id', '=', contestId).executeTakeFirst();
  if (!contest) throw notFoundContest();
  if (contest.settled_at) throw new ContestSettledError();
  return contest;
}

export async function createContest(options: { db: Kysely<DB>; user: CurrentUser; input: CreateContestInput; isSample?: boolean }): Promise<number> {
  const { db, user, input } = options;
  assertCanManageContests(user);
  const values = {
    name: input.name,
    venue: input.venue ?? '',
    registration_opens_on: input.registrationOpensOn,
    registration_closes_on: input.registrationClosesOn,
    window_start_on: input.windowStartOn,
    window_end_on: input.windowEndOn,
    refund_window_days: input.refundWindowDays ?? 7,
    concentration_pct: input.concentrationPct ?? 30,
    subsidies_count: input.subsidiesCount ? 1 : 0,
    rules_note: input.rulesNote ?? '',
  };
  assertDates(values);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('ls_contests')
      .values({ ...values, is_sample: options.isSample ? 1 : 0, created_by: user.id, created_at: now, updated_at: now, frozen_from: null, settled_at: null, settled_by: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'livestream.contest.create', entity: 'ls_contest', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateContest(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: UpdateContestInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanManageContests(user);
  await db.transaction().execute(async (trx) => {
    const before = await assertContestOpen(trx, id);
    const set = {
      name: input.name ?? before.name,
      venue: input.venue ?? before.venue,
      registration_opens_on: input.registrationOpensOn ?? before.registration_opens_on,
      registration_closes_on: input.registrationClosesOn ?? before.registration_closes_on,
      window_start_on: input.windowStartOn ?? before.window_start_on,
      window_end_on: input.windowEndOn ?? before.window_end_on,
      refund_window_days: input.refundWindowDays ?? before.refund_window_days,
      concentration_pct: input.concentrationPct ?? before.concentration_pct,
      subsidies_count: input.subsidiesCount === undefined ? before.subsidies_count : input.subsidiesCount ? 1 : 0,
      rules_note: input.rulesNote ?? before.rules_note,
    };
    assertDates(set);
    const result = await trx
      .updateTable('ls_contests')
      .set({ ...set, version: input.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new VersionConflictError(CONTEST_NOUN);
    if (set.window_start_on !== before.window_start_on || set.window_end_on !== before.window_end_on) await reclassifyOrders(trx, id);
    else if (set.concentration_pct !== before.concentration_pct) await refreshFigures(trx, id);
    await recordAudit(trx, { actor: user, action: 'livestream.contest.update', entity: 'ls_contest', entityId: id, before, after: set });
  });
}

/**
 * Freezes the public board at an order time: lines ordered from then on stay off it until settlement.
 * The jury's live board is untouched.
 */
export async function freezeBoard(options: { db: Kysely<DB>; user: CurrentUser; id: number; from: string }): Promise<void> {
  const { db, user, id } = options;
  assertCanManageContests(user);
  const from = new Date(options.from).toISOString();
  // On the hour: the boards keep hourly sums, and a freeze announced as 20:00 reads better than 20:07.
  if (!from.endsWith(':00:00.000Z')) throw new ValidationError('from', { zh: '封榜时间须为整点(如 20:00)', en: 'The freeze time must be on the hour (e.g. 20:00)' });
  await db.transaction().execute(async (trx) => {
    const contest = await assertContestOpen(trx, id);
    await trx.updateTable('ls_contests').set({ frozen_from: from, version: contest.version + 1, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'livestream.board.freeze', entity: 'ls_contest', entityId: id, before: { frozenFrom: contest.frozen_from }, after: { frozenFrom: from } });
  });
}

/** The public board opens again once the results are final, never before (they would leak the jury's board). */
export async function unfreezeBoard(options: { db: Kysely<DB>; user: CurrentUser; id: number }): Promise<void> {
  const { db, user, id } = options;
  assertCanManageContests(user);
  await db.transaction().execute(async (trx) => {
    const contest = await trx.selectFrom('ls_contests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!contest) throw notFoundContest();
    if (!contest.settled_at) {
      throw new ContestStateError({ zh: '结算后才能解除封榜', en: 'The board can be unfrozen only after settlement' }, 'board_frozen_until_settled');
    }
    await trx.updateTable('ls_contests').set({ frozen_from: null, version: contest.version + 1, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'livestream.board.unfreeze', entity: 'ls_contest', entityId: id, before: { frozenFrom: contest.frozen_from }, after: { frozenFrom: null } });
  });
}

/**
 * Makes the board final: only after the return window following the contest has passed and with no
 * refund still pending on a counted line (the published rule). From then on nothing feeding it changes.
 */
export async function settleContest(options: { db: Kysely<DB>; user: CurrentUser; id: number; today?: string }): Promise<void> {
  const { db, user, id } = options;
  assertCanManageContests(user);
  const today = options.today ?? todayInShanghai();
  await db.transaction().execute(async (trx) => {
    const contest = await assertContestOpen(trx, id);
    const due = addDays(contest.window_end_on, contest.refund_window_days + 1);
    if (today < due) {
      throw new ContestStateError(
        { zh: `退货期未满,${due} 起才能结算(比赛结束后 ${contest.refund_window_days} 日内成绩为暂定)`, en: `The return window is still open; settlement is possible from ${due}` },
        'settlement_not_due',
      );
    }
    const pending = await trx
      .selectFrom('ls_orders')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('paid_fen').as('fen')])
      .where('contest_id', '=', id)
      .where('reason', '=', 'counted')
      .where('refund_state', '=', 'pending')
      .executeTakeFirstOrThrow();
    if (Number(pending.n) > 0) {
      throw new ContestStateError(
        { zh: `还有 ${pending.n} 笔退款处理中(涉及 ${formatFen(Number(pending.fen))} 元),请导入最新订单后再结算`, en: `${pending.n} refunds are still pending; import the latest export before settling` },
        'refunds_pending',
      );
    }
    const now = nowIso();
    await trx.updateTable('ls_contests').set({ settled_at: now, settled_by: user.id, version: contest.version + 1, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'livestream.contest.settle', entity: 'ls_contest', entityId: id, after: { settledAt: now } });
  });
}
