import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('clusters'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('chains'))
    .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('weak_threshold', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chains_cluster_idx').on('chains').column('cluster_id').execute();

  await withId(db, db.schema.createTable('chain_nodes'))
    .addColumn('chain_id', 'integer', (c) => c.notNull().references('chains.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('position', 'varchar(20)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('chain_nodes_chain_idx').on('chain_nodes').column('chain_id').execute();

  await withId(db, db.schema.createTable('chain_node_links'))
    .addColumn('chain_id', 'integer', (c) => c.notNull().references('chains.id').onDelete('cascade'))
    .addColumn('from_node_id', 'integer', (c) => c.notNull().references('chain_nodes.id').onDelete('cascade'))
    .addColumn('to_node_id', 'integer', (c) => c.notNull().references('chain_nodes.id').onDelete('cascade'))
    .addUniqueConstraint('chain_node_links_unique', ['from_node_id', 'to_node_id'])
    .execute();

  await withId(db, db.schema.createTable('enterprises'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('uscc', 'varchar(18)', (c) => c.notNull().unique())
    .addColumn('is_local', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.references('regions.code'))
    .addColumn('province', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('city', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('size', 'varchar(10)')
    .addColumn('contact_name', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprises_region_idx').on('enterprises').columns(['region_code', 'is_local']).execute();
  await db.schema.createIndex('enterprises_updated_idx').on('enterprises').column('updated_at').execute();

  await db.schema
    .createTable('enterprise_nodes')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('node_id', 'integer', (c) => c.notNull().references('chain_nodes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('enterprise_nodes_pk', ['enterprise_id', 'node_id'])
    .execute();
  await db.schema.createIndex('enterprise_nodes_node_idx').on('enterprise_nodes').columns(['node_id', 'enterprise_id']).execute();

  await db.schema
    .createTable('chain_leaders')
    .addColumn('chain_id', 'integer', (c) => c.notNull().references('chains.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('chain_leaders_pk', ['chain_id', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('chain_leaders_enterprise_idx').on('chain_leaders').column('enterprise_id').execute();

  await withId(db, db.schema.createTable('supply_links'))
    .addColumn('supplier_id', 'integer', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('product', 'varchar(100)', (c) => c.notNull())
    .addColumn('volume', 'double precision')
    .addColumn('unit', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('date', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('supply_links_unique', ['supplier_id', 'customer_id', 'product'])
    .execute();
  await db.schema.createIndex('supply_links_customer_idx').on('supply_links').columns(['customer_id', 'supplier_id']).execute();

  await db.schema.alterTable('projects').addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id')).execute();
  await db.schema.alterTable('projects').addColumn('node_id', 'integer', (c) => c.references('chain_nodes.id')).execute();
  await db.schema.createIndex('projects_node_idx').on('projects').column('node_id').execute();
  await db.schema.createIndex('projects_enterprise_idx').on('projects').column('enterprise_id').execute();

  await withId(db, db.schema.createTable('leads'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('node_id', 'integer', (c) => c.notNull().references('chain_nodes.id'))
    .addColumn('region_code', 'varchar(20)', (c) => c.references('regions.code'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('new'))
    .addColumn('source', 'varchar(30)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('score', 'double precision')
    .addColumn('explanation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('leads_enterprise_node_unique', ['enterprise_id', 'node_id'])
    .execute();

  await withId(db, db.schema.createTable('import_jobs'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('message', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['import_jobs', 'leads']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('projects').dropColumn('node_id').execute();
  await db.schema.alterTable('projects').dropColumn('enterprise_id').execute();
  for (const t of ['supply_links', 'chain_leaders', 'enterprise_nodes', 'enterprises', 'chain_node_links', 'chain_nodes', 'chains', 'clusters']) {
    await db.schema.dropTable(t).execute();
  }
}
