import type { Kysely } from 'kysely';

// The dashboard's one grouped pass reads only these columns; with them all in the index it never
// touches the wide project rows. It also serves every (region, stage) lookup the narrower
// projects_region_stage_idx served, so that one goes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('projects_summary_idx')
    .on('projects')
    .columns(['region_code', 'stage', 'next_planned_on', 'investment_yuan', 'funds_in_place_yuan'])
    .execute();
  await db.schema.dropIndex('projects_region_stage_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('projects_region_stage_idx').on('projects').columns(['region_code', 'stage']).execute();
  await db.schema.dropIndex('projects_summary_idx').execute();
}
