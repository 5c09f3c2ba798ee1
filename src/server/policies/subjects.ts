import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { MatchSubject, ProjectFacts, RuleNames } from '../../shared/policies.js';
import type { EnterpriseSize, ProjectTag } from '../../shared/service-catalog.js';
import type { AnyStage } from '../../shared/stages.js';
import type { DB } from '../db/schema.js';
import { projectScope } from '../projects/policy.js';
import { policyEnterpriseScope } from './policy.js';

type Db = Kysely<DB>;

interface ProjectColumns {
  name: string;
  stage: string;
  investment_yuan: number;
  tag_green: number;
  tag_innovation: number;
  tag_value: number;
}

function projectFacts(row: ProjectColumns): ProjectFacts {
  const tags: ProjectTag[] = [];
  if (row.tag_green) tags.push('green');
  if (row.tag_innovation) tags.push('innovation');
  if (row.tag_value) tags.push('value');
  return { name: row.name, stage: row.stage as AnyStage, investmentYuan: Number(row.investment_yuan), tags };
}

const PROJECT_FACT_COLUMNS = ['projects.name', 'projects.stage', 'projects.investment_yuan', 'projects.tag_green', 'projects.tag_innovation', 'projects.tag_value'] as const;

/** One project as matchPolicy reads it, if the user may see the project; undefined otherwise. */
export async function projectSubject(db: Db, user: CurrentUser, id: number): Promise<MatchSubject | undefined> {
  const row = await db
    .selectFrom('projects')
    .leftJoin('regions as r', 'r.code', 'projects.region_code')
    .leftJoin('enterprises as e', 'e.id', 'projects.enterprise_id')
    .select([...PROJECT_FACT_COLUMNS, 'projects.cluster', 'projects.region_code', 'r.parent_code', 'e.size'])
    .where('projects.id', '=', id)
    .where(projectScope(user))
    .executeTakeFirst();
  if (!row) return undefined;
  return { kind: 'project', ...projectFacts(row), cluster: row.cluster, regionCode: row.region_code, regionParentCode: row.parent_code ?? null, size: (row.size ?? null) as EnterpriseSize | null };
}

/** One enterprise as matchPolicy reads it: its clusters through its chain nodes and its projects. */
export async function enterpriseSubject(db: Db, user: CurrentUser, id: number): Promise<MatchSubject | undefined> {
  const row = await db
    .selectFrom('enterprises')
    .leftJoin('regions as r', 'r.code', 'enterprises.region_code')
    .select(['enterprises.id', 'enterprises.region_code', 'enterprises.size', 'r.parent_code'])
    .where('enterprises.id', '=', id)
    .where(policyEnterpriseScope(user))
    .executeTakeFirst();
  if (!row) return undefined;
  const [clusters, projects] = await Promise.all([
    db
      .selectFrom('enterprise_nodes as en')
      .innerJoin('chain_nodes as n', 'n.id', 'en.node_id')
      .innerJoin('chains as c', 'c.id', 'n.chain_id')
      .innerJoin('clusters as cl', 'cl.id', 'c.cluster_id')
      .select('cl.name')
      .distinct()
      .where('en.enterprise_id', '=', id)
      .execute(),
    db.selectFrom('projects').select([...PROJECT_FACT_COLUMNS, 'projects.cluster']).where('projects.enterprise_id', '=', id).orderBy('projects.id').execute(),
  ]);
  // As enterpriseMatches: the clusters of its chain nodes and of its live projects.
  const projectClusters = projects.filter((p) => p.stage !== 'terminated').map((p) => p.cluster);
  return {
    kind: 'enterprise',
    clusters: [...new Set([...clusters.map((c) => c.name), ...projectClusters])],
    regionCode: row.region_code,
    regionParentCode: row.parent_code ?? null,
    size: row.size,
    projects: projects.map(projectFacts),
  };
}

/** The id of the enterprise an enterprise user acts for, if it is in the base. */
export async function ownEnterpriseId(db: Db, user: CurrentUser): Promise<number | undefined> {
  if (user.role !== 'enterprise' || !user.enterpriseUscc) return undefined;
  const row = await db.selectFrom('enterprises').select('id').where('uscc', '=', user.enterpriseUscc).executeTakeFirst();
  return row?.id;
}

/** Region names for rule texts. */
export async function ruleNames(db: Db): Promise<RuleNames> {
  const rows = await db.selectFrom('regions').select(['code', 'name', 'name_en']).execute();
  return { regions: Object.fromEntries(rows.map((r) => [r.code, { zh: r.name, en: r.name_en }])) };
}
