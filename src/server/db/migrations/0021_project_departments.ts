import { sql, type Kysely } from 'kysely';

// A department officer's projects (projects/policy.ts) were the union of three index reads per query:
// approvals, factors and routed requests naming the department. At province scale that set (≈68k ids
// for 自然资源局) was rebuilt on every list, count and figure (186 ms p95 for one page). This table keeps
// the (department, project) pairs, refreshed in the same transaction as the write that changes them
// (projects/departments.ts), so the scope is one read of one index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('project_departments')
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addPrimaryKeyConstraint('project_departments_pk', ['department_code', 'project_id'])
    .execute();
  await db.schema.createIndex('project_departments_project_idx').on('project_departments').columns(['project_id', 'department_code']).execute();
  // Frozen copy of the rule as it stands at this migration; the live one is projects/departments.ts.
  await sql`
    insert into project_departments (department_code, project_id)
    select department_code, project_id from project_approvals where department_code is not null
    union
    select department_code, project_id from project_factors where department_code is not null
    union
    select sra.department_code, sr.project_id from service_request_assignments sra
      join service_requests sr on sr.id = sra.request_id where sr.project_id is not null
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('project_departments').execute();
}
