import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateContestantInput, ReviewContestantInput, UpdateContestantInput, createAmbassadorSchema, createAwardSchema, createProductSchema } from '../../shared/livestream.js';
import type { JuryNoteInput, ManualOrderInput } from '../../shared/livestream-board.js';
import { recordAudit } from '../audit/record.js';
import { nowIso, todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ContestStateError, ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../errors.js';
import { reclassifyOrders } from './classify.js';
import { assertContestOpen } from './commands.js';
import { lineNetFen } from './presenter.js';
import { shanghaiDay } from '../../shared/livestream.js';
import { assertCanJudge, assertCanManageContests, canManageContests, CONTESTANT_NOUN, notFoundContestant } from './policy.js';

type Db = Kysely<DB>;

function duplicateAuthor(): ConflictError {
  return new ConflictError({ zh: '该平台账号ID已在本赛事报名', en: 'This platform account is already registered for the contest' }, 'duplicate_author', 'authorId');
}

async function assertAuthorFree(trx: Transaction<DB>, contestId: number, authorId: string, exceptId?: number) {
  let q = trx.selectFrom('ls_contestants').select('id').where('contest_id', '=', contestId).where('author_id', '=', authorId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw duplicateAuthor();
}

/**
 * An organiser enters a vetted contestant (approved at once); a contestant account registers itself,
 * inside the registration period, once per contest, and waits for approval.
 */
export async function registerContestant(options: { db: Db; user: CurrentUser; contestId: number; input: CreateContestantInput; isSample?: boolean; linkUserId?: number }): Promise<number> {
  const { db, user, contestId, input } = options;
  const organiser = canManageContests(user);
  if (!organiser && user.role !== 'contestant') throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    const contest = await assertContestOpen(trx, contestId);
    const today = todayInShanghai();
    if (!organiser) {
      if (today < contest.registration_opens_on || today > contest.registration_closes_on) {
        throw new ContestStateError(
          { zh: `报名时间为 ${contest.registration_opens_on} 至 ${contest.registration_closes_on}`, en: `Registration runs from ${contest.registration_opens_on} to ${contest.registration_closes_on}` },
          'registration_closed',
        );
      }
      const mine = await trx.selectFrom('ls_contestants').select('id').where('contest_id', '=', contestId).where('user_id', '=', user.id).executeTakeFirst();
      if (mine) throw new ConflictError({ zh: '您已报名本赛事', en: 'You have already registered for this contest' }, 'already_registered');
    }
    await assertAuthorFree(trx, contestId, input.authorId);
    const last = await trx.selectFrom('ls_contestants').select((eb) => eb.fn.max('reg_no').as('n')).where('contest_id', '=', contestId).executeTakeFirst();
    const now = nowIso();
    const row = await trx
      .insertInto('ls_contestants')
      .values({
        contest_id: contestId,
        reg_no: Number(last?.n ?? 0) + 1,
        name: input.name,
        account_name: input.accountName,
        author_id: input.authorId,
        phone: input.phone ?? '',
        is_newcomer: input.isNewcomer ? 1 : 0,
        status: organiser ? 'approved' : 'pending',
        review_note: organiser ? '组委会录入' : '',
        reviewed_by: organiser ? user.id : null,
        reviewed_at: organiser ? now : null,
        user_id: organiser ? (options.linkUserId ?? null) : user.id,
        is_sample: options.isSample ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (organiser) await reclassifyOrders(trx, contestId, { authorIds: [input.authorId] });
    await recordAudit(trx, { actor: user, action: 'livestream.contestant.register', entity: 'ls_contestant', entityId: row.id, after: row });
    return row.id;
  });
}

async function loadContestant(trx: Transaction<DB>, id: number, version: number) {
  const before = await trx.selectFrom('ls_contestants').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFoundContestant();
  await assertContestOpen(trx, before.contest_id);
  if (before.version !== version) throw new VersionConflictError(CONTESTANT_NOUN);
  return before;
}

export async function updateContestant(options: { db: Db; user: CurrentUser; id: number; input: UpdateContestantInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanManageContests(user);
  await db.transaction().execute(async (trx) => {
    const before = await loadContestant(trx, id, input.version);
    if (input.authorId && input.authorId !== before.author_id) await assertAuthorFree(trx, before.contest_id, input.authorId, id);
    const set = {
      name: input.name ?? before.name,
      account_name: input.accountName ?? before.account_name,
      author_id: input.authorId ?? before.author_id,
      phone: input.phone ?? before.phone,
      is_newcomer: input.isNewcomer === undefined ? before.is_newcomer : input.isNewcomer ? 1 : 0,
    };
    await trx.updateTable('ls_contestants').set({ ...set, version: before.version + 1, updated_at: nowIso() }).where('id', '=', id).execute();
    if (set.author_id !== before.author_id) await reclassifyOrders(trx, before.contest_id, { authorIds: [before.author_id, set.author_id] });
    await recordAudit(trx, { actor: user, action: 'livestream.contestant.update', entity: 'ls_contestant', entityId: id, before, after: set });
  });
}

/** Approval puts the contestant's lines on the board (and rejection takes them off) in the same transaction. */
export async function reviewContestant(options: { db: Db; user: CurrentUser; id: number; input: ReviewContestantInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanManageContests(user);
  await db.transaction().execute(async (trx) => {
    const before = await loadContestant(trx, id, input.version);
    if (input.decision === 'rejected' && !input.note) throw new ValidationError('note', { zh: '不通过时请填写原因', en: 'Give the reason for a rejection' });
    const set = { status: input.decision, review_note: input.note ?? '', reviewed_by: user.id, reviewed_at: nowIso() };
    await trx.updateTable('ls_contestants').set({ ...set, version: before.version + 1, updated_at: set.reviewed_at }).where('id', '=', id).execute();
    await reclassifyOrders(trx, before.contest_id, { authorIds: [before.author_id] });
    await recordAudit(trx, { actor: user, action: `livestream.contestant.${input.decision}`, entity: 'ls_contestant', entityId: id, before: { status: before.status }, after: set });
  });
}

const ITEM_TABLES = { products: 'ls_products', awards: 'ls_awards', ambassadors: 'ls_ambassadors' } as const;
export type ItemKind = keyof typeof ITEM_TABLES;
type ItemInput = {
  products: z.infer<typeof createProductSchema>;
  awards: z.infer<typeof createAwardSchema>;
  ambassadors: z.infer<typeof createAmbassadorSchema>;
};

function itemValues<K extends ItemKind>(kind: K, input: ItemInput[K]) {
  if (kind === 'products') {
    const p = input as ItemInput['products'];
    return { product_id: p.productId, name: p.name };
  }
  if (kind === 'awards') {
    const a = input as ItemInput['awards'];
    return { name: a.name, kind: a.kind, places: a.places };
  }
  const a = input as ItemInput['ambassadors'];
  return { name: a.name, account_name: a.accountName, title: a.title ?? '' };
}

/** Products in scope, award categories and ambassadors: small lists a contest publishes. Products decide what counts. */
export async function addContestItem<K extends ItemKind>(options: { db: Db; user: CurrentUser; contestId: number; kind: K; input: ItemInput[K] }): Promise<number> {
  const { db, user, contestId, kind } = options;
  assertCanManageContests(user);
  return db.transaction().execute(async (trx) => {
    await assertContestOpen(trx, contestId);
    const values = itemValues(kind, options.input);
    if (kind === 'products') {
      const dup = await trx.selectFrom('ls_products').select('id').where('contest_id', '=', contestId).where('product_id', '=', (values as { product_id: string }).product_id).executeTakeFirst();
      if (dup) throw new ConflictError({ zh: '该商品ID已在参赛商品中', en: 'This product is already in scope' }, 'duplicate_product', 'productId');
    }
    const row = await trx
      .insertInto(ITEM_TABLES[kind])
      .values({ ...values, contest_id: contestId, created_at: nowIso() } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    if (kind === 'products') await reclassifyOrders(trx, contestId, { all: true });
    await recordAudit(trx, { actor: user, action: `livestream.${kind}.add`, entity: 'ls_contest', entityId: contestId, after: { id: row.id, ...values } });
    return row.id;
  });
}

export async function removeContestItem(options: { db: Db; user: CurrentUser; contestId: number; kind: ItemKind; id: number }): Promise<void> {
  const { db, user, contestId, kind, id } = options;
  assertCanManageContests(user);
  await db.transaction().execute(async (trx) => {
    await assertContestOpen(trx, contestId);
    const table = ITEM_TABLES[kind];
    const before = await trx.selectFrom(table).selectAll().where('id', '=', id).where('contest_id', '=', contestId).executeTakeFirst();
    if (!before) throw new NotFoundError();
    await trx.deleteFrom(table).where('id', '=', id).execute();
    if (kind === 'products') await reclassifyOrders(trx, contestId, { all: true });
    await recordAudit(trx, { actor: user, action: `livestream.${kind}.remove`, entity: 'ls_contest', entityId: contestId, before });
  });
}

/** An organiser keys in a line the export lacks; it is matched and counted by the same rules as imported ones. */
export async function enterOrder(options: { db: Db; user: CurrentUser; contestId: number; input: ManualOrderInput }): Promise<number> {
  const { db, user, contestId, input } = options;
  assertCanManageContests(user);
  const refunded = input.refundedFen ?? 0;
  if (refunded > input.paidFen) throw new ValidationError('refundedFen', { zh: '退款金额不能大于实付金额', en: 'The refund cannot exceed what was paid' });
  return db.transaction().execute(async (trx) => {
    await assertContestOpen(trx, contestId);
    const contestant = await trx.selectFrom('ls_contestants').selectAll().where('id', '=', input.contestantId).where('contest_id', '=', contestId).executeTakeFirst();
    if (!contestant) throw new ValidationError('contestantId', { zh: '选手不属于本赛事', en: 'No such contestant in this contest' });
    const key = `manual:${input.orderNo}`;
    if (await trx.selectFrom('ls_orders').select('id').where('contest_id', '=', contestId).where('line_key', '=', key).executeTakeFirst()) {
      throw new ConflictError({ zh: '该订单号已手工录入过', en: 'This order number was already entered' }, 'duplicate_order', 'orderNo');
    }
    const orderedAt = new Date(input.orderedAt).toISOString();
    const now = nowIso();
    const line = {
      contest_id: contestId,
      line_key: key,
      order_no: input.orderNo,
      product_id: input.productId ?? '',
      product_name: input.productName ?? '',
      quantity: input.quantity ?? 1,
      paid_fen: input.paidFen,
      refunded_fen: refunded,
      refund_state: input.refundState ?? (refunded > 0 ? 'succeeded' : 'none'),
      cancelled: input.cancelled ? 1 : 0,
      ordered_at: orderedAt,
      order_day: shanghaiDay(orderedAt),
      author_id: contestant.author_id,
      room_id: input.roomId,
      buyer_id: input.buyerId ?? '',
      source: 'manual' as const,
      import_id: null,
      contestant_id: null,
      created_at: now,
      updated_at: now,
    };
    const row = await trx.insertInto('ls_orders').values(line).returning('id').executeTakeFirstOrThrow();
    await reclassifyOrders(trx, contestId, { ids: [row.id] });
    await recordAudit(trx, { actor: user, action: 'livestream.orders.enter', entity: 'ls_contest', entityId: contestId, after: { id: row.id, ...line, netFen: lineNetFen(line) } });
    return row.id;
  });
}

/** The jury's word on a flag: kept beside it, never changing the sales by itself. */
export async function addJuryNote(options: { db: Db; user: CurrentUser; contestId: number; input: JuryNoteInput }): Promise<number> {
  const { db, user, contestId, input } = options;
  assertCanJudge(user);
  if (user.role === 'leader') throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    const contestant = await trx.selectFrom('ls_contestants').select('id').where('id', '=', input.contestantId).where('contest_id', '=', contestId).executeTakeFirst();
    if (!contestant) throw new ValidationError('contestantId', { zh: '选手不属于本赛事', en: 'No such contestant in this contest' });
    const row = await trx
      .insertInto('ls_jury_notes')
      .values({ contest_id: contestId, contestant_id: input.contestantId, buyer_id: input.buyerId, decision: input.decision, note: input.note, created_by: user.id, created_at: nowIso() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'livestream.jury.note', entity: 'ls_contest', entityId: contestId, after: row });
    return row.id;
  });
}
