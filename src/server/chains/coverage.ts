import type { Kysely } from 'kysely';
import type { ChainNode, Coverage, NodeStatus } from '../../shared/chains.js';
import type { DB } from '../db/schema.js';

/** 缺链 with no local enterprise, 弱链 below the chain's threshold, otherwise covered. */
export function nodeStatus(localCount: number, weakThreshold: number): NodeStatus {
  if (localCount === 0) return 'missing';
  return localCount < weakThreshold ? 'weak' : 'covered';
}

export function coverageOf(nodes: Pick<ChainNode, 'status'>[]): Coverage {
  const count = (s: NodeStatus) => nodes.filter((n) => n.status === s).length;
  const missing = count('missing');
  const weak = count('weak');
  const covered = count('covered');
  const completeness = nodes.length === 0 ? 0 : (covered + weak / 2) / nodes.length;
  return { nodes: nodes.length, missing, weak, covered, completeness: Math.round(completeness * 1000) / 1000 };
}

/** Nodes with their local and outside enterprise counts: of the given chains or nodes, else every node. */
export async function nodesWithCounts(db: Kysely<DB>, filter: { chainIds?: number[]; nodeIds?: number[] } = {}): Promise<ChainNode[]> {
  const { chainIds, nodeIds } = filter;
  let query = db
    .selectFrom('chain_nodes as n')
    .innerJoin('chains as c', 'c.id', 'n.chain_id')
    // The counts kept on write (0032, enterprises/node-counts.ts): a few rows per node, where joining
    // enterprise_nodes to enterprises read 1.4 million pairs at province scale.
    .leftJoin('chain_node_counts as k', 'k.node_id', 'n.id')
    .select((eb) => [
      'n.id',
      'n.chain_id',
      'n.name',
      'n.position',
      'n.sort_order',
      'c.weak_threshold',
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('k.is_local', '=', 1).then(eb.ref('k.enterprises')).end()), eb.lit(0)).as('local_count'),
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('k.is_local', '=', 0).then(eb.ref('k.enterprises')).end()), eb.lit(0)).as('outside_count'),
    ])
    .groupBy(['n.id', 'n.chain_id', 'n.name', 'n.position', 'n.sort_order', 'c.weak_threshold'])
    .orderBy('n.chain_id')
    .orderBy('n.sort_order')
    .orderBy('n.id');
  if (chainIds) query = query.where('n.chain_id', 'in', chainIds.length ? chainIds : [-1]);
  if (nodeIds) query = query.where('n.id', 'in', nodeIds.length ? nodeIds : [-1]);
  const rows = await query.execute();
  return rows.map((r) => {
    const localCount = Number(r.local_count);
    return {
      id: r.id,
      chainId: r.chain_id,
      name: r.name,
      position: r.position,
      sortOrder: r.sort_order,
      localCount,
      outsideCount: Number(r.outside_count),
      status: nodeStatus(localCount, r.weak_threshold),
    };
  });
}
