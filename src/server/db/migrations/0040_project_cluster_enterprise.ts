import type { Kysely } from 'kysely';

// A cluster rule now admits an enterprise through its live projects as well as its chain nodes; the
// stored policy → enterprises list is made again after writes, and this index answers "enterprises
// with a project in these clusters" without reading the projects table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('projects_cluster_enterprise_idx').ifNotExists().on('projects').columns(['cluster', 'stage', 'enterprise_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('projects_cluster_enterprise_idx').execute();
}
