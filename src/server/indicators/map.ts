import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { MapFigures, MapQuery } from '../../shared/indicators.js';
import { coverageOf, nodeStatus } from '../chains/coverage.js';
import type { DB } from '../db/schema.js';
import { REGION_CODES } from '../regions/data.js';
import { projectSums } from './figures.js';
import type { FigureFilter } from './scope.js';
import { regionsShown } from './table.js';

// Parks are regions of their own in the ledger but have no border on the county map: each is marked
// at the county it lies in (昌吉高新区 in 昌吉市; 准东开发区's administration sits in 吉木萨尔县).
const PARK_COUNTY: Record<string, string> = {
  [REGION_CODES.gaoxin]: REGION_CODES.changji,
  [REGION_CODES.zhundong]: REGION_CODES.jimsar,
};

/**
 * Each region's completeness: the chain module's node status and coverage rule, counting only the
 * local enterprises located in that region, over every node of every chain.
 */
async function completenessByRegion(db: Kysely<DB>): Promise<Map<string, number>> {
  const [nodes, counts] = await Promise.all([
    db.selectFrom('chain_nodes as n').innerJoin('chains as c', 'c.id', 'n.chain_id').select(['n.id', 'c.weak_threshold']).execute(),
    db
      .selectFrom('chain_node_counts')
      .where('is_local', '=', 1)
      .where('region_code', '!=', '')
      .select(['region_code', 'node_id', 'enterprises as n'])
      .execute(),
  ]);
  const byRegion = new Map<string, Map<number, number>>();
  for (const c of counts) {
    const perNode = byRegion.get(c.region_code) ?? new Map<number, number>();
    perNode.set(c.node_id, Number(c.n));
    byRegion.set(c.region_code, perNode);
  }
  return new Map(
    [...byRegion].map(([region, perNode]) => [region, coverageOf(nodes.map((n) => ({ status: nodeStatus(perNode.get(n.id) ?? 0, n.weak_threshold) }))).completeness]),
  );
}

export async function mapFigures(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, figure: MapQuery['figure']): Promise<MapFigures> {
  const values = new Map<string, number>();
  if (figure === 'completeness') {
    for (const [code, rate] of await completenessByRegion(db)) values.set(code, rate);
  } else {
    const sums = await projectSums(db, user, filter, 'region');
    for (const [code, s] of sums) values.set(code, Number(figure === 'projects' ? s.signed : figure === 'investment' ? s.investment : s.overdue));
  }
  // A region officer's map holds their own regions; everyone else's draws every county.
  const shown = await regionsShown(db, user, filter, values.keys(), true);
  const regions = shown.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind as 'county' | 'park',
    parentCode: r.kind === 'park' ? (PARK_COUNTY[r.code] ?? r.parent_code) : r.parent_code,
    value: values.get(r.code) ?? 0,
  }));
  return { figure, regions, max: regions.reduce((m, r) => Math.max(m, r.value), 0) };
}
