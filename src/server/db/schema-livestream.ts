import type { Generated } from 'kysely';

// Issue 8 (a): the livestream sales contest. Money in fen, timestamps ISO UTC, days Asia/Shanghai.
export interface LsContestTable {
  id: Generated<number>;
  name: string;
  venue: Generated<string>;
  platform: Generated<string>;
  registration_opens_on: string;
  registration_closes_on: string;
  window_start_on: string;
  window_end_on: string;
  refund_window_days: Generated<number>;
  concentration_pct: Generated<number>;
  subsidies_count: Generated<number>;
  rules_note: Generated<string>;
  frozen_from: string | null;
  settled_at: string | null;
  settled_by: number | null;
  is_sample: Generated<number>;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type ContestantStatus = 'pending' | 'approved' | 'rejected';

export interface LsContestantTable {
  id: Generated<number>;
  contest_id: number;
  reg_no: number;
  name: string;
  account_name: string;
  author_id: string;
  phone: Generated<string>;
  is_newcomer: Generated<number>;
  status: ContestantStatus;
  review_note: Generated<string>;
  reviewed_by: number | null;
  reviewed_at: string | null;
  user_id: number | null;
  is_sample: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface LsProductTable {
  id: Generated<number>;
  contest_id: number;
  product_id: string;
  name: string;
  created_at: string;
}

export interface LsAwardTable {
  id: Generated<number>;
  contest_id: number;
  name: string;
  kind: 'sales' | 'newcomer' | 'orders';
  places: number;
  created_at: string;
}

export interface LsAmbassadorTable {
  id: Generated<number>;
  contest_id: number;
  name: string;
  account_name: string;
  title: Generated<string>;
  created_at: string;
}

export interface LsImportTable {
  id: Generated<number>;
  contest_id: number;
  file_name: string;
  encoding: string;
  rows_total: number;
  added: number;
  updated: number;
  unchanged: number;
  created_by: number | null;
  created_at: string;
}

export type RefundState = 'none' | 'pending' | 'succeeded' | 'failed';
export type OrderReason = 'counted' | 'cancelled' | 'not_live_room' | 'outside_window' | 'product_out_of_scope' | 'unknown_author';

export interface LsOrderTable {
  id: Generated<number>;
  contest_id: number;
  line_key: string;
  order_no: string;
  product_id: string;
  product_name: string;
  quantity: number;
  paid_fen: number;
  refunded_fen: number;
  refund_state: RefundState;
  cancelled: number;
  ordered_at: string;
  order_day: string;
  author_id: string;
  room_id: string;
  buyer_id: string;
  contestant_id: number | null;
  reason: Generated<OrderReason>;
  source: 'import' | 'manual';
  import_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface LsJuryNoteTable {
  id: Generated<number>;
  contest_id: number;
  contestant_id: number;
  buyer_id: string;
  decision: 'cleared' | 'upheld' | 'watch';
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface LsSalesTable {
  contest_id: number;
  contestant_id: number;
  /** ISO UTC up to the hour: 2023-05-21T12 */
  hour: string;
  order_day: string;
  paid_fen: number;
  net_fen: number;
  orders: number;
  pending: number;
  pending_fen: number;
}

export interface LsFlagTable {
  contest_id: number;
  contestant_id: number;
  buyer_id: string;
  buyer_net_fen: number;
  contestant_net_fen: number;
  orders: number;
}

export interface LsStandingTable {
  contest_id: number;
  contestant_id: number;
  paid_fen: number;
  net_fen: number;
  orders: number;
  pending: number;
  pending_fen: number;
}
