import { sql, type Kysely } from 'kysely';
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
    .leftJoin('chains', 'chains.id', 'chain_nodes.chain_id');
}

/** The scoped, filtered set of projects; list, count and export all start here. */
export function filteredProjects(db: Kysely<DB>, user: CurrentUser, filters: ProjectExportQuery) {
  const today = todayInShanghai();
  let query = withNames(db).where(projectScope(user));
  if (filters.region && filters.region !== PREFECTURE_CODE) query = query.where('projects.region_code', '=', filters.region);
  if (filters.stage) query = query.where('projects.stage', '=', filters.stage);
  if (filters.enterpriseId) query = query.where('projects.enterprise_id', '=', filters.enterpriseId);
  if (filters.overdue === 'true') query = query.where('projects.next_planned_on', '<', today);
  if (filters.overdue === 'false') {
    query = query.where((eb) => eb.or([eb('projects.next_planned_on', 'is', null), eb('projects.next_planned_on', '>=', today)]));
  }
  if (filters.q) {
    query = query.where(containsSearch('projects.search_text', filters.q));
  }
  return query;
}

export function sortedRows(db: Kysely<DB>, user: CurrentUser, filters: ProjectExportQuery) {
  const direction = filters.order === 'asc' ? sql`asc` : sql`desc`;
  return filteredProjects(db, user, filters)
    .selectAll('projects')
    .select(['regions.name as region_name', 'enterprises.name as enterprise_name', 'chain_nodes.name as node_name', 'chains.id as chain_id', 'chains.name as chain_name'])
    // Both engines put empty dates last, whichever way the list is sorted.
    .orderBy(sql`${SORT_COLUMNS[filters.sort]} ${direction} nulls last`)
    .orderBy('projects.id', 'desc');
}

export async function listProjects(db: Kysely<DB>, user: CurrentUser, query: ProjectListQuery) {
  const [rows, count] = await Promise.all([
    sortedRows(db, user, query).limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    filteredProjects(db, user, query).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One project if the user may see it; undefined otherwise, exactly as if it did not exist. */
export function findVisibleProject(db: Kysely<DB>, user: CurrentUser, id: number) {
  return withNames(db)
    .selectAll('projects')
    .select(['regions.name as region_name', 'enterprises.name as enterprise_name', 'chain_nodes.name as node_name', 'chains.id as chain_id', 'chains.name as chain_name'])
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
