import type { Kysely } from 'kysely';

// The next milestone a project cannot reach for a missing approval or factor (shared/project-blocks.ts),
// kept on the project by every write that can change it (approvals/blocks.ts), so the ledger's
// "blocked only" filter is an index seek instead of re-deriving the rule for every project.
// Approval items and factors arrived in 0015 with no writer yet, so every project starts unblocked.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('projects').addColumn('blocked_stage', 'varchar(20)').execute();
  await db.schema.createIndex('projects_blocked_idx').on('projects').columns(['blocked_stage', 'updated_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('projects_blocked_idx').execute();
  await db.schema.alterTable('projects').dropColumn('blocked_stage').execute();
}
