import { z } from 'zod';
import { plainText } from './common.js';

/** 督办: the prefecture takes up an overdue request; the note says what it expects. */
export const escalateRequestSchema = z.object({ note: plainText(1000).min(1) }).strict();
export type EscalateRequestInput = z.infer<typeof escalateRequestSchema>;
export const escalationSchema = z.object({ id: z.number().int(), escalatedAt: z.string(), escalationNote: z.string() });

export const escalatedRequestSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string().nullable(),
  dueOn: z.string().nullable(),
  escalatedAt: z.string(),
  escalationNote: z.string(),
});
export type EscalatedRequest = z.infer<typeof escalatedRequestSchema>;

/** Enterprise-service figures in the caller's scope. */
export const serviceDashboardSchema = z.object({
  /** Not yet resolved (submitted, accepted, in progress, reopened). */
  open: z.number().int(),
  /** Open and past their earliest deadline. */
  overdue: z.number().int(),
  /** Open and taken up by the prefecture (督办). */
  escalated: z.number().int(),
  /** Resolved on or before the deadline in force, as a whole percentage of those resolved; null before any. */
  onTimePercent: z.number().int().nullable(),
  /** The enterprises' average rating, one decimal; null before any. */
  averageRating: z.number().nullable(),
  confirmed: z.number().int(),
  escalatedItems: z.array(escalatedRequestSchema),
});
export type ServiceDashboard = z.infer<typeof serviceDashboardSchema>;
