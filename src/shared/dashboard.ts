import { z } from 'zod';
import { ALL_STAGES } from './stages.js';

export const dashboardSummarySchema = z.object({
  projects: z.number().int(),
  // Sums, not single amounts: never refused for size, whatever the ledger holds.
  investmentYuan: z.number(),
  fundsInPlaceYuan: z.number(),
  regions: z.number().int(),
  byStage: z.object(Object.fromEntries(ALL_STAGES.map((s) => [s, z.number().int()])) as Record<
    (typeof ALL_STAGES)[number],
    z.ZodNumber
  >),
  byRegion: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      projects: z.number().int(),
      investmentYuan: z.number(),
      fundsInPlaceYuan: z.number(),
      overdue: z.number().int(),
    }),
  ),
  overdue: z.number().int(),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;
