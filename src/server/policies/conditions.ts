import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { PolicyRules } from '../../shared/policies.js';
import type { ProjectTag } from '../../shared/service-catalog.js';
import type { DB } from '../db/schema.js';

const TAG_COLUMNS: Record<ProjectTag, 'tag_green' | 'tag_innovation' | 'tag_value'> = {
  green: 'tag_green',
  innovation: 'tag_innovation',
  value: 'tag_value',
};

/**
 * The rule's region codes and every region whose parent is one of them (a county's parks, the
 * prefecture's counties), read once from the small regions table so the match itself is a plain IN.
 */
export async function expandRegionCodes(db: Kysely<DB>, codes: string[]): Promise<string[]> {
  const children = await db.selectFrom('regions').select('code').where('parent_code', 'in', codes).execute();
  return [...new Set([...codes, ...children.map((c) => c.code)])];
}

/** The chain nodes of the named clusters, from the small chain-map tables. */
async function clusterNodeIds(db: Kysely<DB>, clusters: string[]): Promise<number[]> {
  const rows = await db
    .selectFrom('chain_nodes as n')
    .innerJoin('chains as c', 'c.id', 'n.chain_id')
    .innerJoin('clusters as cl', 'cl.id', 'c.cluster_id')
    .select('n.id')
    .where('cl.name', 'in', clusters)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A policy's rules with what the small tables answer resolved first: the region rule widened to its
 * parks and the cluster rule turned into chain nodes, so the big tables see plain IN lists.
 */
export interface SqlRules extends PolicyRules {
  expandedRegionCodes?: string[];
  clusterNodeIds?: number[];
}

export async function sqlRules(db: Kysely<DB>, rules: PolicyRules): Promise<SqlRules> {
  return {
    ...rules,
    expandedRegionCodes: rules.regionCodes ? await expandRegionCodes(db, rules.regionCodes) : undefined,
    clusterNodeIds: rules.clusters ? await clusterNodeIds(db, rules.clusters) : undefined,
  };
}



/**
 * Stage, investment and tag rules on one project row (`projects` or the alias `p`). Terminated
 * projects qualify for nothing, as in matchPolicy.
 */
function projectLevel(eb: ExpressionBuilder<any, any>, t: 'projects' | 'p', rules: PolicyRules): Expression<SqlBool>[] {
  const all: Expression<SqlBool>[] = [eb(`${t}.stage`, '<>', 'terminated')];
  if (rules.stages) all.push(eb(`${t}.stage`, 'in', rules.stages));
  if (rules.minInvestmentYuan !== undefined) all.push(eb(`${t}.investment_yuan`, '>=', rules.minInvestmentYuan));
  if (rules.maxInvestmentYuan !== undefined) all.push(eb(`${t}.investment_yuan`, '<=', rules.maxInvestmentYuan));
  if (rules.tags) all.push(eb.or(rules.tags.map((tag) => eb(`${t}.${TAG_COLUMNS[tag]}`, '=', 1))));
  return all;
}

/** Every rule as one condition on `projects`: the project's own columns and its enterprise's size. */
export function projectMatches(rules: SqlRules) {
  return (eb: ExpressionBuilder<DB, 'projects'>): Expression<SqlBool> => {
    const all = projectLevel(eb as ExpressionBuilder<any, any>, 'projects', rules);
    if (rules.clusters) all.push(eb('projects.cluster', 'in', rules.clusters));
    if (rules.expandedRegionCodes) all.push(eb('projects.region_code', 'in', rules.expandedRegionCodes));
    if (rules.sizes) {
      const sizes = rules.sizes;
      all.push(eb.exists(eb.selectFrom('enterprises as e').select('e.id').whereRef('e.id', '=', 'projects.enterprise_id').where('e.size', 'in', sizes)));
    }
    return eb.and(all);
  };
}

/**
 * Every rule as one condition on `enterprises`: clusters through its chain nodes or live projects, its own region and
 * size, and the project-level rules met together by one of its projects. The node and project rules
 * are uncorrelated IN sets, built once per query rather than probed once per enterprise.
 */
export function enterpriseMatches(rules: SqlRules) {
  return (eb: ExpressionBuilder<DB, 'enterprises'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    if (rules.clusters) {
      // An enterprise is in a cluster through its chain nodes or through a live project of its own:
      // an investor on no chain node yet is still the cluster's enterprise once it builds there.
      const viaProjects = eb('enterprises.id', 'in', eb.selectFrom('projects as cp').select('cp.enterprise_id').where('cp.cluster', 'in', rules.clusters).where('cp.stage', '<>', 'terminated').$narrowType<{ enterprise_id: number }>());
      const nodes = rules.clusterNodeIds ?? [];
      all.push(nodes.length === 0 ? viaProjects : eb.or([eb('enterprises.id', 'in', eb.selectFrom('enterprise_nodes as en').select('en.enterprise_id').where('en.node_id', 'in', nodes)), viaProjects]));
    }
    if (rules.expandedRegionCodes) all.push(eb('enterprises.region_code', 'in', rules.expandedRegionCodes));
    if (rules.sizes) all.push(eb('enterprises.size', 'in', rules.sizes));
    if (rules.stages || rules.minInvestmentYuan !== undefined || rules.maxInvestmentYuan !== undefined || rules.tags) {
      all.push(
        eb(
          'enterprises.id',
          'in',
          eb
            .selectFrom('projects as p')
            .select('p.enterprise_id')
            .where('p.enterprise_id', 'is not', null)
            .where((pe) => pe.and(projectLevel(pe as ExpressionBuilder<any, any>, 'p', rules)))
            .$narrowType<{ enterprise_id: number }>(),
        ),
      );
    }
    return all.length ? eb.and(all) : sql<SqlBool>`1 = 1`;
  };
}
