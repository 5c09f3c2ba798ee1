import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { DURATION_PAIRS, type Completeness, type Durations, type Funnel, type Trend } from '../../shared/indicators.js';
import type { Stage } from '../../shared/stages.js';
import { listClusters } from '../chains/queries.js';
import type { DB } from '../db/schema.js';
import { DAY_PAIRS, medianAndP75, stageDays, type StageDateColumn } from './figures.js';
import { figureProjects, signedIn, type FigureFilter } from './scope.js';

const DATE_COLUMN: Record<Stage, StageDateColumn | 'negotiating_on' | 'full_capacity_on'> = {
  negotiating: 'negotiating_on',
  signed: 'signed_on',
  landed: 'landed_on',
  started: 'started_on',
  operating: 'operating_on',
  full_capacity: 'full_capacity_on',
};

/**
 * The cohort signed in the period and how far it got: a stage counts every project that has its date.
 * 洽谈 adds the projects that entered negotiation in the period and have not signed, so every later
 * bar is a part of the one before; 终止 is the cohort's terminated ones.
 */
export async function funnel(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter): Promise<Funnel> {
  const reached = (column: string) => sql<number>`count(${sql.ref(`fp.${column}`)})`;
  const amount = (column: string) => sql<number>`coalesce(sum(case when ${sql.ref(`fp.${column}`)} is not null then fp.investment_yuan end), 0)`;
  const [signed, negotiating] = await Promise.all([
    db
      .selectFrom(figureProjects(db, user, filter).as('fp'))
      .where(signedIn(filter))
      .select([
        ...(['signed', 'landed', 'started', 'operating', 'full_capacity'] as const).flatMap((s) => [reached(DATE_COLUMN[s]).as(`${s}_n`), amount(DATE_COLUMN[s]).as(`${s}_y`)]),
        sql<number>`coalesce(sum(case when fp.stage = 'terminated' then 1 else 0 end), 0)`.as('terminated_n'),
        sql<number>`coalesce(sum(case when fp.stage = 'terminated' then fp.investment_yuan else 0 end), 0)`.as('terminated_y'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom(figureProjects(db, user, filter).as('fp'))
      // Not `signed_on is null`: SQLite takes that for an equality on the cohort index's first column
      // and reads every unsigned project's row (48 ms at province); this leaves it to the 洽谈 index.
      .where(sql`coalesce(fp.signed_on, '')`, '=', '')
      .where('fp.negotiating_on', '>=', filter.period.from)
      .where('fp.negotiating_on', '<=', filter.period.to)
      .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(fp.investment_yuan), 0)`.as('y')])
      .executeTakeFirstOrThrow(),
  ]);
  const row = signed as unknown as Record<string, number | string>;
  const stage = (s: string) => ({ count: Number(row[`${s}_n`]), investmentYuan: Number(row[`${s}_y`]) });
  return {
    stages: [
      { stage: 'negotiating', count: stage('signed').count + Number(negotiating.n), investmentYuan: stage('signed').investmentYuan + Number(negotiating.y) },
      ...(['signed', 'landed', 'started', 'operating', 'full_capacity', 'terminated'] as const).map((s) => ({ stage: s, ...stage(s) })),
    ],
  };
}

/** Calendar months, oldest first, ending with today's. */
export function lastMonths(today: string, count: number): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** Signings, starts and operations per month, each counted by its own date, in scope and region/cluster. */
export async function trend(db: Kysely<DB>, user: CurrentUser, filter: Pick<FigureFilter, 'region' | 'cluster' | 'today'>, months: number): Promise<Trend> {
  const list = lastMonths(filter.today, months);
  const first = `${list[0]}-01`;
  const perMonth = (column: StageDateColumn) =>
    db
      .selectFrom(figureProjects(db, user, filter).as('fp'))
      .where(sql.ref(`fp.${column}`), '>=', first)
      .where(sql.ref(`fp.${column}`), '<=', filter.today)
      .select([sql<string>`substr(${sql.ref(`fp.${column}`)}, 1, 7)`.as('month'), sql<number>`count(*)`.as('n')])
      .groupBy(sql`1`)
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.month, Number(r.n)])));
  const [signed, started, operating] = await Promise.all([perMonth('signed_on'), perMonth('started_on'), perMonth('operating_on')]);
  return { months: list.map((month) => ({ month, signed: signed.get(month) ?? 0, started: started.get(month) ?? 0, operating: operating.get(month) ?? 0 })) };
}

export const DURATION_BUCKETS = [
  { label: '30天以内', minDays: 0, maxDays: 30 },
  { label: '31–90天', minDays: 31, maxDays: 90 },
  { label: '91–180天', minDays: 91, maxDays: 180 },
  { label: '181–365天', minDays: 181, maxDays: 365 },
  { label: '一年以上', minDays: 366, maxDays: null },
] as const;

/** How long the cohort's projects took between consecutive stages, bucketed, with median and p75. */
export async function durations(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter): Promise<Durations> {
  const { total } = await stageDays(db, user, filter, 'total');
  return {
    pairs: DURATION_PAIRS.map(([from, to], i) => {
      const days = total[DAY_PAIRS[i][0]];
      // A date entered out of order (negative days) falls in the first bucket rather than nowhere.
      const count = (b: (typeof DURATION_BUCKETS)[number], first: boolean) => days.filter((d) => (first || d >= b.minDays) && (b.maxDays === null || d <= b.maxDays)).length;
      return {
        from,
        to,
        buckets: DURATION_BUCKETS.map((b, j) => ({ label: b.label, minDays: b.minDays, maxDays: b.maxDays, count: count(b, j === 0) })),
        ...medianAndP75(days),
      };
    }),
  };
}

/** The chain module's own coverage (缺链/弱链 by local enterprises), chain by chain. */
export async function completeness(db: Kysely<DB>, cluster: string | null): Promise<Completeness> {
  const { items } = await listClusters(db);
  return {
    chains: items
      .filter((c) => !cluster || c.code === cluster)
      .flatMap((c) =>
        c.chains.map((chain) => ({
          chainId: chain.id,
          cluster: c.code,
          clusterName: c.name,
          name: chain.name,
          nodes: chain.coverage.nodes,
          covered: chain.coverage.covered,
          weak: chain.coverage.weak,
          gaps: chain.coverage.missing,
          rate: chain.coverage.completeness,
        })),
      ),
  };
}
