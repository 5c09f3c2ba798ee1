import type { Kysely } from 'kysely';

// Issue 7: the admin's red/yellow/green thresholds per 考核 indicator, and the indexes the command
// view's figures read. A figure is one grouped pass over a period's cohort (projects signed in it,
// requests raised in it); with the columns it needs in the index it never reads the wide rows. The
// requests' index leads with status: the figures read only the closed ones, two ranges of it; it
// carries enterprise_id so an enterprise user's scope is checked inside it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_targets')
    .addColumn('indicator', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('green', 'double precision', (c) => c.notNull())
    .addColumn('yellow', 'double precision', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('projects_cohort_idx')
    .on('projects')
    .columns(['signed_on', 'region_code', 'cluster', 'stage', 'landed_on', 'started_on', 'operating_on', 'full_capacity_on', 'next_planned_on', 'investment_yuan', 'funds_in_place_yuan'])
    .execute();
  // The monthly trend counts starts and operations by their own month.
  await db.schema.createIndex('projects_started_idx').on('projects').columns(['started_on', 'region_code', 'cluster']).execute();
  await db.schema.createIndex('projects_operating_idx').on('projects').columns(['operating_on', 'region_code', 'cluster']).execute();
  // The monthly report's stage moves: the month's transitions, not all of them.
  await db.schema.createIndex('project_transitions_date_idx').on('project_transitions').columns(['date', 'kind', 'project_id']).execute();
  // The funnel's 洽谈 bar: projects that entered negotiation in the period and have not signed.
  await db.schema.createIndex('projects_negotiating_idx').on('projects').columns(['negotiating_on', 'signed_on', 'region_code', 'cluster', 'investment_yuan']).execute();
  await db.schema
    .createIndex('service_requests_period_idx')
    .on('service_requests')
    .columns(['status', 'created_at', 'region_code', 'enterprise_id', 'resolved_on_time', 'rating', 'project_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('service_requests_period_idx').execute();
  await db.schema.dropIndex('projects_negotiating_idx').execute();
  await db.schema.dropIndex('project_transitions_date_idx').execute();
  await db.schema.dropIndex('projects_operating_idx').execute();
  await db.schema.dropIndex('projects_started_idx').execute();
  await db.schema.dropIndex('projects_cohort_idx').execute();
  await db.schema.dropTable('indicator_targets').execute();
}
