import { sql, type Kysely } from 'kysely';

// A department officer's projects (projects/policy.ts) were the union of three index reads per query:
// approvals, factors and routed requests naming the department. At province scale that set (≈68k ids
// for 自然资源局) was rebuilt on every list, count and figure (186 ms p95 for one page). This table keeps
// the (department, project) pairs, refreshed in the same transaction as the write that changes them
// (projects/departments.ts). It also carries the project's few columns the dashboard sums, so a
// department's totals read one narrow index instead of probing ≈68k project rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('project_departments')
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('investment_yuan', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('funds_in_place_yuan', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('next_planned_on', 'text')
    .addPrimaryKeyConstraint('project_departments_pk', ['department_code', 'project_id'])
    .execute();
  await db.schema.createIndex('project_departments_project_idx').on('project_departments').columns(['project_id']).execute();
  await db.schema
    .createIndex('project_departments_summary_idx')
    .on('project_departments')
    .columns(['department_code', 'region_code', 'stage', 'investment_yuan', 'funds_in_place_yuan', 'next_planned_on'])
    .execute();
  // Frozen copy of the rule as it stands at this migration; the live one is projects/departments.ts.
  await sql`
    insert into project_departments (department_code, project_id, region_code, stage, investment_yuan, funds_in_place_yuan, next_planned_on)
    select pairs.department_code, p.id, p.region_code, p.stage, p.investment_yuan, p.funds_in_place_yuan, p.next_planned_on
    from (
      select department_code, project_id from project_approvals
      union
      select department_code, project_id from project_factors where department_code is not null
      union
      select sra.department_code, sr.project_id from service_request_assignments sra
        join service_requests sr on sr.id = sra.request_id where sr.project_id is not null
    ) pairs join projects p on p.id = pairs.project_id
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('project_departments').execute();
}
