import type { Kysely } from 'kysely';
import type { TargetList } from '../../shared/chains.js';
import { todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import type { Lang } from '../errors.js';
import { findNode } from './queries.js';
import { rankTargets, type Link } from './ranking.js';

const LINK_COLUMNS = ['supplier_id', 'customer_id', 'product', 'volume', 'unit', 'date'] as const;

/** Links with one end in `a` and the other in `b`, in either direction. */
function linksBetween(db: Kysely<DB>, a: number[], b: number[]): Promise<Link[]> {
  if (a.length === 0 || b.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('supply_links')
    .select(LINK_COLUMNS)
    .where((eb) =>
      eb.or([
        eb.and([eb('supplier_id', 'in', a), eb('customer_id', 'in', b)]),
        eb.and([eb('customer_id', 'in', a), eb('supplier_id', 'in', b)]),
      ]),
    )
    .execute();
}

/**
 * Outside enterprises on a node, ranked by how they already trade with our local chain leaders:
 * directly, or through one enterprise in between.
 */
export async function nodeTargets(db: Kysely<DB>, nodeId: number, lang: Lang): Promise<TargetList> {
  const { node } = await findNode(db, nodeId);
  const [candidates, leaders, leads] = await Promise.all([
    db
      .selectFrom('enterprise_nodes as en')
      .innerJoin('enterprises as e', 'e.id', 'en.enterprise_id')
      .select(['e.id', 'e.name', 'e.uscc', 'e.province', 'e.city'])
      .where('en.node_id', '=', nodeId)
      .where('e.is_local', '=', 0)
      .execute(),
    db
      .selectFrom('chain_leaders as l')
      .innerJoin('enterprises as e', 'e.id', 'l.enterprise_id')
      .select(['e.id', 'e.name'])
      .where('e.is_local', '=', 1)
      .distinct()
      .execute(),
    db.selectFrom('leads').select(['id', 'enterprise_id']).where('node_id', '=', nodeId).execute(),
  ]);
  const candidateIds = candidates.map((c) => c.id);
  const leaderIds = leaders.map((l) => l.id);
  const direct = await linksBetween(db, candidateIds, leaderIds);
  // The middle of a two-step path: anyone trading with a candidate who is not a leader (another candidate counts).
  const firstHops = candidateIds.length
    ? await db
        .selectFrom('supply_links')
        .select(LINK_COLUMNS)
        .where((eb) => eb.or([eb('supplier_id', 'in', candidateIds), eb('customer_id', 'in', candidateIds)]))
        .execute()
    : [];
  const exclude = new Set(leaderIds);
  const middles = [...new Set(firstHops.flatMap((l) => [l.supplier_id, l.customer_id]).filter((id) => !exclude.has(id)))];
  const secondHops = await linksBetween(db, middles, leaderIds);
  const names = new Map<number, string>([...candidates, ...leaders].map((e) => [e.id, e.name]));
  if (middles.length) {
    const rows = await db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', middles).execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  const links = dedupe([...direct, ...firstHops, ...secondHops]);
  const items = rankTargets({
    candidates,
    leaders,
    names,
    links,
    leadIds: new Map(leads.map((l) => [l.enterprise_id, l.id])),
    today: todayInShanghai(),
    lang,
  });
  return { node, items };
}

function dedupe(links: Link[]): Link[] {
  const seen = new Map<string, Link>();
  for (const l of links) seen.set(`${l.supplier_id}|${l.customer_id}|${l.product}`, l);
  return [...seen.values()];
}
