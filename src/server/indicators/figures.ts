import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { IndicatorGroup, IndicatorValues } from '../../shared/indicators.js';
import type { DB } from '../db/schema.js';
import { cohort, daysBetweenColumns, requestsRaisedIn, type FigureFilter } from './scope.js';

/** Rows grouped by region, cluster or event; 'total' puts everything in one group. */
export type Grouping = IndicatorGroup | 'total';
/** The key of the group a row falls in: region code, cluster code, event id as text, 'none' or 'total'. */
export type GroupKey = string;

const CLOSED = ['resolved', 'confirmed'];

function projectGroupKey(grouping: Grouping): RawBuilder<string | number | null> {
  switch (grouping) {
    case 'region':
      return sql`projects.region_code`;
    case 'cluster':
      return sql`projects.cluster`;
    // event_signings holds a project at most once (unique index), so this is one indexed probe.
    case 'event':
      return sql`(select es.event_id from event_signings es where es.project_id = projects.id)`;
    case 'total':
      return sql`'total'`;
  }
}

function requestGroupKey(grouping: Grouping): RawBuilder<string | number | null> {
  switch (grouping) {
    case 'region':
      return sql`service_requests.region_code`;
    case 'cluster':
      return sql`(select rp.cluster from projects rp where rp.id = service_requests.project_id)`;
    case 'event':
      return sql`(select es.event_id from event_signings es where es.project_id = service_requests.project_id)`;
    case 'total':
      return sql`'total'`;
  }
}

const keyOf = (g: string | number | null): GroupKey => (g === null ? 'none' : String(g));

/** The projects figures: one grouped pass over the cohort (projects_cohort_idx covers it). */
export async function projectSums(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, grouping: Grouping) {
  const rows = await db
    .selectFrom('projects')
    .where(cohort(user, filter))
    .select([
      projectGroupKey(grouping).as('g'),
      sql<number>`count(*)`.as('signed'),
      sql<number>`coalesce(sum(projects.investment_yuan), 0)`.as('investment'),
      sql<number>`coalesce(sum(projects.funds_in_place_yuan), 0)`.as('funds'),
      sql<number>`count(projects.landed_on)`.as('landed'),
      sql<number>`count(projects.started_on)`.as('started'),
      sql<number>`count(projects.operating_on)`.as('operating'),
      // The dashboard's overdue rule: the next planned date has passed (it is cleared once a project
      // reaches full capacity or is terminated).
      sql<number>`coalesce(sum(case when projects.next_planned_on < ${filter.today} then 1 else 0 end), 0)`.as('overdue'),
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

export interface RankedDays {
  median: number | null;
  p75: number | null;
}

/**
 * Median (and 75th percentile, nearest rank) of the days between two stage dates per group, over the
 * cohort projects that have both. The database ranks them (window functions, both engines) and
 * returns only the two or three rows per group that the figures are read from.
 */
export async function rankedDays(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, grouping: Grouping, fromCol: StageDateColumn, toCol: StageDateColumn) {
  const from = `projects.${fromCol}`;
  const to = `projects.${toCol}`;
  const days = db
    .selectFrom('projects')
    .where(cohort(user, filter))
    .where(sql.ref(from), 'is not', null)
    .where(sql.ref(to), 'is not', null)
    .select([projectGroupKey(grouping).as('g'), daysBetweenColumns(db, from, to).as('d')]);
  const ranked = db
    .selectFrom(days.as('days'))
    .select(['days.g', 'days.d', sql<number>`row_number() over (partition by days.g order by days.d)`.as('rn'), sql<number>`count(*) over (partition by days.g)`.as('n')]);
  const rows = await db
    .selectFrom(ranked.as('r'))
    .select(['r.g', 'r.d', 'r.rn', 'r.n'])
    .where(sql<boolean>`r.rn = (r.n + 1) / 2 or r.rn = (r.n + 2) / 2 or r.rn = (3 * r.n + 3) / 4`)
    .execute();
  const out = new Map<GroupKey, RankedDays>();
  const parts = new Map<GroupKey, { mid: number[]; p75: number | null }>();
  for (const r of rows) {
    const key = keyOf(r.g);
    const n = Number(r.n);
    const rn = Number(r.rn);
    const d = Number(r.d);
    const part = parts.get(key) ?? { mid: [], p75: null };
    if (rn === Math.floor((n + 1) / 2)) part.mid.push(d);
    if (rn === Math.floor((n + 2) / 2) && Math.floor((n + 2) / 2) !== Math.floor((n + 1) / 2)) part.mid.push(d);
    if (rn === Math.floor((3 * n + 3) / 4)) part.p75 = d;
    parts.set(key, part);
  }
  for (const [key, part] of parts) out.set(key, { median: part.mid.length ? part.mid.reduce((a, b) => a + b, 0) / part.mid.length : null, p75: part.p75 });
  return out;
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

/** Every indicator per group, each from SQL within the caller's scope; groups without data are absent. */
export async function indicatorValues(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, grouping: Grouping): Promise<Map<GroupKey, IndicatorValues>> {
  const [projects, requests, toLand, toStart, toOperate] = await Promise.all([
    projectSums(db, user, filter, grouping),
    requestSums(db, user, filter, grouping),
    rankedDays(db, user, filter, grouping, 'signed_on', 'landed_on'),
    rankedDays(db, user, filter, grouping, 'landed_on', 'started_on'),
    rankedDays(db, user, filter, grouping, 'started_on', 'operating_on'),
  ]);
  const keys = new Set([...projects.keys(), ...requests.keys()]);
  const out = new Map<GroupKey, IndicatorValues>();
  for (const key of keys) {
    const p = projects.get(key);
    const r = requests.get(key);
    const signed = Number(p?.signed ?? 0);
    const investment = Number(p?.investment ?? 0);
    const rated = Number(r?.rated ?? 0);
    out.set(key, {
      signed,
      investmentYuan: investment,
      landedRate: ratio(Number(p?.landed ?? 0), signed),
      startedRate: ratio(Number(p?.started ?? 0), signed),
      operatingRate: ratio(Number(p?.operating ?? 0), signed),
      fundsRate: ratio(Number(p?.funds ?? 0), investment),
      medianDaysToLand: toLand.get(key)?.median ?? null,
      medianDaysToStart: toStart.get(key)?.median ?? null,
      medianDaysToOperate: toOperate.get(key)?.median ?? null,
      overdueMilestones: Number(p?.overdue ?? 0),
      requestsOnTimeRate: ratio(Number(r?.on_time ?? 0), Number(r?.closed ?? 0)),
      avgRating: rated ? Number(r!.rating_sum) / rated : null,
    });
  }
  return out;
}
