import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

// Issue 6: enterprise services. Departments become records (users.department holds a department code),
// service requests are routed to them with working-day deadlines, projects carry approval items and
// factor guarantees, the policy library is matched against enterprises and projects, and an in-app
// inbox replaces e-mail.
const DEPARTMENTS: [string, string, string][] = [
  ['zsj', '州招商发展局', 'Investment Promotion Bureau'],
  ['fgw', '发展改革委', 'Development and Reform Commission'],
  ['gxj', '工业和信息化局', 'Industry and Information Technology Bureau'],
  ['zrzy', '自然资源局', 'Natural Resources Bureau'],
  ['sthj', '生态环境局', 'Ecology and Environment Bureau'],
  ['yjgl', '应急管理局', 'Emergency Management Bureau'],
  ['zjj', '住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'],
  ['slj', '水利局', 'Water Resources Bureau'],
  ['gdj', '供电公司', 'Power Supply Company'],
  ['jrb', '金融工作办公室', 'Financial Affairs Office'],
  ['rsj', '人力资源和社会保障局', 'Human Resources and Social Security Bureau'],
  ['jtj', '交通运输局', 'Transport Bureau'],
  ['scj', '市场监督管理局', 'Market Regulation Bureau'],
];

// category → default department, deadline in working days, working days overdue before 督办.
const SERVICE_LEVELS: [string, string, number, number][] = [
  ['land', 'zrzy', 10, 3],
  ['power', 'gdj', 5, 2],
  ['water', 'slj', 5, 2],
  ['gas', 'zjj', 5, 2],
  ['finance', 'jrb', 10, 3],
  ['labour', 'rsj', 7, 2],
  ['approval', 'fgw', 10, 3],
  ['logistics', 'jtj', 7, 2],
  ['other', 'zsj', 7, 2],
];

// project type, item, English name, department, the stage it must be approved before.
const APPROVAL_TEMPLATES: [string, string, string, string, string][] = [
  ['industrial', '立项备案', 'Project filing', 'fgw', 'landed'],
  ['industrial', '用地预审与规划许可', 'Land pre-review and planning permit', 'zrzy', 'landed'],
  ['industrial', '环评', 'Environmental impact assessment', 'sthj', 'started'],
  ['industrial', '能评', 'Energy-saving review', 'fgw', 'started'],
  ['industrial', '安评', 'Safety assessment', 'yjgl', 'started'],
  ['industrial', '施工许可', 'Construction permit', 'zjj', 'started'],
  ['energy', '项目核准/备案', 'Project approval or filing', 'fgw', 'landed'],
  ['energy', '用地预审与规划许可', 'Land pre-review and planning permit', 'zrzy', 'landed'],
  ['energy', '环评', 'Environmental impact assessment', 'sthj', 'started'],
  ['energy', '安评', 'Safety assessment', 'yjgl', 'started'],
  ['energy', '接入系统批复', 'Grid connection approval', 'gdj', 'started'],
  ['energy', '施工许可', 'Construction permit', 'zjj', 'started'],
  ['service', '立项备案', 'Project filing', 'fgw', 'landed'],
  ['service', '规划许可', 'Planning permit', 'zrzy', 'landed'],
  ['service', '施工许可', 'Construction permit', 'zjj', 'started'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto('departments')
    .values(DEPARTMENTS.map(([code, name, name_en], i) => ({ code, name, name_en, sort_order: i + 1 })))
    .execute();
  // Before this migration a department officer's department was free text; its name becomes its code.
  for (const [code, name] of DEPARTMENTS) {
    await db.updateTable('users').set({ department: code }).where('department', '=', name).execute();
  }

  await db.schema
    .createTable('calendar_days')
    .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('service_levels')
    .addColumn('category', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('department_code', 'varchar(20)', (c) => c.notNull().references('departments.code'))
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('escalate_after_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('service_levels')
    .values(SERVICE_LEVELS.map(([category, department_code, working_days, escalate_after_days]) => ({ category, department_code, working_days, escalate_after_days, updated_at: now })))
    .execute();

  await withId(db, db.schema.createTable('service_requests'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
    .addColumn('region_code', 'varchar(20)', (c) => c.references('regions.code'))
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('raised_by', 'integer', (c) => c.references('users.id'))
    .addColumn('on_behalf', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('from_visit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_on', 'varchar(10)')
    .addColumn('red_on', 'varchar(10)')
    .addColumn('escalated_at', 'varchar(30)')
    .addColumn('escalation_note', 'text')
    .addColumn('resolved_at', 'varchar(30)')
    .addColumn('confirmed_at', 'varchar(30)')
    .addColumn('resolved_on_time', 'integer')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_requests_enterprise_idx').on('service_requests').columns(['enterprise_id', 'status', 'id']).execute();
  await db.schema.createIndex('service_requests_region_idx').on('service_requests').columns(['region_code', 'status', 'due_on']).execute();
  await db.schema.createIndex('service_requests_status_due_idx').on('service_requests').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('service_requests_red_idx').on('service_requests').columns(['red_on', 'escalated_at']).execute();
  await db.schema.createIndex('service_requests_project_idx').on('service_requests').column('project_id').execute();

  await withId(db, db.schema.createTable('service_request_assignments'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('service_requests.id').onDelete('cascade'))
    .addColumn('department_code', 'varchar(20)', (c) => c.notNull().references('departments.code'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('red_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('accepted_at', 'varchar(30)')
    .addColumn('resolved_at', 'varchar(30)')
    .addColumn('response', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('handler_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('service_request_assignments_unique', ['request_id', 'department_code'])
    .execute();
  await db.schema.createIndex('service_request_assignments_queue_idx').on('service_request_assignments').columns(['department_code', 'status', 'due_on']).execute();

  await withId(db, db.schema.createTable('service_request_events'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('service_requests.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('department_code', 'varchar(20)')
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_request_events_request_idx').on('service_request_events').columns(['request_id', 'id']).execute();

  await withId(db, db.schema.createTable('attachments'))
    .addColumn('owner_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_owner_idx').on('attachments').columns(['owner_type', 'owner_id']).execute();

  await db.schema.alterTable('projects').addColumn('project_type', 'varchar(20)').execute();

  await withId(db, db.schema.createTable('approval_templates'))
    .addColumn('project_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('department_code', 'varchar(20)', (c) => c.notNull().references('departments.code'))
    .addColumn('blocks_stage', 'varchar(20)', (c) => c.notNull())
    .execute();
  const seqs = new Map<string, number>();
  await db
    .insertInto('approval_templates')
    .values(
      APPROVAL_TEMPLATES.map(([project_type, name, name_en, department_code, blocks_stage]) => {
        const seq = (seqs.get(project_type) ?? 0) + 1;
        seqs.set(project_type, seq);
        return { project_type, seq, name, name_en, department_code, blocks_stage };
      }),
    )
    .execute();

  await withId(db, db.schema.createTable('project_approvals'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('department_code', 'varchar(20)', (c) => c.notNull().references('departments.code'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('submitted_on', 'varchar(10)')
    .addColumn('approved_on', 'varchar(10)')
    .addColumn('blocks_stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('document_no', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('project_approvals_unique', ['project_id', 'name'])
    .execute();
  await db.schema.createIndex('project_approvals_department_idx').on('project_approvals').columns(['department_code', 'status']).execute();

  await withId(db, db.schema.createTable('project_factors'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('required_amount', 'double precision', (c) => c.notNull())
    .addColumn('secured_amount', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('needed_by', 'varchar(10)')
    .addColumn('secured_on', 'varchar(10)')
    .addColumn('blocks_stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('department_code', 'varchar(20)', (c) => c.references('departments.code'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('project_factors_unique', ['project_id', 'kind'])
    .execute();

  await withId(db, db.schema.createTable('policies'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('issuer', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('doc_number', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('valid_from', 'varchar(10)')
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('benefits', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('full_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rules_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policies_valid_idx').on('policies').columns(['valid_to', 'id']).execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('title_en', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('link', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('entity', 'varchar(40)', (c) => c.notNull().defaultTo(''))
    .addColumn('entity_id', 'varchar(40)')
    .addColumn('dedupe_key', 'varchar(120)')
    .addColumn('read_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at', 'id']).execute();
  // A deadline reminder is sent once per user however many instances run the scheduler.
  await db.schema.createIndex('notifications_dedupe_idx').on('notifications').columns(['user_id', 'dedupe_key']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notifications', 'policies', 'project_factors', 'project_approvals', 'approval_templates',
    'attachments', 'service_request_events', 'service_request_assignments', 'service_requests',
    'service_levels', 'calendar_days',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('projects').dropColumn('project_type').execute();
  for (const [code, name] of DEPARTMENTS) {
    await db.updateTable('users').set({ department: name }).where('department', '=', code).execute();
  }
  await db.schema.dropTable('departments').execute();
}
