import { sql, type Kysely } from 'kysely';

// The chain map's coverage (缺链/弱链), the command view's completeness and the county map counted
// local enterprises per node by joining every enterprise_nodes row (1.4 million at province scale) to
// the wide enterprises rows: 3.5–6.7 s per request. This table keeps those counts per node, region
// ('' for none) and local/outside, adjusted in the same transaction as every write that adds or
// removes an enterprise's nodes or moves it (enterprises/node-counts.ts). A deleted node takes its
// counts with it, as it takes its enterprise_nodes rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chain_node_counts')
    .addColumn('node_id', 'integer', (c) => c.notNull().references('chain_nodes.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_local', 'integer', (c) => c.notNull())
    .addColumn('enterprises', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('chain_node_counts_pk', ['node_id', 'region_code', 'is_local'])
    .execute();
  // Frozen copy of the rule as it stands here; the live one is enterprises/node-counts.ts.
  await sql`
    insert into chain_node_counts (node_id, region_code, is_local, enterprises)
    select en.node_id, coalesce(e.region_code, ''), e.is_local, count(*)
    from enterprise_nodes en join enterprises e on e.id = en.enterprise_id
    group by en.node_id, coalesce(e.region_code, ''), e.is_local
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chain_node_counts').execute();
}
