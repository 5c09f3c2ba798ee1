import type { Selectable } from 'kysely';
import { contestPhase, type Contest, type Contestant } from '../../shared/livestream.js';
import type { Order } from '../../shared/livestream-board.js';
import type { LsContestantTable, LsContestTable, LsOrderTable } from '../db/schema.js';

export type ContestRow = Selectable<LsContestTable> & { contestants?: number | string | bigint | null; pending?: number | string | bigint | null };

/** Every field is named: a column added to a table never reaches a user by accident. */
export function presentContest(row: ContestRow, today: string): Contest {
  const base = {
    registrationOpensOn: row.registration_opens_on,
    windowStartOn: row.window_start_on,
    windowEndOn: row.window_end_on,
    refundWindowDays: row.refund_window_days,
    settledAt: row.settled_at,
  };
  return {
    id: row.id,
    name: row.name,
    venue: row.venue,
    platform: row.platform,
    registrationOpensOn: row.registration_opens_on,
    registrationClosesOn: row.registration_closes_on,
    windowStartOn: row.window_start_on,
    windowEndOn: row.window_end_on,
    refundWindowDays: row.refund_window_days,
    concentrationPct: row.concentration_pct,
    subsidiesCount: row.subsidies_count === 1,
    rulesNote: row.rules_note,
    frozenFrom: row.frozen_from,
    settledAt: row.settled_at,
    phase: contestPhase(base, today),
    contestants: Number(row.contestants ?? 0),
    pendingRegistrations: Number(row.pending ?? 0),
    isSample: row.is_sample === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function presentContestant(row: Selectable<LsContestantTable>): Contestant {
  return {
    id: row.id,
    contestId: row.contest_id,
    regNo: row.reg_no,
    name: row.name,
    accountName: row.account_name,
    authorId: row.author_id,
    phone: row.phone,
    isNewcomer: row.is_newcomer === 1,
    status: row.status,
    reviewNote: row.review_note,
    reviewedAt: row.reviewed_at,
    linkedAccount: row.user_id !== null,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
  };
}

/** Net is what the line adds to a board: nothing when cancelled, paid less a refund that went through. */
export function lineNetFen(row: Pick<Selectable<LsOrderTable>, 'paid_fen' | 'refunded_fen' | 'refund_state' | 'cancelled'>): number {
  if (row.cancelled === 1) return 0;
  return Number(row.paid_fen) - (row.refund_state === 'succeeded' ? Number(row.refunded_fen) : 0);
}

export function presentOrder(row: Selectable<LsOrderTable> & { contestant_name: string | null }): Order {
  return {
    id: row.id,
    orderNo: row.order_no,
    lineKey: row.line_key,
    productId: row.product_id,
    productName: row.product_name,
    quantity: row.quantity,
    paidFen: Number(row.paid_fen),
    refundedFen: Number(row.refunded_fen),
    netFen: lineNetFen(row),
    refundState: row.refund_state,
    cancelled: row.cancelled === 1,
    orderedAt: row.ordered_at,
    orderDay: row.order_day,
    authorId: row.author_id,
    roomId: row.room_id,
    buyerId: row.buyer_id,
    contestantId: row.contestant_id,
    contestantName: row.contestant_name,
    reason: row.reason,
    source: row.source,
  };
}
