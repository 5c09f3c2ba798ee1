import type { Kysely } from 'kysely';
import type { Target, TargetList, TargetQuery } from '../../shared/chains.js';
import { todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import type { Lang } from '../errors.js';
import { explainTarget } from './explain.js';
import { findNode } from './queries.js';
import { rankCandidates, type Ranked } from './ranking.js';
import { findEnterpriseNames, findLinkDetails, walkHops, type LinkDetail } from './walk.js';

// A hub can reach leaders along hundreds of two-step paths; a card lists the strongest few and the
// explanation gives the full count.
const SHOWN_PATHS = 3;

/**
 * Outside enterprises on a node, ranked by how they already trade with our local chain leaders:
 * directly, or through one enterprise in between. The walk reads only link ends, volumes and dates
 * (an index each way); products, units and names are read for the paths shown.
 *
 * Every candidate is ranked, since any of them may rank first, but only those in `page` are
 * presented: at province scale reading and explaining every candidate's paths was most of the
 * request. Without `page`, every candidate is presented; `{ enterpriseId }` presents that one only
 * (recording a lead, which must not pay for explaining thousands of others).
 */
export async function nodeTargets(db: Kysely<DB>, nodeId: number, lang: Lang, page?: TargetQuery | { enterpriseId: number }): Promise<TargetList> {
  // One snapshot: the paths shown must still be there when their products and names are read.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => rankNodeTargets({ db: trx, nodeId, lang, page }));
}

async function rankNodeTargets(options: { db: Kysely<DB>; nodeId: number; lang: Lang; page?: TargetQuery | { enterpriseId: number } }): Promise<TargetList> {
  const { db, nodeId, lang, page } = options;
  const { node } = await findNode(db, nodeId);
  const [candidates, leaders, leads] = await Promise.all([
    db
      .selectFrom('enterprise_nodes as en')
      .innerJoin('enterprises as e', 'e.id', 'en.enterprise_id')
      .select(['e.id', 'e.name', 'e.uscc', 'e.province', 'e.city'])
      .where('en.node_id', '=', nodeId)
      .where('e.is_local', '=', 0)
      .execute(),
    // Asked as "enterprises among the leaders": joined the other way round, SQLite scans every enterprise.
    db
      .selectFrom('enterprises as e')
      .select(['e.id', 'e.name'])
      .where('e.id', 'in', (eb) => eb.selectFrom('chain_leaders').select('enterprise_id'))
      .where('e.is_local', '=', 1)
      .execute(),
    db.selectFrom('leads').select(['id', 'enterprise_id']).where('node_id', '=', nodeId).execute(),
  ]);
  const leaderIds = leaders.map((l) => l.id);
  // Two-step paths count only for candidates with no direct tie. Those with one are mostly the hubs,
  // so leaving out their other links leaves out most of the links a walk would read.
  const directTies = await walkHops({ db, from: sortedIds(candidates.map((c) => c.id)), to: leaderIds });
  const direct = new Set(directTies.map((h) => h.from));
  const firstHops = await walkHops({ db, from: sortedIds(candidates.map((c) => c.id).filter((id) => !direct.has(id))) });
  const leaderTies = await walkHops({ db, from: sortedIds(firstHops.map((h) => h.other)), to: leaderIds });
  const hops = [...directTies, ...firstHops];
  const ranked = rankCandidates({ candidates, leaders, hops, leaderTies, today: todayInShanghai(), shown: SHOWN_PATHS });
  const shown =
    page && 'enterpriseId' in page
      ? ranked.filter((r) => r.candidate.id === page.enterpriseId)
      : ranked.slice(page?.offset ?? 0, page ? (page.offset ?? 0) + page.limit : undefined);

  const names = new Map<number, string>([...candidates, ...leaders].map((e) => [e.id, e.name]));
  const shownHops = shown.flatMap((r) => r.paths.flatMap((p) => p.hops));
  const [links, middleNames] = await Promise.all([
    findLinkDetails({ db, ids: sortedIds(shownHops.map((h) => h.id)) }),
    findEnterpriseNames({ db, ids: sortedIds(shownHops.map((h) => h.other).filter((id) => !names.has(id))) }),
  ]);
  for (const [id, name] of middleNames) names.set(id, name);
  const leadIds = new Map(leads.map((l) => [l.enterprise_id, l.id]));
  const items = shown.map((r) => presentTarget({ ranked: r, links, names, leadId: leadIds.get(r.candidate.id) ?? null, lang }));
  return { node, items, total: ranked.length };
}

/** Distinct and ascending, so index lookups move forward through the index rather than jump about. */
function sortedIds(ids: number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

function presentTarget(options: { ranked: Ranked; links: Map<number, LinkDetail>; names: Map<number, string>; leadId: number | null; lang: Lang }): Target {
  const { ranked, links, names, leadId, lang } = options;
  const { candidate: c, tier, score, pathCount, leaderCount } = ranked;
  const party = (id: number) => ({ id, name: names.get(id) ?? String(id) });
  const step = (l: LinkDetail) => ({ supplier: party(l.supplier_id), customer: party(l.customer_id), product: l.product, volume: l.volume, unit: l.unit, date: l.date });
  const paths = ranked.paths.map((p) => ({ leader: party(p.leader), steps: p.hops.map((h) => step(links.get(h.id)!)) }));
  return {
    enterprise: { id: c.id, name: c.name, uscc: c.uscc, province: c.province, city: c.city },
    tier,
    score,
    paths,
    explanation: explainTarget({ candidate: c, tier, paths, pathCount, leaderCount, lang }),
    leadId,
  };
}
