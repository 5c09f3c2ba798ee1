import { sql, type Kysely } from 'kysely';

// The command view's figures for a department officer read its projects, which are the pairs of
// project_departments (0021): ≈68,000 of 100,000 projects for 自然资源局 at province scale. Probing each
// pair's wide project row for its stage dates and cluster cost 265–840 ms per figure and over 5 s for
// the monthly report. The pairs now carry those columns too (copied on every project write, as 0021's
// were), with indexes shaped like the projects' own cohort, start, operation and negotiation indexes
// (0022) behind the department code.
//
// Grouped by cluster or event, each closed request looked up its project's cluster or signing event
// (a probe per request, 31,000 of them for the admin's year). The request now carries both, copied
// when it is raised and whenever the project's cluster or event signing changes.
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['cluster', 'negotiating_on', 'signed_on', 'landed_on', 'started_on', 'operating_on', 'full_capacity_on']) {
    await db.schema.alterTable('project_departments').addColumn(column, 'text').execute();
  }
  await sql`
    update project_departments set
      cluster = (select p.cluster from projects p where p.id = project_departments.project_id),
      negotiating_on = (select p.negotiating_on from projects p where p.id = project_departments.project_id),
      signed_on = (select p.signed_on from projects p where p.id = project_departments.project_id),
      landed_on = (select p.landed_on from projects p where p.id = project_departments.project_id),
      started_on = (select p.started_on from projects p where p.id = project_departments.project_id),
      operating_on = (select p.operating_on from projects p where p.id = project_departments.project_id),
      full_capacity_on = (select p.full_capacity_on from projects p where p.id = project_departments.project_id)
  `.execute(db);
  await db.schema
    .createIndex('project_departments_cohort_idx')
    .on('project_departments')
    .columns(['department_code', 'signed_on', 'region_code', 'cluster', 'stage', 'landed_on', 'started_on', 'operating_on', 'full_capacity_on', 'next_planned_on', 'investment_yuan', 'funds_in_place_yuan', 'project_id'])
    .execute();
  await db.schema.createIndex('project_departments_started_idx').on('project_departments').columns(['department_code', 'started_on', 'region_code', 'cluster']).execute();
  await db.schema.createIndex('project_departments_operating_idx').on('project_departments').columns(['department_code', 'operating_on', 'region_code', 'cluster']).execute();
  await db.schema
    .createIndex('project_departments_negotiating_idx')
    .on('project_departments')
    .columns(['department_code', 'negotiating_on', 'signed_on', 'region_code', 'cluster', 'investment_yuan'])
    .execute();
  await db.schema
    .createIndex('project_departments_overdue_idx')
    .on('project_departments')
    .columns(['department_code', 'next_planned_on', 'region_code', 'cluster', 'project_id'])
    .execute();

  await db.schema.alterTable('service_requests').addColumn('project_cluster', 'text').execute();
  await db.schema.alterTable('service_requests').addColumn('project_event_id', 'integer').execute();
  await sql`
    update service_requests set
      project_cluster = (select p.cluster from projects p where p.id = service_requests.project_id),
      project_event_id = (select es.event_id from event_signings es where es.project_id = service_requests.project_id)
    where project_id is not null
  `.execute(db);
  // 0022's period index with the two copies at its end, so grouping by either never leaves the index.
  await db.schema.dropIndex('service_requests_period_idx').execute();
  await db.schema
    .createIndex('service_requests_period_idx')
    .on('service_requests')
    .columns(['status', 'created_at', 'region_code', 'enterprise_id', 'resolved_on_time', 'rating', 'project_id', 'project_cluster', 'project_event_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('service_requests_period_idx').execute();
  await db.schema
    .createIndex('service_requests_period_idx')
    .on('service_requests')
    .columns(['status', 'created_at', 'region_code', 'enterprise_id', 'resolved_on_time', 'rating', 'project_id'])
    .execute();
  await db.schema.alterTable('service_requests').dropColumn('project_event_id').execute();
  await db.schema.alterTable('service_requests').dropColumn('project_cluster').execute();
  for (const name of ['cohort', 'started', 'operating', 'negotiating', 'overdue']) await db.schema.dropIndex(`project_departments_${name}_idx`).execute();
  for (const column of ['cluster', 'negotiating_on', 'signed_on', 'landed_on', 'started_on', 'operating_on', 'full_capacity_on']) {
    await db.schema.alterTable('project_departments').dropColumn(column).execute();
  }
}
