import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { FigureQuery, Period } from '../../shared/indicators.js';
import { todayInShanghai } from '../clock.js';
import type { DB, ProjectRow } from '../db/schema.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { projectScope } from '../projects/policy.js';
import { PREFECTURE_CODE } from '../regions/data.js';
import { serviceRequestScope } from '../service-requests/policy.js';

export const REGION_NOUN = { zh: '县市(园区)', en: 'Region' };
export const CLUSTER_NOUN = { zh: '产业集群', en: 'Cluster' };

/** A figure's query with the period settled and the region and cluster checked. */
export interface FigureFilter {
  period: Period;
  /** A county or park code, or null for everything in scope. */
  region: string | null;
  cluster: string | null;
  today: string;
}

/** The current calendar year up to today (Asia/Shanghai) unless the caller names the period. */
export function resolvePeriod(query: { from?: string; to?: string }, today = todayInShanghai()): Period {
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  if (from > to) throw new ValidationError('to', { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' }, 'period_reversed');
  return { from, to };
}

/**
 * The region must exist and, for a region officer, be theirs: another region's figures are 404 like
 * its projects. The cluster must exist. The prefecture's own code means no region filter.
 */
export async function resolveFilter(db: Kysely<DB>, user: CurrentUser, query: FigureQuery, today = todayInShanghai()): Promise<FigureFilter> {
  const period = resolvePeriod(query, today);
  const region = query.region && query.region !== PREFECTURE_CODE ? query.region : null;
  if (region) {
    const found = await db.selectFrom('regions').select('code').where('code', '=', region).where('kind', 'in', ['county', 'park']).executeTakeFirst();
    if (!found || (user.role === 'region' && !user.regionCodes.includes(region))) throw new NotFoundError(REGION_NOUN);
  }
  const cluster = query.cluster ?? null;
  if (cluster && !(await db.selectFrom('clusters').select('id').where('code', '=', cluster).executeTakeFirst())) throw new NotFoundError(CLUSTER_NOUN);
  return { period, region, cluster, today };
}

/** Projects in scope, in the region and cluster asked for (lists that need the project's own row). */
export function projectsIn(user: CurrentUser, filter: Pick<FigureFilter, 'region' | 'cluster'>) {
  return (eb: ExpressionBuilder<DB, 'projects'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [projectScope(user)(eb)];
    if (filter.region) all.push(eb('projects.region_code', '=', filter.region));
    if (filter.cluster) all.push(eb('projects.cluster', '=', filter.cluster));
    return eb.and(all);
  };
}

/** The project columns the figures read; project_departments carries the same ones (0021, 0033). */
const FIGURE_COLUMNS = [
  'region_code',
  'cluster',
  'stage',
  'negotiating_on',
  'signed_on',
  'landed_on',
  'started_on',
  'operating_on',
  'full_capacity_on',
  'next_planned_on',
  'investment_yuan',
  'funds_in_place_yuan',
] as const;

/**
 * The projects in scope, in the region and cluster asked for, as the rows the figures read: select
 * from it `as('fp')`. A department officer's projects are its pairs in project_departments, which
 * carry the same columns, read from its own indexes; probing each pair's project row (≈68,000 for
 * 自然资源局 at province scale) cost 265–840 ms a figure. Everyone else reads projects under
 * projectScope. Both engines fold the subquery into the outer query, so the indexes still serve it.
 */
export function figureProjects(db: Kysely<DB>, user: CurrentUser, filter: Pick<FigureFilter, 'region' | 'cluster'>) {
  if (user.role === 'department') {
    let pairs = db
      .selectFrom('project_departments as pd')
      .select(['pd.project_id as id', ...FIGURE_COLUMNS.map((c) => `pd.${c}` as const)])
      .where('pd.department_code', '=', user.department ?? '');
    if (filter.region) pairs = pairs.where('pd.region_code', '=', filter.region);
    if (filter.cluster) pairs = pairs.where('pd.cluster', '=', filter.cluster);
    return pairs.$castTo<FigureProject>();
  }
  return db
    .selectFrom('projects')
    .select(['projects.id', ...FIGURE_COLUMNS.map((c) => `projects.${c}` as const)])
    .where(projectsIn(user, filter))
    .$castTo<FigureProject>();
}

export type FigureProject = { id: number } & Pick<ProjectRow, (typeof FIGURE_COLUMNS)[number]>;

/** The period's cohort: signed inside it (what counties are judged on). Applies to figureProjects' rows. */
export function signedIn(filter: Pick<FigureFilter, 'period'>) {
  return (eb: ExpressionBuilder<{ fp: FigureProject }, 'fp'>): Expression<SqlBool> => eb.and([eb('fp.signed_on', '>=', filter.period.from), eb('fp.signed_on', '<=', filter.period.to)]);
}

/** Start of a Shanghai calendar day as the UTC instant timestamps are stored in. */
export function shanghaiDayStartUtc(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Requests in scope raised in the period, in the region and cluster (through their project) asked for. */
export function requestsRaisedIn(user: CurrentUser, filter: FigureFilter) {
  return (eb: ExpressionBuilder<DB, 'service_requests'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [
      eb('service_requests.created_at', '>=', shanghaiDayStartUtc(filter.period.from)),
      eb('service_requests.created_at', '<', shanghaiDayStartUtc(nextDay(filter.period.to))),
      serviceRequestScope(user)(eb),
    ];
    if (filter.region) all.push(eb('service_requests.region_code', '=', filter.region));
    // The project's cluster copied onto the request (0033), not a probe into projects per request.
    if (filter.cluster) all.push(eb('service_requests.project_cluster', '=', filter.cluster));
    return eb.and(all);
  };
}
