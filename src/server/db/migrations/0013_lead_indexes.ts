import type { Kysely } from 'kysely';

// Indexes for the lead list, board and reminders, chosen from their plans at province size
// (200,000 leads; bench/lead-plans.ts prints the plans and timings). SQLite here plans without
// statistics (no ANALYZE), so each index is one its heuristics actually pick.
export async function up(db: Kysely<any>): Promise<void> {
  // The list's default order (updated_at desc, id desc): a page is a walk of this index, not a
  // sort of every lead in scope; a search for a common fragment walks it too and stops at 20.
  await db.schema.createIndex('leads_updated_idx').on('leads').columns(['updated_at', 'id']).execute();
  // The scope's "or created_by = me" branch: without it no side of the OR can use an index and
  // every region officer's list, count and board scans the whole table.
  await db.schema.createIndex('leads_created_by_idx').on('leads').column('created_by').execute();
  // Overdue (status in the open ones and next_step_on < today), counted inside the index; a board
  // column (status = ?, next_step_on asc nulls last) read in order from it, only ties sorted.
  await db.schema.createIndex('leads_status_next_step_idx').on('leads').columns(['status', 'next_step_on', 'updated_at', 'id']).execute();
  // A search's total: search_text like '%…%' cannot seek, but scanning this narrow index is about
  // half the cost of scanning the wide rows.
  await db.schema.createIndex('leads_search_idx').on('leads').column('search_text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['leads_search_idx', 'leads_status_next_step_idx', 'leads_created_by_idx', 'leads_updated_idx']) await db.schema.dropIndex(name).execute();
}
