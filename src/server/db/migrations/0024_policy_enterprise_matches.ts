import type { Kysely } from 'kysely';

// A policy's qualifying enterprises, kept as a list (policies/enterprise-matches.ts). At province scale
// a cluster rule admits ≈176k enterprises through their chain nodes and a project rule ≈62k through
// their projects; intersecting them for every page and count took 0.8–2.5 s. The list is recomputed
// when the policy's resolved rules or the enterprise and project data have changed since it was made.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('policy_enterprise_matches')
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addPrimaryKeyConstraint('policy_enterprise_matches_pk', ['policy_id', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('policy_enterprise_matches_name_idx').on('policy_enterprise_matches').columns(['policy_id', 'name', 'enterprise_id']).execute();
  await db.schema
    .createIndex('policy_enterprise_matches_region_idx')
    .on('policy_enterprise_matches')
    .columns(['policy_id', 'region_code', 'name', 'enterprise_id'])
    .execute();
  await db.schema
    .createTable('policy_match_runs')
    .addColumn('policy_id', 'integer', (c) => c.primaryKey().references('policies.id').onDelete('cascade'))
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('policy_match_runs').execute();
  await db.schema.dropTable('policy_enterprise_matches').execute();
}
