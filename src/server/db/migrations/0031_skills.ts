import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

// Issue 8 (b): the vocational skills competition. Marks are integers: a judgement (J) score is the
// judge's 0–3, a measurement (M) mark and every maximum are hundredths of a point, so totals and
// tie-breaks compare exactly on both engines. Raw marks are never overwritten by moderation.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('skills_competitions'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('site', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('judges_per_unit', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('contestants_per_unit', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('spread_tolerance', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('release_at', 'varchar(30)')
    .addColumn('appeal_hours', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('skills_delegations'))
    .addColumn('competition_id', 'integer', (c) => c.notNull().references('skills_competitions.id'))
    .addColumn('prefecture', 'varchar(100)', (c) => c.notNull())
    .addColumn('leader', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('skills_delegations_prefecture_uq', ['competition_id', 'prefecture'])
    .execute();
  await withId(db, db.schema.createTable('skills_units'))
    .addColumn('competition_id', 'integer', (c) => c.notNull().references('skills_competitions.id'))
    .addColumn('delegation_id', 'integer', (c) => c.references('skills_delegations.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('skills_units_name_uq', ['competition_id', 'name'])
    .execute();
  await withId(db, db.schema.createTable('skills_events'))
    .addColumn('competition_id', 'integer', (c) => c.notNull().references('skills_competitions.id'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('host_unit_id', 'integer', (c) => c.references('skills_units.id'))
    .addColumn('venue', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('categories', 'varchar(60)', (c) => c.notNull().defaultTo('teacher,student,worker'))
    .addColumn('min_age', 'integer', (c) => c.notNull().defaultTo(16))
    .addColumn('max_age', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('places', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('judges_per_aspect', 'integer', (c) => c.notNull().defaultTo(3))
    // Moved on by every write its results depend on; evaluate.ts keys its cache on it.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('skills_events_code_uq', ['competition_id', 'code'])
    .execute();
  await withId(db, db.schema.createTable('skills_contestants'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('skills_events.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('skills_units.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('reg_no', 'varchar(30)', (c) => c.notNull())
    .addColumn('blind_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('eligibility', 'varchar(20)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('eligibility_note', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('jury_rank', 'integer')
    .addColumn('jury_reason', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('skills_contestants_reg_uq', ['event_id', 'reg_no'])
    .addUniqueConstraint('skills_contestants_blind_uq', ['event_id', 'blind_code'])
    .execute();
  await db.schema.createIndex('skills_contestants_unit_idx').on('skills_contestants').columns(['event_id', 'unit_id']).execute();
  await db.schema.createIndex('skills_contestants_user_idx').on('skills_contestants').columns(['user_id']).execute();
  await withId(db, db.schema.createTable('skills_judges'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('skills_events.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('skills_units.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('is_chief', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('skills_judges_user_uq', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('skills_judges_user_idx').on('skills_judges').columns(['user_id', 'event_id']).execute();
  await withId(db, db.schema.createTable('skills_modules'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('skills_events.id'))
    .addColumn('code', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signed_off_by', 'integer', (c) => c.references('users.id'))
    .addColumn('signed_off_at', 'varchar(30)')
    .addUniqueConstraint('skills_modules_code_uq', ['event_id', 'code'])
    .execute();
  await withId(db, db.schema.createTable('skills_aspects'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('skills_events.id'))
    .addColumn('module_id', 'integer', (c) => c.notNull().references('skills_modules.id'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('kind', 'varchar(1)', (c) => c.notNull())
    .addColumn('max_centi', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addUniqueConstraint('skills_aspects_code_uq', ['event_id', 'code'])
    .execute();
  await withId(db, db.schema.createTable('skills_marks'))
    .addColumn('aspect_id', 'integer', (c) => c.notNull().references('skills_aspects.id'))
    .addColumn('contestant_id', 'integer', (c) => c.notNull().references('skills_contestants.id'))
    .addColumn('judge_id', 'integer', (c) => c.notNull().references('skills_judges.id'))
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('skills_marks_uq', ['contestant_id', 'aspect_id', 'judge_id'])
    .execute();
  // Covering: an event's results read every mark of its aspects without touching the table.
  await db.schema.createIndex('skills_marks_aspect_idx').on('skills_marks').columns(['aspect_id', 'contestant_id', 'judge_id', 'value']).execute();
  // A judge's own marks: their queue's progress and their sheet.
  await db.schema.createIndex('skills_marks_judge_idx').on('skills_marks').columns(['judge_id', 'contestant_id']).execute();
  await withId(db, db.schema.createTable('skills_moderations'))
    .addColumn('aspect_id', 'integer', (c) => c.notNull().references('skills_aspects.id'))
    .addColumn('contestant_id', 'integer', (c) => c.notNull().references('skills_contestants.id'))
    .addColumn('method', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('picked_judge_id', 'integer', (c) => c.references('skills_judges.id'))
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('moderator_judge_id', 'integer', (c) => c.references('skills_judges.id'))
    .addColumn('moderated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('skills_moderations_uq', ['contestant_id', 'aspect_id'])
    .execute();
  await withId(db, db.schema.createTable('skills_appeals'))
    .addColumn('contestant_id', 'integer', (c) => c.notNull().references('skills_contestants.id'))
    .addColumn('text', 'varchar(2000)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('open'))
    .addColumn('ruling', 'varchar(2000)', (c) => c.notNull().defaultTo(''))
    .addColumn('ruled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('ruled_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('skills_certificates'))
    .addColumn('contestant_id', 'integer', (c) => c.notNull().unique().references('skills_contestants.id'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('total_centi', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['skills_certificates', 'skills_appeals', 'skills_moderations', 'skills_marks', 'skills_aspects', 'skills_modules', 'skills_judges', 'skills_contestants', 'skills_events', 'skills_units', 'skills_delegations', 'skills_competitions']) {
    await db.schema.dropTable(t).execute();
  }
}
