import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DashboardSummary } from '../../shared/dashboard.js';
import { ALL_STAGES, type AnyStage } from '../../shared/stages.js';
import { todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { projectScope } from '../projects/policy.js';

export async function dashboardSummary(db: Kysely<DB>, user: CurrentUser): Promise<DashboardSummary> {
  const today = todayInShanghai();
  const overdue = sql<number>`sum(case when projects.next_planned_on < ${today} then 1 else 0 end)`;
  const scoped = db.selectFrom('projects').where(projectScope(user));
  const [totals, stages, regions] = await Promise.all([
    scoped
      .select((eb) => [
        eb.fn.countAll<number>().as('projects'),
        eb.fn.coalesce(eb.fn.sum<number>('investment_yuan'), sql<number>`0`).as('investment'),
        eb.fn.coalesce(eb.fn.sum<number>('funds_in_place_yuan'), sql<number>`0`).as('funds'),
        eb.fn.count<number>('region_code').distinct().as('regions'),
        eb.fn.coalesce(overdue, sql<number>`0`).as('overdue'),
      ])
      .executeTakeFirstOrThrow(),
    scoped.select((eb) => ['stage', eb.fn.countAll<number>().as('n')]).groupBy('stage').execute(),
    scoped
      .innerJoin('regions', 'regions.code', 'projects.region_code')
      .select((eb) => [
        'regions.code',
        'regions.name',
        'regions.sort_order',
        eb.fn.countAll<number>().as('projects'),
        eb.fn.sum<number>('projects.investment_yuan').as('investment'),
        eb.fn.sum<number>('projects.funds_in_place_yuan').as('funds'),
        overdue.as('overdue'),
      ])
      .groupBy(['regions.code', 'regions.name', 'regions.sort_order'])
      .orderBy('regions.sort_order')
      .execute(),
  ]);
  const byStage = Object.fromEntries(ALL_STAGES.map((s) => [s, 0])) as Record<AnyStage, number>;
  for (const row of stages) byStage[row.stage as AnyStage] = Number(row.n);
  return {
    projects: Number(totals.projects),
    investmentYuan: Number(totals.investment),
    fundsInPlaceYuan: Number(totals.funds),
    regions: Number(totals.regions),
    byStage,
    byRegion: regions.map((r) => ({
      code: r.code,
      name: r.name,
      projects: Number(r.projects),
      investmentYuan: Number(r.investment),
      fundsInPlaceYuan: Number(r.funds),
      overdue: Number(r.overdue),
    })),
    overdue: Number(totals.overdue),
  };
}
