import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, plainText } from './common.js';

// 直播大赛 (issue 8 a): what the server validates and the web app shows. Money is integer fen.
type Text = { zh: string; en: string };

/** One order line tops out at 1亿元 (10^10 fen); a contest's sums stay exact in a JS number. */
export const fenSchema = z.number().int().min(0).max(10_000_000_000);

export const CONTESTANT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ContestantStatus = (typeof CONTESTANT_STATUSES)[number];
export const CONTESTANT_STATUS_LABELS: Record<ContestantStatus, Text> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
};

export const REFUND_STATES = ['none', 'pending', 'succeeded', 'failed'] as const;
export type RefundState = (typeof REFUND_STATES)[number];
export const REFUND_STATE_LABELS: Record<RefundState, Text> = {
  none: { zh: '无售后', en: 'No refund' },
  pending: { zh: '退款中', en: 'Refund pending' },
  succeeded: { zh: '退款成功', en: 'Refunded' },
  failed: { zh: '退款失败', en: 'Refund failed' },
};

export const ORDER_REASONS = ['counted', 'cancelled', 'not_live_room', 'outside_window', 'product_out_of_scope', 'unknown_author'] as const;
export type OrderReason = (typeof ORDER_REASONS)[number];
export const ORDER_REASON_LABELS: Record<OrderReason, Text> = {
  counted: { zh: '计入成绩', en: 'Counted' },
  cancelled: { zh: '已取消,不计', en: 'Cancelled' },
  not_live_room: { zh: '非直播间订单,不计', en: 'Not from a live room' },
  outside_window: { zh: '不在比赛时段,不计', en: 'Outside the contest window' },
  product_out_of_scope: { zh: '非参赛商品,不计', en: 'Product not in scope' },
  unknown_author: { zh: '非已审核选手,不计', en: 'Not an approved contestant' },
};

export const AWARD_KINDS = ['sales', 'newcomer', 'orders'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_KIND_LABELS: Record<AwardKind, Text> = {
  sales: { zh: '按净销售额', en: 'By net sales' },
  newcomer: { zh: '新人选手中按净销售额', en: 'Net sales among newcomers' },
  orders: { zh: '按有效订单数', en: 'By valid orders' },
};

export const JURY_DECISIONS = ['watch', 'cleared', 'upheld'] as const;
export type JuryDecision = (typeof JURY_DECISIONS)[number];
export const JURY_DECISION_LABELS: Record<JuryDecision, Text> = {
  watch: { zh: '继续关注', en: 'Keep watching' },
  cleared: { zh: '核实无异常', en: 'Cleared' },
  upheld: { zh: '认定异常', en: 'Upheld' },
};

export const CONTEST_PHASES = ['upcoming', 'registration', 'running', 'refund_window', 'awaiting_settlement', 'settled'] as const;
export type ContestPhase = (typeof CONTEST_PHASES)[number];
export const CONTEST_PHASE_LABELS: Record<ContestPhase, Text> = {
  upcoming: { zh: '未开始报名', en: 'Not yet open' },
  registration: { zh: '报名中', en: 'Registration open' },
  running: { zh: '比赛中', en: 'Contest running' },
  refund_window: { zh: '退货期内(成绩暂定)', en: 'Return window (provisional)' },
  awaiting_settlement: { zh: '待结算', en: 'Awaiting settlement' },
  settled: { zh: '已结算(最终成绩)', en: 'Settled (final)' },
};

/** The published tie-break, in the order it is applied; the board names the rule that decided. */
export const TIE_BREAK_RULE: Text = {
  zh: '名次按净销售额(实付金额减去已退款金额)从高到低排列;净销售额相同的,有效订单数多者在前;仍相同的,报名序号小者在前。',
  en: 'Ranked by net sales (paid minus refunded), highest first; equal net sales go to the contestant with more valid orders; still equal, to the lower registration number.',
};
export const TIE_DECIDERS = ['net', 'orders', 'registration'] as const;
export type TieDecider = (typeof TIE_DECIDERS)[number];
export const TIE_DECIDER_LABELS: Record<TieDecider, Text> = {
  net: { zh: '净销售额', en: 'Net sales' },
  orders: { zh: '同额,按订单数', en: 'Tie: more orders' },
  registration: { zh: '同额同单,按报名序号', en: 'Tie: registration number' },
};

/** Below this many valid orders one buyer is necessarily a large share; such contestants are not flagged. */
export const FLAG_MIN_ORDERS = 5;

/** The counting rules every contest publishes beside its board, with its own numbers filled in. */
export function publishedRules(c: { refundWindowDays: number; subsidiesCount: boolean; concentrationPct: number }): Text[] {
  return [
    { zh: '只计入选手本人直播间(订单带直播间ID、达人ID为选手报名账号)在比赛时段(北京时间)内支付的参赛商品订单。', en: 'Only orders paid in the contestant’s own live room (room id set, author id the registered account) inside the window (Beijing time), for products in scope, count.' },
    { zh: '净销售额 = 实付金额 − 已退款金额(部分退款按实退金额扣减);已取消订单不计;退款中的订单先计入并标注,退款成功后扣除。', en: 'Net sales = paid − refunded (partial refunds deduct what was refunded); cancelled orders count for nothing; pending refunds count for now and are flagged.' },
    { zh: `消费者可在收货后 7 日内无理由退货,比赛结束后 ${c.refundWindowDays} 日内的榜单均为暂定成绩,组委会在退货期满且无待处理退款后结算,公布最终成绩。`, en: `Buyers may return goods without reason within 7 days of receipt: boards stay provisional for ${c.refundWindowDays} days after the window; the organiser settles once that has passed and no refund is pending.` },
    { zh: c.subsidiesCount ? '平台补贴计入实付金额。' : '平台补贴不计入成绩,以买家实付金额为准。', en: c.subsidiesCount ? 'Platform subsidies count as paid.' : 'Platform subsidies do not count; only what the buyer paid does.' },
    { zh: `有效订单达 ${FLAG_MIN_ORDERS} 笔以上的选手,单一买家贡献其净销售额 ${c.concentrationPct}% 及以上的,提示评审团核查,不自动剔除。`, en: `For contestants with ${FLAG_MIN_ORDERS} or more valid orders, one buyer behind ${c.concentrationPct}% or more of the net sales is flagged for the jury, never dropped silently.` },
    { zh: '比赛最后阶段公开榜单可封榜(按下单时间截止),评审团始终看到实时榜单;结算后解除封榜。', en: 'The public board may be frozen for the final hours (by order time); the jury always sees the live board; it is unfrozen after settlement.' },
    TIE_BREAK_RULE,
  ];
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar day (Asia/Shanghai, no daylight saving) of a UTC instant. */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day starts, as ISO UTC. */
export function shanghaiDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day of the window, first to last. */
export function windowDays(start: string, end: string): string[] {
  const days: string[] = [];
  for (let d = start; d <= end && days.length < 366; d = addDays(d, 1)) days.push(d);
  return days;
}

export function contestPhase(c: { registrationOpensOn: string; windowStartOn: string; windowEndOn: string; refundWindowDays: number; settledAt: string | null }, today: string): ContestPhase {
  if (c.settledAt) return 'settled';
  if (today < c.registrationOpensOn) return 'upcoming';
  if (today < c.windowStartOn) return 'registration';
  if (today <= c.windowEndOn) return 'running';
  if (today <= addDays(c.windowEndOn, c.refundWindowDays)) return 'refund_window';
  return 'awaiting_settlement';
}

/** 1234567 fen → "12,345.67" yuan, for tables; the big board shows 万元. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

const contestFields = {
  name: plainText(200).min(1),
  venue: plainText(200).optional(),
  registrationOpensOn: dateSchema,
  registrationClosesOn: dateSchema,
  windowStartOn: dateSchema,
  windowEndOn: dateSchema,
  refundWindowDays: z.number().int().min(0).max(30).optional(),
  concentrationPct: z.number().int().min(1).max(100).optional(),
  subsidiesCount: z.boolean().optional(),
  rulesNote: plainText(5000).optional(),
};
export const createContestSchema = z.object(contestFields).strict();
export type CreateContestInput = z.infer<typeof createContestSchema>;
export const updateContestSchema = z.object(contestFields).partial().extend({ version: z.number().int().min(1) }).strict();
export type UpdateContestInput = z.infer<typeof updateContestSchema>;

export const contestSchema = z.object({
  id: z.number(),
  name: z.string(),
  venue: z.string(),
  platform: z.string(),
  registrationOpensOn: z.string(),
  registrationClosesOn: z.string(),
  windowStartOn: z.string(),
  windowEndOn: z.string(),
  refundWindowDays: z.number(),
  concentrationPct: z.number(),
  subsidiesCount: z.boolean(),
  rulesNote: z.string(),
  frozenFrom: z.string().nullable(),
  settledAt: z.string().nullable(),
  phase: z.enum(CONTEST_PHASES),
  contestants: z.number(),
  pendingRegistrations: z.number(),
  isSample: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Contest = z.infer<typeof contestSchema>;
export const contestPageSchema = pageOf(contestSchema);
export const contestListQuerySchema = pageQuerySchema.extend({
  q: plainText(100).optional(),
  sort: z.enum(['windowStartOn', 'name', 'updatedAt']).default('windowStartOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ContestListQuery = z.infer<typeof contestListQuerySchema>;

const contestantFields = {
  name: plainText(100).min(1),
  accountName: plainText(100).min(1),
  authorId: plainText(64).min(1).regex(/^[A-Za-z0-9_.-]+$/),
  phone: plainText(30).optional(),
  isNewcomer: z.boolean().optional(),
};
export const createContestantSchema = z.object(contestantFields).strict();
export type CreateContestantInput = z.infer<typeof createContestantSchema>;
export const updateContestantSchema = z.object(contestantFields).partial().extend({ version: z.number().int().min(1) }).strict();
export type UpdateContestantInput = z.infer<typeof updateContestantSchema>;
export const reviewContestantSchema = z.object({ decision: z.enum(['approved', 'rejected']), note: plainText(500).optional(), version: z.number().int().min(1) }).strict();
export type ReviewContestantInput = z.infer<typeof reviewContestantSchema>;
export const contestantSchema = z.object({
  id: z.number(),
  contestId: z.number(),
  regNo: z.number(),
  name: z.string(),
  accountName: z.string(),
  authorId: z.string(),
  phone: z.string(),
  isNewcomer: z.boolean(),
  status: z.enum(CONTESTANT_STATUSES),
  reviewNote: z.string(),
  reviewedAt: z.string().nullable(),
  linkedAccount: z.boolean(),
  isSample: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type Contestant = z.infer<typeof contestantSchema>;
export const contestantListSchema = z.object({ items: z.array(contestantSchema) });
export const contestantQuerySchema = z.object({ status: z.enum(CONTESTANT_STATUSES).optional(), q: plainText(100).optional() });

export const createProductSchema = z.object({ productId: plainText(64).min(1), name: plainText(200).min(1) }).strict();
export const productSchema = z.object({ id: z.number(), productId: z.string(), name: z.string() });
export const createAwardSchema = z.object({ name: plainText(100).min(1), kind: z.enum(AWARD_KINDS), places: z.number().int().min(1).max(50) }).strict();
export const awardSchema = z.object({ id: z.number(), name: z.string(), kind: z.enum(AWARD_KINDS), places: z.number() });
export const createAmbassadorSchema = z.object({ name: plainText(100).min(1), accountName: plainText(100).min(1), title: plainText(200).optional() }).strict();
export const ambassadorSchema = z.object({ id: z.number(), name: z.string(), accountName: z.string(), title: z.string() });
export type Product = z.infer<typeof productSchema>;
export type Award = z.infer<typeof awardSchema>;
export type Ambassador = z.infer<typeof ambassadorSchema>;

export const contestDetailSchema = contestSchema.extend({
  rules: z.array(z.object({ zh: z.string(), en: z.string() })),
  days: z.array(z.string()),
  products: z.array(productSchema),
  awards: z.array(awardSchema),
  ambassadors: z.array(ambassadorSchema),
  canManage: z.boolean(),
  canJudge: z.boolean(),
  mine: contestantSchema.nullable(),
});
export type ContestDetail = z.infer<typeof contestDetailSchema>;

/** Field names as organisers read them in the server's validation messages. */
export const LIVESTREAM_FIELD_LABELS: Record<string, Text> = {
  name: { zh: '名称', en: 'Name' },
  venue: { zh: '比赛地点', en: 'Venue' },
  registrationOpensOn: { zh: '报名开始日期', en: 'Registration opens' },
  registrationClosesOn: { zh: '报名截止日期', en: 'Registration closes' },
  windowStartOn: { zh: '比赛开始日期', en: 'Contest starts' },
  windowEndOn: { zh: '比赛结束日期', en: 'Contest ends' },
  refundWindowDays: { zh: '退货观察期(天)', en: 'Return window (days)' },
  concentrationPct: { zh: '买家集中提示阈值(%)', en: 'Buyer concentration threshold (%)' },
  rulesNote: { zh: '补充规则', en: 'Additional rules' },
  accountName: { zh: '平台账号', en: 'Platform account' },
  authorId: { zh: '达人ID', en: 'Author id' },
  phone: { zh: '联系电话', en: 'Phone' },
  productId: { zh: '商品ID', en: 'Product id' },
  places: { zh: '获奖名额', en: 'Places' },
  kind: { zh: '评奖方式', en: 'Award basis' },
  title: { zh: '身份', en: 'Title' },
  contestantId: { zh: '选手', en: 'Contestant' },
  orderNo: { zh: '订单编号', en: 'Order number' },
  paidFen: { zh: '实付金额(分)', en: 'Paid (fen)' },
  refundedFen: { zh: '退款金额(分)', en: 'Refunded (fen)' },
  orderedAt: { zh: '下单时间', en: 'Order time' },
  roomId: { zh: '直播间ID', en: 'Live room id' },
  buyerId: { zh: '买家ID', en: 'Buyer id' },
  from: { zh: '封榜时间', en: 'Freeze time' },
  note: { zh: '说明', en: 'Note' },
  decision: { zh: '评审意见', en: 'Decision' },
};
