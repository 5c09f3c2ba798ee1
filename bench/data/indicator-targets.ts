// Issue 7: the prefecture's 考核 targets, as a bureau would set them, so the command view's figures are
// coloured (and its status pass measured) on the bench data as they are in use.
import type { IndicatorKey } from '../../src/shared/indicators.js';
import type { Ctx } from './context.js';

export const BENCH_TARGETS: [IndicatorKey, number, number][] = [
  ['landedRate', 0.8, 0.6],
  ['startedRate', 0.6, 0.4],
  ['operatingRate', 0.3, 0.2],
  ['fundsRate', 0.5, 0.3],
  ['medianDaysToLand', 90, 180],
  ['medianDaysToStart', 120, 240],
  ['medianDaysToOperate', 365, 540],
  ['requestsOnTimeRate', 0.9, 0.8],
  ['avgRating', 4.5, 4],
];

export async function generateIndicatorTargets(ctx: Ctx): Promise<void> {
  const put = ctx.w.table('indicator_targets', ['indicator', 'green', 'yellow', 'updated_by', 'updated_at']);
  const at = `${ctx.today}T00:00:00.000Z`;
  for (const [indicator, green, yellow] of BENCH_TARGETS) await put([indicator, green, yellow, null, at]);
}
