import { z } from 'zod';
import { dateSchema } from './common.js';
import { indicatorRowSchema, indicatorStatusMapSchema, indicatorValuesSchema, periodSchema } from './indicators.js';
import { ALL_STAGES } from './stages.js';

// Issue 7's reports: the monthly report (JSON, printable page, PDF) and the 台账 workbook's query.

export const monthlyReportQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  /** A county or park code; the prefecture code or nothing: everything in the caller's scope. */
  region: z.string().regex(/^[0-9A-Z]{1,20}$/).optional(),
});
export type MonthlyReportQuery = z.infer<typeof monthlyReportQuerySchema>;

/** Lists in the report stop at this many rows; `total` says how many there were. */
export const REPORT_LIST_LIMIT = 100;

const figuresSchema = z.object({ period: periodSchema, values: indicatorValuesSchema, status: indicatorStatusMapSchema });

export const monthlyReportSchema = z.object({
  month: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
  generatedOn: z.string(),
  /** One sentence a leader reads first, Chinese and English. */
  headline: z.object({ zh: z.string(), en: z.string() }),
  monthFigures: figuresSchema,
  yearToDate: figuresSchema,
  /** Year-to-date per region (county or park) in scope. */
  regions: z.array(indicatorRowSchema),
  newSignings: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        investorName: z.string(),
        regionName: z.string(),
        /** The cluster's Chinese name (its code when not in the catalogue). */
        cluster: z.string(),
        investmentYuan: z.number(),
        signedOn: z.string(),
      }),
    ),
  }),
  stageMoves: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        projectId: z.number().int(),
        projectName: z.string(),
        regionName: z.string(),
        fromStage: z.enum(ALL_STAGES).nullable(),
        toStage: z.enum(ALL_STAGES),
        date: z.string(),
      }),
    ),
  }),
  overdue: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        regionName: z.string(),
        stage: z.enum(ALL_STAGES),
        nextPlannedOn: z.string(),
        daysOverdue: z.number().int(),
      }),
    ),
  }),
  requests: z.object({
    raised: z.number().int(),
    closed: z.number().int(),
    open: z.number().int(),
    overdueOpen: z.number().int(),
    onTimeRate: z.number().nullable(),
    avgRating: z.number().nullable(),
  }),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

export const ledgerQuerySchema = z.object({ from: dateSchema.optional(), to: dateSchema.optional() });
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;
