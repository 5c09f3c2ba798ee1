import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { ChainDetail, ClusterList, NodeDetail } from '../../shared/chains.js';
import type { DB } from '../db/schema.js';
import { enterpriseScope } from '../enterprises/policy.js';
import { NotFoundError } from '../errors.js';
import { projectScope } from '../projects/policy.js';
import { CHAIN_NOUN, NODE_NOUN } from './policy.js';
import { coverageOf, nodesWithCounts } from './coverage.js';

export async function listClusters(db: Kysely<DB>): Promise<ClusterList> {
  const [clusters, chains, nodes] = await Promise.all([
    db.selectFrom('clusters').selectAll().orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('chains').select(['id', 'cluster_id', 'name', 'weak_threshold']).orderBy('id').execute(),
    nodesWithCounts(db),
  ]);
  return {
    items: clusters.map((cluster) => {
      const own = chains.filter((c) => c.cluster_id === cluster.id);
      return {
        id: cluster.id,
        code: cluster.code,
        name: cluster.name,
        coverage: coverageOf(nodes.filter((n) => own.some((c) => c.id === n.chainId))),
        chains: own.map((c) => ({
          id: c.id,
          clusterId: c.cluster_id,
          name: c.name,
          weakThreshold: c.weak_threshold,
          coverage: coverageOf(nodes.filter((n) => n.chainId === c.id)),
        })),
      };
    }),
  };
}

export async function chainDetail(db: Kysely<DB>, id: number): Promise<ChainDetail> {
  const chain = await db
    .selectFrom('chains')
    .innerJoin('clusters', 'clusters.id', 'chains.cluster_id')
    .selectAll('chains')
    .select('clusters.name as cluster_name')
    .where('chains.id', '=', id)
    .executeTakeFirst();
  if (!chain) throw new NotFoundError(CHAIN_NOUN);
  const [nodes, links, leaders] = await Promise.all([
    nodesWithCounts(db, { chainIds: [id] }),
    db.selectFrom('chain_node_links').select(['id', 'from_node_id', 'to_node_id']).where('chain_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('chain_leaders as l')
      .innerJoin('enterprises as e', 'e.id', 'l.enterprise_id')
      .leftJoin('regions as r', 'r.code', 'e.region_code')
      .select(['e.id', 'e.name', 'e.is_local', 'r.name as region_name'])
      .where('l.chain_id', '=', id)
      .orderBy('e.name')
      .execute(),
  ]);
  return {
    id: chain.id,
    clusterId: chain.cluster_id,
    clusterName: chain.cluster_name,
    name: chain.name,
    description: chain.description,
    weakThreshold: chain.weak_threshold,
    coverage: coverageOf(nodes),
    nodes,
    links: links.map((l) => ({ id: l.id, fromNodeId: l.from_node_id, toNodeId: l.to_node_id })),
    leaders: leaders.map((l) => ({ id: l.id, name: l.name, isLocal: l.is_local === 1, regionName: l.region_name })),
  };
}

export async function findNode(db: Kysely<DB>, id: number) {
  const node = await db
    .selectFrom('chain_nodes')
    .innerJoin('chains', 'chains.id', 'chain_nodes.chain_id')
    .select(['chain_nodes.id', 'chain_nodes.chain_id', 'chains.name as chain_name'])
    .where('chain_nodes.id', '=', id)
    .executeTakeFirst();
  if (!node) throw new NotFoundError(NODE_NOUN);
  // Only this node's enterprises: counting the whole chain's cost ranked targets time that grows with the chain.
  const [counted] = await nodesWithCounts(db, { nodeIds: [id] });
  return { node: counted, chain: { id: node.chain_id, name: node.chain_name } };
}

export async function nodeDetail(db: Kysely<DB>, user: CurrentUser, id: number): Promise<NodeDetail> {
  const { node, chain } = await findNode(db, id);
  const [enterprises, projects] = await Promise.all([
    db
      .selectFrom('enterprise_nodes as en')
      .innerJoin('enterprises', 'enterprises.id', 'en.enterprise_id')
      .leftJoin('regions as r', 'r.code', 'enterprises.region_code')
      .select((eb) => [
        'enterprises.id',
        'enterprises.name',
        'enterprises.uscc',
        'enterprises.is_local',
        'enterprises.province',
        'enterprises.city',
        'r.name as region_name',
        eb
          .exists(eb.selectFrom('chain_leaders as l').select('l.chain_id').whereRef('l.enterprise_id', '=', 'enterprises.id').where('l.chain_id', '=', chain.id))
          .as('is_leader'),
      ])
      .where('en.node_id', '=', id)
      .where(enterpriseScope(user))
      .orderBy('enterprises.is_local', 'desc')
      .orderBy('enterprises.name')
      .execute(),
    db
      .selectFrom('projects')
      .innerJoin('regions', 'regions.code', 'projects.region_code')
      .select(['projects.id', 'projects.name', 'projects.stage', 'projects.investment_yuan', 'regions.name as region_name'])
      .where('projects.node_id', '=', id)
      .where(projectScope(user))
      .orderBy('projects.id')
      .execute(),
  ]);
  return {
    node,
    chain,
    enterprises: enterprises.map((e) => ({
      id: e.id,
      name: e.name,
      uscc: e.uscc,
      isLocal: e.is_local === 1,
      regionName: e.region_name,
      province: e.province,
      city: e.city,
      isLeader: Boolean(e.is_leader),
    })),
    projects: projects.map((p) => ({ id: p.id, name: p.name, stage: p.stage, regionName: p.region_name, investmentYuan: Number(p.investment_yuan) })),
  };
}
