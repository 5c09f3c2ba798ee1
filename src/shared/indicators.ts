import { z } from 'zod';
import { dateSchema, decimalSchema } from './common.js';
import { ALL_STAGES } from './stages.js';

// Issue 7, the command view: the 考核 indicators (catalogue, values, targets) and the analytics figures.
// The monthly report and the 台账 workbook have theirs in reports.ts.

export const INDICATOR_KEYS = [
  'signed',
  'investmentYuan',
  'landedRate',
  'startedRate',
  'operatingRate',
  'fundsRate',
  'medianDaysToLand',
  'medianDaysToStart',
  'medianDaysToOperate',
  'overdueMilestones',
  'requestsOnTimeRate',
  'avgRating',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** higher: more is better (rates, rating, signings); lower: less is better (days, overdue). */
export type IndicatorDirection = 'higher' | 'lower';
/** How a value is shown: count, yuan (as 万元/亿元), ratio 0..1 (as %), days, rating out of 5. */
export type IndicatorUnit = 'count' | 'yuan' | 'ratio' | 'days' | 'rating';

export interface IndicatorDefinition {
  key: IndicatorKey;
  label: { zh: string; en: string };
  definition: { zh: string; en: string };
  unit: IndicatorUnit;
  direction: IndicatorDirection;
}

const COHORT_ZH = '统计期内签约的项目';
const COHORT_EN = 'projects signed in the period';

export const INDICATORS: Record<IndicatorKey, IndicatorDefinition> = {
  signed: {
    key: 'signed',
    label: { zh: '签约项目数', en: 'Projects signed' },
    definition: { zh: `签约日期在统计期内的项目个数(含已终止)`, en: `Projects whose signing date falls in the period (terminated included)` },
    unit: 'count',
    direction: 'higher',
  },
  investmentYuan: {
    key: 'investmentYuan',
    label: { zh: '签约总投资', en: 'Investment signed' },
    definition: { zh: `${COHORT_ZH}的总投资之和`, en: `Total investment of the ${COHORT_EN}` },
    unit: 'yuan',
    direction: 'higher',
  },
  landedRate: {
    key: 'landedRate',
    label: { zh: '落地率', en: 'Landed rate' },
    definition: { zh: `${COHORT_ZH}中已有落地日期的比例,终止项目计入分母`, en: `Share of the ${COHORT_EN} that have a landing date; terminated ones count in the denominator` },
    unit: 'ratio',
    direction: 'higher',
  },
  startedRate: {
    key: 'startedRate',
    label: { zh: '开工率', en: 'Started rate' },
    definition: { zh: `${COHORT_ZH}中已有开工日期的比例,终止项目计入分母`, en: `Share of the ${COHORT_EN} that have a start date; terminated ones count in the denominator` },
    unit: 'ratio',
    direction: 'higher',
  },
  operatingRate: {
    key: 'operatingRate',
    label: { zh: '投产率', en: 'Operating rate' },
    definition: { zh: `${COHORT_ZH}中已有投产日期的比例,终止项目计入分母`, en: `Share of the ${COHORT_EN} that have an operation date; terminated ones count in the denominator` },
    unit: 'ratio',
    direction: 'higher',
  },
  fundsRate: {
    key: 'fundsRate',
    label: { zh: '资金到位率', en: 'Funds in place' },
    definition: { zh: `${COHORT_ZH}的到位资金之和 ÷ 总投资之和`, en: `Funds in place over total investment, summed over the ${COHORT_EN}` },
    unit: 'ratio',
    direction: 'higher',
  },
  medianDaysToLand: {
    key: 'medianDaysToLand',
    label: { zh: '签约→落地(中位天数)', en: 'Signing → landing (median days)' },
    definition: { zh: `${COHORT_ZH}中已落地者,签约日期到落地日期的天数中位数`, en: `Median days from signing to landing over the ${COHORT_EN} that have landed` },
    unit: 'days',
    direction: 'lower',
  },
  medianDaysToStart: {
    key: 'medianDaysToStart',
    label: { zh: '落地→开工(中位天数)', en: 'Landing → start (median days)' },
    definition: { zh: `${COHORT_ZH}中已开工者,落地日期到开工日期的天数中位数`, en: `Median days from landing to start over the ${COHORT_EN} that have started` },
    unit: 'days',
    direction: 'lower',
  },
  medianDaysToOperate: {
    key: 'medianDaysToOperate',
    label: { zh: '开工→投产(中位天数)', en: 'Start → operation (median days)' },
    definition: { zh: `${COHORT_ZH}中已投产者,开工日期到投产日期的天数中位数`, en: `Median days from start to operation over the ${COHORT_EN} that operate` },
    unit: 'days',
    direction: 'lower',
  },
  overdueMilestones: {
    key: 'overdueMilestones',
    label: { zh: '逾期节点', en: 'Overdue milestones' },
    definition: { zh: `${COHORT_ZH}中仍在推进、下一计划节点日期早于今天的项目个数(与首页逾期口径一致)`, en: `Open ${COHORT_EN} whose next planned date is before today (the dashboard's overdue rule)` },
    unit: 'count',
    direction: 'lower',
  },
  requestsOnTimeRate: {
    key: 'requestsOnTimeRate',
    label: { zh: '诉求按时办结率', en: 'Requests closed on time' },
    definition: { zh: '统计期内提出且已办结(已解决/已确认)的诉求中,各承办部门均在时限内办结的比例', en: 'Of the service requests raised in the period and closed (resolved or confirmed), the share every department resolved by its deadline' },
    unit: 'ratio',
    direction: 'higher',
  },
  avgRating: {
    key: 'avgRating',
    label: { zh: '企业满意度', en: 'Average rating' },
    definition: { zh: '统计期内提出且企业已确认的诉求的平均评分(5 分制)', en: 'Mean rating (out of 5) of the service requests raised in the period and confirmed by the enterprise' },
    unit: 'rating',
    direction: 'higher',
  },
};

export const INDICATOR_STATUSES = ['green', 'yellow', 'red'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/**
 * Against its target: higher-is-better turns green at or above `green`, yellow at or above `yellow`;
 * lower-is-better the other way round. No target or no value → null.
 */
export function indicatorStatus(key: IndicatorKey, value: number | null, target: { green: number; yellow: number } | undefined): IndicatorStatus | null {
  if (value === null || !target) return null;
  if (INDICATORS[key].direction === 'higher') return value >= target.green ? 'green' : value >= target.yellow ? 'yellow' : 'red';
  return value <= target.green ? 'green' : value <= target.yellow ? 'yellow' : 'red';
}

// ---- Shared query: the period, region and cluster every figure takes ----

const regionCodeSchema = z.string().regex(/^[0-9A-Z]{1,20}$/);
export const figureQuerySchema = z.object({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  /** A county or park code (parks carry codes like CJHTZ); the prefecture code 652300 or nothing means all in scope. */
  region: regionCodeSchema.optional(),
  /** A cluster code (clusters.code). */
  cluster: z.string().max(50).optional(),
});
export type FigureQuery = z.infer<typeof figureQuerySchema>;
export const periodSchema = z.object({ from: z.string(), to: z.string() });
export type Period = z.infer<typeof periodSchema>;

// ---- Indicators ----

const valueSchema = z.number().nullable();
export const indicatorValuesSchema = z.object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, valueSchema])) as Record<IndicatorKey, typeof valueSchema>);
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;
const statusSchema = z.enum(INDICATOR_STATUSES).nullable();
export const indicatorStatusMapSchema = z.object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, statusSchema])) as Record<IndicatorKey, typeof statusSchema>);
export type IndicatorStatusMap = z.infer<typeof indicatorStatusMapSchema>;

export const INDICATOR_GROUPS = ['region', 'cluster', 'event'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];
export const indicatorQuerySchema = figureQuerySchema.extend({ groupBy: z.enum(INDICATOR_GROUPS).default('region') });
export type IndicatorQuery = z.infer<typeof indicatorQuerySchema>;

export const indicatorRowSchema = z.object({
  /** Region code, cluster code, or event id as text; 'none' gathers projects signed outside any event. */
  key: z.string(),
  name: z.string(),
  values: indicatorValuesSchema,
  status: indicatorStatusMapSchema,
});
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;
export const indicatorTableSchema = z.object({
  period: periodSchema,
  groupBy: z.enum(INDICATOR_GROUPS),
  rows: z.array(indicatorRowSchema),
  total: z.object({ values: indicatorValuesSchema, status: indicatorStatusMapSchema }),
});
export type IndicatorTable = z.infer<typeof indicatorTableSchema>;

// ---- Targets ----

export const indicatorTargetInputSchema = z
  .object({ indicator: z.enum(INDICATOR_KEYS), green: decimalSchema(0, 1e15), yellow: decimalSchema(0, 1e15) })
  .strict();
export const putIndicatorTargetsSchema = z.object({ targets: z.array(indicatorTargetInputSchema).max(INDICATOR_KEYS.length) }).strict();
export type PutIndicatorTargets = z.infer<typeof putIndicatorTargetsSchema>;
export const indicatorTargetSchema = z.object({ indicator: z.enum(INDICATOR_KEYS), green: z.number(), yellow: z.number(), updatedAt: z.string() });
export type IndicatorTarget = z.infer<typeof indicatorTargetSchema>;
export const indicatorTargetListSchema = z.object({ targets: z.array(indicatorTargetSchema) });
export type IndicatorTargetList = z.infer<typeof indicatorTargetListSchema>;

// ---- Analytics ----

export const funnelSchema = z.object({
  stages: z.array(z.object({ stage: z.enum(ALL_STAGES), count: z.number().int(), investmentYuan: z.number() })),
});
export type Funnel = z.infer<typeof funnelSchema>;

export const trendQuerySchema = figureQuerySchema.omit({ from: true, to: true }).extend({ months: z.coerce.number().int().min(1).max(60).default(12) });
export type TrendQuery = z.infer<typeof trendQuerySchema>;
export const trendSchema = z.object({
  months: z.array(z.object({ month: z.string(), signed: z.number().int(), started: z.number().int(), operating: z.number().int() })),
});
export type Trend = z.infer<typeof trendSchema>;

export const DURATION_PAIRS = [
  ['signed', 'landed'],
  ['landed', 'started'],
  ['started', 'operating'],
] as const;
export const durationsSchema = z.object({
  pairs: z.array(
    z.object({
      from: z.enum(ALL_STAGES),
      to: z.enum(ALL_STAGES),
      /** maxDays null: the open-ended last bucket. */
      buckets: z.array(z.object({ label: z.string(), minDays: z.number().int(), maxDays: z.number().int().nullable(), count: z.number().int() })),
      median: z.number().nullable(),
      p75: z.number().nullable(),
    }),
  ),
});
export type Durations = z.infer<typeof durationsSchema>;

export const completenessQuerySchema = z.object({ cluster: z.string().max(50).optional() });
export const completenessSchema = z.object({
  chains: z.array(
    z.object({
      chainId: z.number().int(),
      /** The cluster's code; clusterName its Chinese name. */
      cluster: z.string(),
      clusterName: z.string(),
      name: z.string(),
      nodes: z.number().int(),
      covered: z.number().int(),
      weak: z.number().int(),
      gaps: z.number().int(),
      rate: z.number(),
    }),
  ),
});
export type Completeness = z.infer<typeof completenessSchema>;

export const MAP_FIGURES = ['projects', 'investment', 'overdue', 'completeness'] as const;
export type MapFigure = (typeof MAP_FIGURES)[number];
export const mapQuerySchema = figureQuerySchema.omit({ region: true, cluster: true }).extend({ figure: z.enum(MAP_FIGURES).default('projects') });
export type MapQuery = z.infer<typeof mapQuerySchema>;
export const mapFiguresSchema = z.object({
  figure: z.enum(MAP_FIGURES),
    /** parentCode: for a park, the county it is marked at on the map; for a county, the prefecture. */
  regions: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['county', 'park']), parentCode: z.string().nullable(), value: z.number() })),
  max: z.number(),
});
export type MapFigures = z.infer<typeof mapFiguresSchema>;
