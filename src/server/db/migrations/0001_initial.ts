import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(20)', (c) => c.references('regions.code'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('department', 'varchar(100)')
    .addColumn('enterprise_uscc', 'varchar(18)')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_regions')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addPrimaryKeyConstraint('user_regions_pk', ['user_id', 'region_code'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('username', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  let projects = withId(db, db.schema.createTable('projects'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('investor_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('investor_uscc', 'varchar(18)')
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('cluster', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('chain', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('investment_yuan', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('funds_in_place_yuan', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('capacity', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('chain_leader', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('officer', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('tag_green', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tag_innovation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tag_value', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('stage_date', 'varchar(10)', (c) => c.notNull());
  for (const stage of ['negotiating', 'signed', 'landed', 'started', 'operating', 'full_capacity']) {
    projects = projects.addColumn(`${stage}_on`, 'varchar(10)');
  }
  for (const stage of ['signed', 'landed', 'started', 'operating', 'full_capacity']) {
    projects = projects.addColumn(`planned_${stage}_on`, 'varchar(10)');
  }
  await projects
    .addColumn('next_planned_on', 'varchar(10)')
    .addColumn('terminated_reason', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('projects_region_stage_idx').on('projects').columns(['region_code', 'stage']).execute();
  await db.schema.createIndex('projects_next_planned_idx').on('projects').column('next_planned_on').execute();
  await db.schema.createIndex('projects_investor_uscc_idx').on('projects').column('investor_uscc').execute();
  await db.schema.createIndex('projects_updated_idx').on('projects').column('updated_at').execute();

  await withId(db, db.schema.createTable('project_transitions'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_stage', 'varchar(20)')
    .addColumn('to_stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reason', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_transitions_project_idx').on('project_transitions').column('project_id').execute();

  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'varchar(64)')
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('entity', 'varchar(40)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(40)')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'project_transitions', 'projects', 'login_throttle', 'sessions', 'user_regions', 'users', 'regions']) {
    await db.schema.dropTable(table).execute();
  }
}
