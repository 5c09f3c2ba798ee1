import type { Kysely } from 'kysely';

// A county officer's figures read one region's cohort. Without statistics SQLite took the region's
// summary or cluster index (≈6,000 projects for 木垒 at province scale, each wide row read for its
// dates) over 0022's date-first indexes; these lead with the region, then the date range, and cover
// what the figures read, so the officer's year is ≈900 index entries. The requests likewise.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('projects_region_cohort_idx')
    .on('projects')
    .columns(['region_code', 'signed_on', 'cluster', 'stage', 'landed_on', 'started_on', 'operating_on', 'full_capacity_on', 'next_planned_on', 'investment_yuan', 'funds_in_place_yuan'])
    .execute();
  await db.schema.createIndex('projects_region_started_idx').on('projects').columns(['region_code', 'started_on', 'cluster']).execute();
  await db.schema.createIndex('projects_region_operating_idx').on('projects').columns(['region_code', 'operating_on', 'cluster']).execute();
  await db.schema.createIndex('projects_region_negotiating_idx').on('projects').columns(['region_code', 'negotiating_on', 'signed_on', 'cluster', 'investment_yuan']).execute();
  // The officer's requests raised in the period, closed or by status: one region's range of the index.
  await db.schema
    .createIndex('service_requests_region_period_idx')
    .on('service_requests')
    .columns(['region_code', 'status', 'created_at', 'resolved_on_time', 'rating', 'project_cluster', 'project_event_id', 'enterprise_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('service_requests_region_period_idx').execute();
  for (const name of ['cohort', 'started', 'operating', 'negotiating']) await db.schema.dropIndex(`projects_region_${name}_idx`).execute();
}
