import type { Kysely } from 'kysely';

// A department officer's projects are those its approvals, factors or requests name (projects/policy.ts).
// The scope reads each of these as "project ids for this department", which these indexes answer without
// touching the rows; without them SQLite, planning without statistics, walked every project and probed
// per row (70 s for one department's count at the prefecture bench scale).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('project_approvals_department_project_idx').on('project_approvals').columns(['department_code', 'project_id']).execute();
  await db.schema.createIndex('project_factors_department_project_idx').on('project_factors').columns(['department_code', 'project_id']).execute();
  await db.schema.createIndex('service_requests_project_id_idx').on('service_requests').columns(['id', 'project_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('service_requests_project_id_idx').execute();
  await db.schema.dropIndex('project_factors_department_project_idx').execute();
  await db.schema.dropIndex('project_approvals_department_project_idx').execute();
}
