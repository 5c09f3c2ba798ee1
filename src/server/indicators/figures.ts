import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { IndicatorGroup, IndicatorValues } from '../../shared/indicators.js';
import type { DB } from '../db/schema.js';
import { daysBetween } from '../../shared/format.js';
import { figureProjects, requestsRaisedIn, signedIn, type FigureFilter } from './scope.js';

/** Rows grouped by region, cluster or event; 'total' puts everything in one group. */
export type Grouping = IndicatorGroup | 'total';
/** The key of the group a row falls in: region code, cluster code, event id as text, 'none' or 'total'. */
export type GroupKey = string;

const CLOSED = ['resolved', 'confirmed'];

function projectGroupKey(grouping: Grouping): RawBuilder<string | number | null> {
  switch (grouping) {
    case 'region':
      return sql`fp.region_code`;
    case 'cluster':
      return sql`fp.cluster`;
    // event_signings holds a project at most once (unique index), so this is one indexed probe.
    case 'event':
      return sql`(select es.event_id from event_signings es where es.project_id = fp.id)`;
    case 'total':
      return sql`'total'`;
  }
}

function requestGroupKey(grouping: Grouping): RawBuilder<string | number | null> {
  switch (grouping) {
    case 'region':
      return sql`service_requests.region_code`;
    // The project's cluster and signing event are copied onto the request (0033) and sit in
    // service_requests_period_idx: a probe per request into projects cost most of the table's time.
    case 'cluster':
      return sql`service_requests.project_cluster`;
    case 'event':
      return sql`service_requests.project_event_id`;
    case 'total':
      return sql`'total'`;
  }
}

const keyOf = (g: string | number | null): GroupKey => (g === null ? 'none' : String(g));

/** The projects figures: one grouped pass over the cohort (projects_cohort_idx covers it). */
export async function projectSums(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, grouping: Grouping) {
  const rows = await db
    .selectFrom(figureProjects(db, user, filter).as('fp'))
    .where(signedIn(filter))
    .select([
      projectGroupKey(grouping).as('g'),
      sql<number>`count(*)`.as('signed'),
      sql<number>`coalesce(sum(fp.investment_yuan), 0)`.as('investment'),
      sql<number>`coalesce(sum(fp.funds_in_place_yuan), 0)`.as('funds'),
      sql<number>`count(fp.landed_on)`.as('landed'),
      sql<number>`count(fp.started_on)`.as('started'),
      sql<number>`count(fp.operating_on)`.as('operating'),
      // The dashboard's overdue rule: the next planned date has passed (it is cleared once a project
      // reaches full capacity or is terminated).
      sql<number>`coalesce(sum(case when fp.next_planned_on < ${filter.today} then 1 else 0 end), 0)`.as('overdue'),
    ])
    .groupBy(sql`1`)
    .execute();
  return new Map(rows.map((r) => [keyOf(r.g), r]));
}

async function requestSums(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, grouping: Grouping) {
  const rows = await db
    .selectFrom('service_requests')
    .where(requestsRaisedIn(user, filter))
    .where('service_requests.status', 'in', CLOSED)
    .select([
      requestGroupKey(grouping).as('g'),
      sql<number>`coalesce(sum(service_requests.resolved_on_time), 0)`.as('on_time'),
      sql<number>`count(service_requests.resolved_on_time)`.as('closed'),
      sql<number>`coalesce(sum(case when service_requests.status = 'confirmed' then service_requests.rating end), 0)`.as('rating_sum'),
      sql<number>`count(case when service_requests.status = 'confirmed' then service_requests.rating end)`.as('rated'),
    ])
    .groupBy(sql`1`)
    .execute();
  return new Map(rows.map((r) => [keyOf(r.g), r]));
}

/** Median and 75th percentile (nearest rank) of sorted days; null when there are none. */
export function medianAndP75(sorted: number[]): { median: number | null; p75: number | null } {
  const n = sorted.length;
  if (!n) return { median: null, p75: null };
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { median, p75: sorted[Math.ceil(0.75 * n) - 1] };
}

export const DAY_PAIRS = [
  ['toLand', 'signed_on', 'landed_on'],
  ['toStart', 'landed_on', 'started_on'],
  ['toOperate', 'started_on', 'operating_on'],
] as const;
export type DayPair = (typeof DAY_PAIRS)[number][0];

/**
 * Days between consecutive stage dates of the cohort's projects that have landed (no later stage is
 * reached without landing), per group, each list sorted. The medians come from this one read of four
 * date columns from projects_cohort_idx, bounded by the cohort (about 16,000 projects a year at
 * province scale): ranking in SQL (window functions, both engines) took one pass per pair and per
 * grouping, several times the cost, and SQLite's julianday() cost more than the read itself.
 */
export async function stageDays(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, grouping: Grouping) {
  const rows = await db
    .selectFrom(figureProjects(db, user, filter).as('fp'))
    .where(signedIn(filter))
    .where('fp.landed_on', 'is not', null)
    .select([projectGroupKey(grouping).as('g'), 'fp.signed_on', 'fp.landed_on', 'fp.started_on', 'fp.operating_on'])
    .execute();
  const out = new Map<GroupKey, Record<DayPair, number[]>>();
  const total: Record<DayPair, number[]> = { toLand: [], toStart: [], toOperate: [] };
  for (const r of rows) {
    const key = keyOf(r.g);
    let lists = out.get(key);
    if (!lists) out.set(key, (lists = { toLand: [], toStart: [], toOperate: [] }));
    for (const [name, from, to] of DAY_PAIRS) {
      const a = r[from];
      const b = r[to];
      if (!a || !b) continue;
      const d = daysBetween(a, b);
      lists[name].push(d);
      total[name].push(d);
    }
  }
  const byNumber = (a: number, b: number) => a - b;
  for (const lists of [...out.values(), total]) for (const [name] of DAY_PAIRS) lists[name].sort(byNumber);
  return { groups: out, total };
}

export type StageDateColumn = 'signed_on' | 'landed_on' | 'started_on' | 'operating_on';

export const EMPTY_VALUES: IndicatorValues = {
  signed: 0,
  investmentYuan: 0,
  landedRate: null,
  startedRate: null,
  operatingRate: null,
  fundsRate: null,
  medianDaysToLand: null,
  medianDaysToStart: null,
  medianDaysToOperate: null,
  overdueMilestones: 0,
  requestsOnTimeRate: null,
  avgRating: null,
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

type ProjectSums = Awaited<ReturnType<typeof projectSums>> extends Map<string, infer R> ? R : never;
type RequestSums = Awaited<ReturnType<typeof requestSums>> extends Map<string, infer R> ? R : never;

function valuesOf(p: ProjectSums | undefined, r: RequestSums | undefined, days: Record<DayPair, number[]> | undefined): IndicatorValues {
  const signed = Number(p?.signed ?? 0);
  const investment = Number(p?.investment ?? 0);
  const rated = Number(r?.rated ?? 0);
  return {
    signed,
    investmentYuan: investment,
    landedRate: ratio(Number(p?.landed ?? 0), signed),
    startedRate: ratio(Number(p?.started ?? 0), signed),
    operatingRate: ratio(Number(p?.operating ?? 0), signed),
    fundsRate: ratio(Number(p?.funds ?? 0), investment),
    medianDaysToLand: days ? medianAndP75(days.toLand).median : null,
    medianDaysToStart: days ? medianAndP75(days.toStart).median : null,
    medianDaysToOperate: days ? medianAndP75(days.toOperate).median : null,
    overdueMilestones: Number(p?.overdue ?? 0),
    requestsOnTimeRate: ratio(Number(r?.on_time ?? 0), Number(r?.closed ?? 0)),
    avgRating: rated ? Number(r!.rating_sum) / rated : null,
  };
}

/** Adds up the groups' sums: every project and request falls in exactly one group, so they make the total. */
function sumGroups<T extends Record<string, unknown>>(groups: Map<string, T>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const row of groups.values()) for (const [k, v] of Object.entries(row)) if (k !== 'g') total[k] = (total[k] ?? 0) + Number(v);
  return total;
}

/**
 * Every indicator per group and for all groups together, each from SQL within the caller's scope:
 * one grouped pass over the cohort, one over the requests raised in the period, one read of the
 * stage days. Groups without data are absent.
 */
export async function indicatorValues(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, grouping: Grouping) {
  const projects = await projectSums(db, user, filter, grouping);
  const requests = await requestSums(db, user, filter, grouping);
  const days = await stageDays(db, user, filter, grouping);
  const groups = new Map<GroupKey, IndicatorValues>();
  for (const key of new Set([...projects.keys(), ...requests.keys()])) groups.set(key, valuesOf(projects.get(key), requests.get(key), days.groups.get(key)));
  const total = valuesOf(sumGroups(projects) as unknown as ProjectSums, sumGroups(requests) as unknown as RequestSums, days.total);
  return { groups, total };
}
