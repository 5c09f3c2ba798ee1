import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, plainText } from './common.js';
import { fenSchema, JURY_DECISIONS, ORDER_REASONS, REFUND_STATES, TIE_DECIDERS } from './livestream.js';

// 直播大赛: order lines, their import report, the boards and the jury's flags.

export const manualOrderSchema = z
  .object({
    contestantId: idSchema,
    orderNo: plainText(64).min(1).regex(/^[A-Za-z0-9_-]+$/),
    productId: plainText(64).optional(),
    productName: plainText(200).optional(),
    quantity: z.number().int().min(1).max(100_000).optional(),
    paidFen: fenSchema,
    refundedFen: fenSchema.optional(),
    refundState: z.enum(REFUND_STATES).optional(),
    cancelled: z.boolean().optional(),
    orderedAt: z.iso.datetime({ offset: true }),
    roomId: plainText(64).min(1),
    buyerId: plainText(64).optional(),
  })
  .strict();
export type ManualOrderInput = z.infer<typeof manualOrderSchema>;

export const orderSchema = z.object({
  id: z.number(),
  orderNo: z.string(),
  lineKey: z.string(),
  productId: z.string(),
  productName: z.string(),
  quantity: z.number(),
  paidFen: z.number(),
  refundedFen: z.number(),
  netFen: z.number(),
  refundState: z.enum(REFUND_STATES),
  cancelled: z.boolean(),
  orderedAt: z.string(),
  orderDay: z.string(),
  authorId: z.string(),
  roomId: z.string(),
  buyerId: z.string(),
  contestantId: z.number().nullable(),
  contestantName: z.string().nullable(),
  reason: z.enum(ORDER_REASONS),
  source: z.enum(['import', 'manual']),
});
export type Order = z.infer<typeof orderSchema>;
export const orderPageSchema = pageOf(orderSchema);
export const orderFilterSchema = z.object({
  contestantId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  reason: z.enum(ORDER_REASONS).optional(),
  refundState: z.enum(REFUND_STATES).optional(),
  day: dateSchema.optional(),
  q: plainText(64).optional(),
  sort: z.enum(['orderedAt', 'paidFen']).default('orderedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type OrderFilter = z.infer<typeof orderFilterSchema>;
export const orderListQuerySchema = pageQuerySchema.extend(orderFilterSchema.shape);

export const importIssueSchema = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });
export type ImportIssue = z.infer<typeof importIssueSchema>;
export const importReportSchema = z.object({
  status: z.enum(['written', 'rejected']),
  importId: z.number().nullable(),
  encoding: z.string(),
  rows: z.number(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  counted: z.number(),
  ignored: z.array(z.object({ reason: z.enum(ORDER_REASONS), rows: z.number() })),
  pendingRefunds: z.number(),
  errors: z.array(importIssueSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const BOARD_VIEWS = ['live', 'public'] as const;
export const boardQuerySchema = z.object({ day: dateSchema.optional(), view: z.enum(BOARD_VIEWS).default('live') });
export type BoardQuery = z.infer<typeof boardQuerySchema>;
export const publicBoardQuerySchema = z.object({ day: dateSchema.optional() });

export const boardRowSchema = z.object({
  rank: z.number(),
  contestantId: z.number(),
  regNo: z.number(),
  name: z.string(),
  accountName: z.string(),
  isNewcomer: z.boolean(),
  paidFen: z.number(),
  refundedFen: z.number(),
  netFen: z.number(),
  orders: z.number(),
  pendingRefunds: z.number(),
  pendingRefundFen: z.number(),
  decidedBy: z.enum(TIE_DECIDERS),
  flagged: z.boolean(),
});
export type BoardRow = z.infer<typeof boardRowSchema>;
export const awardStandingSchema = z.object({
  awardId: z.number(),
  name: z.string(),
  places: z.number(),
  winners: z.array(z.object({ contestantId: z.number(), name: z.string(), accountName: z.string(), value: z.number() })),
});
export const boardSchema = z.object({
  contestId: z.number(),
  contestName: z.string(),
  day: z.string().nullable(),
  view: z.enum(BOARD_VIEWS),
  status: z.enum(['provisional', 'final']),
  frozenFrom: z.string().nullable(),
  countedUntil: z.string().nullable(),
  generatedAt: z.string(),
  totals: z.object({ netFen: z.number(), orders: z.number(), pendingRefunds: z.number() }),
  rows: z.array(boardRowSchema),
  awards: z.array(awardStandingSchema),
  rule: z.object({ zh: z.string(), en: z.string() }),
  days: z.array(z.string()),
  isSample: z.boolean(),
});
export type Board = z.infer<typeof boardSchema>;

export const freezeSchema = z.object({ from: z.iso.datetime({ offset: true }) }).strict();

export const flagSchema = z.object({
  contestantId: z.number(),
  name: z.string(),
  accountName: z.string(),
  buyerId: z.string(),
  buyerNetFen: z.number(),
  contestantNetFen: z.number(),
  sharePct: z.number(),
  orders: z.number(),
  notes: z.array(z.object({ id: z.number(), decision: z.enum(JURY_DECISIONS), note: z.string(), by: z.string().nullable(), at: z.string() })),
});
export type Flag = z.infer<typeof flagSchema>;
export const flagListSchema = z.object({ thresholdPct: z.number(), items: z.array(flagSchema) });
export const juryNoteSchema = z.object({ contestantId: idSchema, buyerId: plainText(64).min(1), decision: z.enum(JURY_DECISIONS), note: plainText(1000).min(1) }).strict();
export type JuryNoteInput = z.infer<typeof juryNoteSchema>;
