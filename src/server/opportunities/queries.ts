import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { InterestListQuery, OpportunityListQuery, PublicList } from '../../shared/opportunities.js';
import { nodesWithCounts } from '../chains/coverage.js';
import type { ChainNode } from '../../shared/chains.js';
import type { DB } from '../db/schema.js';
import { containsSearch } from '../db/search.js';
import type { Lang } from '../errors.js';
import { leadScope } from '../leads/policy.js';
import { PREFECTURE_CODE } from '../regions/data.js';
import { opportunityScope } from './policy.js';
import { presentGap, presentPublicOffer, type OpportunityRow } from './presenter.js';

type Db = Kysely<DB>;

// Region, chain and node names travel with every offer.
function withNames(db: Db) {
  return db
    .selectFrom('opportunities')
    .leftJoin('regions', 'regions.code', 'opportunities.region_code')
    .leftJoin('chains', 'chains.id', 'opportunities.chain_id')
    .leftJoin('chain_nodes', 'chain_nodes.id', 'opportunities.node_id')
    .selectAll('opportunities')
    .select(['regions.name as region_name', 'regions.name_en as region_name_en', 'chains.name as chain_name', 'chain_nodes.name as node_name']);
}

const interestCount = (eb: ExpressionBuilder<DB, 'opportunities'>) =>
  eb.selectFrom('public_interests').select((e) => e.fn.countAll<number>().as('n')).whereRef('public_interests.opportunity_id', '=', 'opportunities.id').as('interest_count');

function opportunityFilter(user: CurrentUser, query: OpportunityListQuery) {
  return (eb: ExpressionBuilder<DB, 'opportunities'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [opportunityScope(user)(eb)];
    if (query.region && query.region !== PREFECTURE_CODE) all.push(eb('opportunities.region_code', '=', query.region));
    if (query.chainId) all.push(eb('opportunities.chain_id', '=', query.chainId));
    if (query.published) all.push(eb('opportunities.published', '=', query.published === 'true' ? 1 : 0));
    if (query.q) {
      all.push(eb.or([containsSearch('opportunities.title', query.q), containsSearch('opportunities.title_en', query.q)] as Expression<SqlBool>[]));
    }
    return eb.and(all);
  };
}

const SORTS = { updatedAt: sql`opportunities.updated_at`, title: sql`opportunities.title`, investment: sql`opportunities.investment_yuan` };

export async function listOpportunities(db: Db, user: CurrentUser, query: OpportunityListQuery) {
  const filter = opportunityFilter(user, query);
  const direction = query.order === 'asc' ? sql`asc` : sql`desc`;
  const [rows, count] = await Promise.all([
    withNames(db)
      .select(interestCount)
      .where(filter)
      .orderBy(sql`${SORTS[query.sort]} ${direction} nulls last`)
      .orderBy('opportunities.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    db.selectFrom('opportunities').where(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as OpportunityRow[], total: Number(count.n) };
}

/** One offer if the user may see it; undefined otherwise, exactly as if it did not exist. */
export async function findVisibleOpportunity(db: Db, user: CurrentUser, id: number): Promise<OpportunityRow | undefined> {
  return withNames(db).select(interestCount).where('opportunities.id', '=', id).where(opportunityScope(user)).executeTakeFirst();
}

/**
 * The public page: published offers and the open gap nodes (缺链、弱链, as the chain map's coverage
 * rule decides them), grouped by cluster and chain. Clusters and chains with nothing open are left out.
 */
export async function publicOpportunities(db: Db, lang: Lang, counted?: ChainNode[]): Promise<PublicList> {
  const [clusters, chains, nodes, offers] = await Promise.all([
    db.selectFrom('clusters').select(['id', 'name']).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('chains').select(['id', 'cluster_id', 'name']).orderBy('id').execute(),
    counted ?? nodesWithCounts(db),
    withNames(db).where('opportunities.published', '=', 1).orderBy('opportunities.id').execute(),
  ]);
  const name = (id: number, zh: string) => ({ id, name: zh, translated: lang === 'zh' });
  const grouped = clusters.map((cluster) => ({
    cluster: name(cluster.id, cluster.name),
    chains: chains
      .filter((c) => c.cluster_id === cluster.id)
      .map((c) => ({
        chain: name(c.id, c.name),
        offers: offers.filter((o) => o.chain_id === c.id).map((o) => presentPublicOffer(o, lang)),
        gaps: nodes
          .filter((n) => n.chainId === c.id && n.status !== 'covered')
          .map((n) => presentGap({ id: n.id, name: n.name, position: n.position, status: n.status as 'missing' | 'weak' }, lang)),
      }))
      .filter((c) => c.offers.length > 0 || c.gaps.length > 0)
      // Offers are what a visitor came for: chains with offers first (sort is stable, so the map's order stays otherwise).
      .sort((a, b) => Number(b.offers.length > 0) - Number(a.offers.length > 0)),
  }));
  const offersIn = (c: (typeof grouped)[number]) => c.chains.reduce((n, ch) => n + ch.offers.length, 0);
  return {
    lang,
    clusters: grouped.filter((c) => c.chains.length > 0).sort((a, b) => Number(offersIn(b) > 0) - Number(offersIn(a) > 0)),
    otherOffers: offers.filter((o) => o.chain_id === null).map((o) => presentPublicOffer(o, lang)),
  };
}

/** Public submissions the user may see: those whose lead is in the user's lead scope. */
function interestBase(db: Db, user: CurrentUser, q: string | undefined) {
  let base = db
    .selectFrom('public_interests as pi')
    .innerJoin('leads', 'leads.id', 'pi.lead_id')
    .where(leadScope(user));
  if (q) base = base.where(containsSearch('leads.search_text', q));
  return base;
}

/** Submissions with their lead's fields and names, newest first; the page's or the export's rows. */
export function interestRows(db: Db, user: CurrentUser, q: string | undefined) {
  return interestBase(db, user, q)
    .leftJoin('opportunities as o', 'o.id', 'pi.opportunity_id')
    .leftJoin('chain_nodes as n', 'n.id', 'leads.node_id')
    .leftJoin('chains as c', 'c.id', 'leads.chain_id')
    .leftJoin('regions as r', 'r.code', 'leads.region_code')
    .select([
      'pi.id',
      'pi.created_at',
      'pi.address',
      'pi.lead_id',
      'pi.opportunity_id',
      'leads.status',
      'leads.enterprise_name',
      'leads.contact_name',
      'leads.contact_phone',
      'leads.contact_email',
      'leads.estimated_investment_yuan',
      'leads.note',
      'leads.node_id',
      'leads.chain_id',
      'leads.region_code',
      'o.title as opportunity_title',
      'n.name as node_name',
      'c.name as chain_name',
      'r.name as region_name',
    ])
    .orderBy('pi.id', 'desc');
}

export async function listInterests(db: Db, user: CurrentUser, query: InterestListQuery) {
  const [rows, count] = await Promise.all([
    interestRows(db, user, query.q)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    interestBase(db, user, query.q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
