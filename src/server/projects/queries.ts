import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { ProjectExportQuery, ProjectListQuery } from '../../shared/projects.js';
import { STAGES } from '../../shared/stages.js';
import { todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { PREFECTURE_CODE } from '../regions/data.js';
import { projectScope } from './policy.js';
import { containsSearch } from '../db/search.js';

// Lifecycle order rather than alphabetical, so sorting by stage reads 洽谈 → 达产 → 终止.
const stageRank = sql<number>`case projects.stage ${sql.join(
  [...STAGES, 'terminated'].map((s, i) => sql`when ${s} then ${i}`),
  sql` `,
)} end`;

const SORT_COLUMNS = {
  investment: sql`projects.investment_yuan`,
  name: sql`projects.name`,
  stage: stageRank,
  updatedAt: sql`projects.updated_at`,
  createdAt: sql`projects.created_at`,
  nextPlannedDate: sql`projects.next_planned_on`,
} as const;

// Region, investor and node names travel with every project the API returns.
function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('projects')
    .innerJoin('regions', 'regions.code', 'projects.region_code')
    .leftJoin('enterprises', 'enterprises.id', 'projects.enterprise_id')
    .leftJoin('chain_nodes', 'chain_nodes.id', 'projects.node_id')
    .leftJoin('chains', 'chains.id', 'chain_nodes.chain_id')
    // The lead a project was signed from, and the chain leader who referred it (以商招商).
    .leftJoin('leads as project_lead', 'project_lead.id', 'projects.lead_id')
    .leftJoin('enterprises as lead_referrer', 'lead_referrer.id', 'project_lead.referrer_enterprise_id');
}

/** Asks the clock once, on first use: working the date out costs more than building the query. */
export function lazyToday(known?: string): () => string {
  let today = known;
  return () => (today ??= todayInShanghai());
}

/** The region, stage and overdue filters, on `projects` or on a department's pairs (which copy those columns). */
function placeConditions(eb: ExpressionBuilder<any, any>, t: 'projects' | 'pd', filters: ProjectExportQuery, today: () => string): Expression<SqlBool>[] {
  const all: Expression<SqlBool>[] = [];
  if (filters.region && filters.region !== PREFECTURE_CODE) all.push(eb(`${t}.region_code`, '=', filters.region));
  if (filters.stage) all.push(eb(`${t}.stage`, '=', filters.stage));
  if (filters.overdue === 'true') all.push(eb(`${t}.next_planned_on`, '<', today()));
  if (filters.overdue === 'false') all.push(eb.or([eb(`${t}.next_planned_on`, 'is', null), eb(`${t}.next_planned_on`, '>=', today())]));
  return all;
}

/**
 * The scope and filters as one condition on `projects` alone; list, count and export all use it.
 * `today` is asked for only by the overdue filter.
 */
function projectFilter(user: CurrentUser, filters: ProjectExportQuery, today: () => string) {
  return (eb: ExpressionBuilder<DB, 'projects'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [projectScope(user)(eb), ...placeConditions(eb as ExpressionBuilder<any, any>, 'projects', filters, today)];
    if (filters.enterpriseId) all.push(eb('projects.enterprise_id', '=', filters.enterpriseId));
    if (filters.q) all.push(containsSearch('projects.search_text', filters.q) as Expression<SqlBool>);
    if (filters.blocked) all.push(eb('projects.blocked_stage', filters.blocked === '1' ? 'is not' : 'is', null));
    return eb.and(all);
  };
}

function orderOf(filters: ProjectExportQuery) {
  const direction = filters.order === 'asc' ? sql`asc` : sql`desc`;
  // Both engines put empty dates last, whichever way the list is sorted.
  return sql`${SORT_COLUMNS[filters.sort]} ${direction} nulls last`;
}

const NAMES = [
  'regions.name as region_name',
  'enterprises.name as enterprise_name',
  'chain_nodes.name as node_name',
  'chains.id as chain_id',
  'chains.name as chain_name',
  'project_lead.source as lead_source',
  'lead_referrer.id as lead_referrer_id',
  'lead_referrer.name as lead_referrer_name',
] as const;

export function sortedRows(db: Kysely<DB>, user: CurrentUser, filters: ProjectExportQuery, today = lazyToday()) {
  return withNames(db)
    .where(projectFilter(user, filters, today))
    .selectAll('projects')
    .select(NAMES)
    .orderBy(orderOf(filters))
    .orderBy('projects.id', 'desc');
}

/**
 * Every project has its region (a foreign key) and the other joins are outer: counting needs none of
 * them. A department's count without a search, enterprise or blocked filter is read from its pairs'
 * narrow index (projects/departments.ts), which carries region, stage and next planned date: counting
 * through the project rows probed each of ≈68k projects at province scale.
 */
function countProjects(db: Kysely<DB>, user: CurrentUser, query: ProjectListQuery, today: () => string) {
  const code = user.role === 'department' ? user.department : null;
  if (code && !query.q && !query.enterpriseId && !query.blocked) {
    return db
      .selectFrom('project_departments as pd')
      .where((eb) => eb.and([eb('pd.department_code', '=', code), ...placeConditions(eb as ExpressionBuilder<any, any>, 'pd', query, today)]))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  }
  const filter = projectFilter(user, query, today);
  return db.selectFrom('projects').where(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
}

export async function listProjects(db: Kysely<DB>, user: CurrentUser, query: ProjectListQuery, today = lazyToday()) {
  const filter = projectFilter(user, query, today);
  // The page is chosen on projects alone and only its rows are joined to their names.
  const page = db
    .selectFrom('projects')
    .select('projects.id')
    .where(filter)
    .orderBy(orderOf(query))
    .orderBy('projects.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [rows, count] = await Promise.all([
    withNames(db).selectAll('projects').select(NAMES).where('projects.id', 'in', page).orderBy(orderOf(query)).orderBy('projects.id', 'desc').execute(),
    countProjects(db, user, query, today),
  ]);
  return { rows, total: Number(count.n) };
}

/** One project if the user may see it; undefined otherwise, exactly as if it did not exist. */
export function findVisibleProject(db: Kysely<DB>, user: CurrentUser, id: number) {
  return withNames(db)
    .selectAll('projects')
    .select(NAMES)
    .where('projects.id', '=', id)
    .where(projectScope(user))
    .executeTakeFirst();
}

export function projectHistory(db: Kysely<DB>, projectId: number) {
  return db
    .selectFrom('project_transitions as t')
    .leftJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.kind', 't.from_stage', 't.to_stage', 't.date', 't.note', 't.reason', 't.created_at', 'u.username', 'u.display_name'])
    .where('t.project_id', '=', projectId)
    .orderBy('t.id', 'asc')
    .execute();
}
