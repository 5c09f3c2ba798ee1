import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './helpers.js';

// Issue 5: the lead pipeline, investment events and the public page of opportunities.
// The leads table of 0004 required an enterprise and a node; a lead may now name a firm not yet in the
// enterprise base (an investor met at a conference, a public-page enquiry) and a chain without a node,
// so it is rebuilt (SQLite cannot drop NOT NULL) and its rows carried over.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('events'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('theme', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('venue', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('organiser', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_starts_idx').on('events').columns(['starts_on', 'id']).execute();

  await sql`alter table leads rename to leads_0004`.execute(db);
  if (isPostgres(db)) {
    // PostgreSQL keeps index and constraint names with the renamed table; free them for the new one.
    await sql`alter table leads_0004 rename constraint leads_enterprise_node_unique to leads_0004_enterprise_node_unique`.execute(db);
    await sql`alter table leads_0004 rename constraint leads_pkey to leads_0004_pkey`.execute(db);
  }
  await withId(db, db.schema.createTable('leads'))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('enterprise_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('contact_name', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('chain_id', 'integer', (c) => c.references('chains.id'))
    .addColumn('node_id', 'integer', (c) => c.references('chain_nodes.id'))
    .addColumn('region_code', 'varchar(20)', (c) => c.references('regions.code'))
    .addColumn('source', 'varchar(30)', (c) => c.notNull())
    .addColumn('referrer_enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('event_id', 'integer', (c) => c.references('events.id'))
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('estimated_investment_yuan', 'bigint')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('lost_reason', 'text')
    .addColumn('lost_from', 'varchar(20)')
    .addColumn('next_step', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('next_step_on', 'varchar(10)')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('score', 'double precision')
    .addColumn('explanation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
    .addColumn('signed_on', 'varchar(10)')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('leads_enterprise_node_unique', ['enterprise_id', 'node_id'])
    .execute();
  await sql`
    insert into leads (id, enterprise_id, enterprise_name, chain_id, node_id, region_code, source, status, note, score,
                       explanation, search_text, created_by, created_at, updated_at)
    select l.id, l.enterprise_id, e.name, n.chain_id, l.node_id, l.region_code, l.source, l.status, l.note, l.score,
           l.explanation, e.search_text, l.created_by, l.created_at, l.updated_at
    from leads_0004 l join enterprises e on e.id = l.enterprise_id join chain_nodes n on n.id = l.node_id`.execute(db);
  if (isPostgres(db)) {
    await sql`select setval(pg_get_serial_sequence('leads', 'id'), coalesce((select max(id) from leads), 0) + 1, false)`.execute(db);
  }
  await db.schema.dropTable('leads_0004').execute();
  // Signing is exactly once: a project belongs to at most one lead (NULLs do not collide on either engine).
  await db.schema.createIndex('leads_project_unique').on('leads').column('project_id').unique().execute();
  await db.schema.createIndex('leads_status_idx').on('leads').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('leads_region_status_idx').on('leads').columns(['region_code', 'status', 'updated_at']).execute();
  await db.schema.createIndex('leads_next_step_idx').on('leads').columns(['next_step_on']).execute();
  await db.schema.createIndex('leads_owner_idx').on('leads').columns(['owner_id']).execute();
  await db.schema.createIndex('leads_referrer_idx').on('leads').columns(['referrer_enterprise_id']).execute();
  await db.schema.createIndex('leads_event_idx').on('leads').columns(['event_id']).execute();

  await withId(db, db.schema.createTable('lead_activities'))
    .addColumn('lead_id', 'integer', (c) => c.notNull().references('leads.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('people', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lead_activities_lead_idx').on('lead_activities').columns(['lead_id', 'id']).execute();

  await db.schema.alterTable('projects').addColumn('lead_id', 'integer', (c) => c.references('leads.id')).execute();
  await db.schema.createIndex('projects_lead_unique').on('projects').column('lead_id').unique().execute();

  await withId(db, db.schema.createTable('event_groups'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('leader', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('event_groups_event_idx').on('event_groups').columns(['event_id', 'sort_order']).execute();

  await withId(db, db.schema.createTable('event_stops'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('event_groups.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.references('regions.code'))
    .addColumn('place', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('scheduled_at', 'varchar(16)')
    .addColumn('host', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('activity', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('event_stops_group_idx').on('event_stops').columns(['group_id', 'seq']).execute();

  await withId(db, db.schema.createTable('event_guests'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('organisation', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('person_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'varchar(20)', (c) => c.notNull().defaultTo('enterprise'))
    .addColumn('invitation_status', 'varchar(20)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('group_id', 'integer', (c) => c.references('event_groups.id').onDelete('set null'))
    .addColumn('checked_in_at', 'varchar(30)')
    .addColumn('checked_in_by', 'integer', (c) => c.references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_guests_event_idx').on('event_guests').columns(['event_id', 'id']).execute();
  await db.schema.createIndex('event_guests_group_idx').on('event_guests').column('group_id').execute();

  await withId(db, db.schema.createTable('event_signings'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('investor_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('investor_enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('partner_name', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('partner_enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('partner_role', 'varchar(20)', (c) => c.notNull().defaultTo('chain_leader'))
    .addColumn('amount_yuan', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('signed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // A project is signed once, at one event.
  await db.schema.createIndex('event_signings_project_unique').on('event_signings').column('project_id').unique().execute();
  await db.schema.createIndex('event_signings_event_idx').on('event_signings').columns(['event_id', 'seq']).execute();

  await withId(db, db.schema.createTable('opportunities'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('title_en', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region_code', 'varchar(20)', (c) => c.references('regions.code'))
    .addColumn('chain_id', 'integer', (c) => c.references('chains.id'))
    .addColumn('node_id', 'integer', (c) => c.references('chain_nodes.id'))
    .addColumn('investment_yuan', 'bigint')
    .addColumn('land_mu', 'real')
    .addColumn('contact', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opportunities_published_idx').on('opportunities').columns(['published', 'id']).execute();

  // One row per accepted public-page submission: the rate limit per address counts these, in the
  // database, so it holds across instances.
  await withId(db, db.schema.createTable('public_interests'))
    .addColumn('lead_id', 'integer', (c) => c.notNull().references('leads.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'integer', (c) => c.references('opportunities.id'))
    .addColumn('node_id', 'integer', (c) => c.references('chain_nodes.id'))
    .addColumn('address', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_agent', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_interests_address_idx').on('public_interests').columns(['address', 'created_at']).execute();
}

// Going down keeps the rebuilt leads table and projects.lead_id (SQLite cannot drop a column that a
// foreign key names); 0004's down drops leads with everything else.
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['public_interests', 'opportunities', 'event_signings', 'event_guests', 'event_stops', 'event_groups', 'lead_activities']) {
    await db.schema.dropTable(t).execute();
  }
}
