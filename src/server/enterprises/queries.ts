import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { EnterpriseExportQuery, EnterpriseListQuery } from '../../shared/enterprises.js';
import { isValidUscc } from '../../shared/uscc.js';
import type { DB } from '../db/schema.js';
import { isPostgres } from '../db/migrations/helpers.js';
import { searchPlan, textSearch, type SearchPlan } from '../db/search.js';
import { PREFECTURE_CODE } from '../regions/data.js';
import { enterpriseScope } from './policy.js';

const SORTS = { name: sql`enterprises.name`, updatedAt: sql`enterprises.updated_at`, createdAt: sql`enterprises.created_at` } as const;

/** Sorts with an index: a search with many matches walks it instead of sorting every match. */
const INDEXED_SORTS = new Set<keyof typeof SORTS>(['name', 'updatedAt']);
export function filteredEnterprises(db: Kysely<DB>, user: CurrentUser, f: EnterpriseExportQuery, plan: SearchPlan = {}) {
  let query = db.selectFrom('enterprises').leftJoin('regions', 'regions.code', 'enterprises.region_code').where(enterpriseScope(user));
  if (f.q) {
    const code = f.q.trim().toUpperCase();
    // A whole credit code is looked up through its unique index instead of scanning every name.
    query = isValidUscc(code)
      ? query.where('enterprises.uscc', '=', code)
      : query.where(textSearch(db, 'enterprises', f.q, { many: plan.many && INDEXED_SORTS.has(f.sort) }));
  }
  if (f.region && f.region !== PREFECTURE_CODE) query = query.where('enterprises.region_code', '=', f.region);
  if (f.local) query = query.where('enterprises.is_local', '=', f.local === 'true' ? 1 : 0);
  if (f.size) query = query.where('enterprises.size', '=', f.size);
  if (f.nodeId) {
    const nodeId = f.nodeId;
    query = query.where((eb) => eb.exists(eb.selectFrom('enterprise_nodes as en').select('en.node_id').whereRef('en.enterprise_id', '=', 'enterprises.id').where('en.node_id', '=', nodeId)));
  }
  if (f.chainId) {
    const chainId = f.chainId;
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('enterprise_nodes as en').innerJoin('chain_nodes as n', 'n.id', 'en.node_id').select('en.node_id').whereRef('en.enterprise_id', '=', 'enterprises.id').where('n.chain_id', '=', chainId),
      ),
    );
  }
  if (f.leader) {
    query = query.where((eb) => {
      const leads = eb.exists(eb.selectFrom('chain_leaders as l').select('l.chain_id').whereRef('l.enterprise_id', '=', 'enterprises.id'));
      return f.leader === 'true' ? leads : eb.not(leads);
    });
  }
  return query;
}

/**
 * PostgreSQL cannot tell how rare a pair is (「滨丰」: 59 of 1,000,000, estimated 4,400) and walks the
 * sort's index past hundreds of thousands of rows; with few matches known, sorting on an expression
 * the index does not hold makes it fetch the matches and sort them instead.
 */
function sortKey(db: Kysely<DB>, sort: keyof typeof SORTS, plan: SearchPlan) {
  return plan.few && isPostgres(db) ? sql`(${SORTS[sort]} || '')` : SORTS[sort];
}

export function sortedEnterprises(db: Kysely<DB>, user: CurrentUser, f: EnterpriseExportQuery, plan: SearchPlan = {}) {
  const direction = f.order === 'asc' ? sql`asc` : sql`desc`;
  return filteredEnterprises(db, user, f, plan)
    .selectAll('enterprises')
    .select('regions.name as region_name')
    .orderBy(sql`${sortKey(db, f.sort, plan)} ${direction}`)
    .orderBy('enterprises.id', 'desc');
}

/** True when nothing but the text narrows the list, so the search index alone knows the total. */
function onlyText(user: CurrentUser, f: EnterpriseListQuery): boolean {
  const region = f.region && f.region !== PREFECTURE_CODE;
  return user.role !== 'enterprise' && !region && !f.local && !f.size && !f.nodeId && !f.chainId && !f.leader;
}

export async function listEnterprises(db: Kysely<DB>, user: CurrentUser, q: EnterpriseListQuery) {
  const plan = await searchPlan(db, 'enterprises', q.q && !isValidUscc(q.q.trim().toUpperCase()) ? q.q : undefined);
  const { matches } = plan;
  const [rows, total] = await Promise.all([
    sortedEnterprises(db, user, q, plan).limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    matches !== null && onlyText(user, q)
      ? matches
      : filteredEnterprises(db, user, q, plan).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((c) => Number(c.n)),
  ]);
  return { rows, total };
}

export function findVisibleEnterprise(db: Kysely<DB>, user: CurrentUser, id: number) {
  return db
    .selectFrom('enterprises')
    .leftJoin('regions', 'regions.code', 'enterprises.region_code')
    .selectAll('enterprises')
    .select('regions.name as region_name')
    .where('enterprises.id', '=', id)
    .where(enterpriseScope(user))
    .executeTakeFirst();
}
