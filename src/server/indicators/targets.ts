import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { INDICATORS, INDICATOR_KEYS, type IndicatorKey, type IndicatorTargetList, type PutIndicatorTargets } from '../../shared/indicators.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ValidationError } from '../errors.js';

export type TargetMap = Partial<Record<IndicatorKey, { green: number; yellow: number }>>;

export async function listTargets(db: Kysely<DB>): Promise<IndicatorTargetList> {
  const rows = await db.selectFrom('indicator_targets').select(['indicator', 'green', 'yellow', 'updated_at']).execute();
  const order = (k: string) => INDICATOR_KEYS.indexOf(k as IndicatorKey);
  return {
    targets: rows
      .filter((r) => order(r.indicator) >= 0)
      .sort((a, b) => order(a.indicator) - order(b.indicator))
      .map((r) => ({ indicator: r.indicator as IndicatorKey, green: Number(r.green), yellow: Number(r.yellow), updatedAt: r.updated_at })),
  };
}

export async function targetMap(db: Kysely<DB>): Promise<TargetMap> {
  const { targets } = await listTargets(db);
  return Object.fromEntries(targets.map((t) => [t.indicator, { green: t.green, yellow: t.yellow }]));
}

const RATE_UNITS = new Set(['ratio']);

/** Green must be the better threshold of the two, and a rate lies in 0..1, a rating in 0..5. */
function checkTargets(input: PutIndicatorTargets): void {
  const seen = new Set<string>();
  input.targets.forEach((t, i) => {
    const def = INDICATORS[t.indicator];
    if (seen.has(t.indicator)) {
      throw new ValidationError(`targets.${i}.indicator`, { zh: `「${def.label.zh}」重复设置`, en: `${def.label.en} is set twice` }, 'target_duplicate');
    }
    seen.add(t.indicator);
    const max = RATE_UNITS.has(def.unit) ? 1 : def.unit === 'rating' ? 5 : Infinity;
    for (const side of ['green', 'yellow'] as const) {
      if (t[side] > max) {
        throw new ValidationError(`targets.${i}.${side}`, { zh: `「${def.label.zh}」的阈值不能大于 ${max}`, en: `${def.label.en}: a threshold cannot exceed ${max}` }, 'target_out_of_range');
      }
    }
    const greenBetter = def.direction === 'higher' ? t.green >= t.yellow : t.green <= t.yellow;
    if (!greenBetter) {
      throw new ValidationError(
        `targets.${i}.yellow`,
        def.direction === 'higher'
          ? { zh: `「${def.label.zh}」越高越好,黄灯阈值不能高于绿灯阈值`, en: `${def.label.en}: higher is better, so the yellow threshold cannot be above the green one` }
          : { zh: `「${def.label.zh}」越低越好,黄灯阈值不能低于绿灯阈值`, en: `${def.label.en}: lower is better, so the yellow threshold cannot be below the green one` },
        'target_order',
      );
    }
  });
}

/** Replaces the whole set: an indicator left out has no target afterwards (and shows no colour). */
export async function setIndicatorTargets(o: { db: Kysely<DB>; user: CurrentUser; input: PutIndicatorTargets }): Promise<void> {
  checkTargets(o.input);
  await o.db.transaction().execute(async (trx) => {
    const before = await listTargets(trx);
    const now = nowIso();
    await trx.deleteFrom('indicator_targets').execute();
    if (o.input.targets.length) {
      await trx
        .insertInto('indicator_targets')
        .values(o.input.targets.map((t) => ({ indicator: t.indicator, green: t.green, yellow: t.yellow, updated_by: o.user.id, updated_at: now })))
        .execute();
    }
    await recordAudit(trx, { actor: o.user, action: 'indicator_targets.set', entity: 'indicator_targets', entityId: null, before: before.targets, after: o.input.targets });
  });
}
