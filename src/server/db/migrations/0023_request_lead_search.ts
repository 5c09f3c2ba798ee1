import type { Kysely } from 'kysely';
import { isPostgres } from './helpers.js';
import { addPostgresPairsColumn, createSqlitePairIndex, dropPostgresPairsColumn, dropSqlitePairIndex } from './pair-index.js';

// Service requests and leads get the character-pair index enterprises have (0005, 0008): at province
// scale a LIKE over every request's title and description, or every lead's name, to count a common
// fragment took longer than the list's whole budget. Existing rows are indexed here.
// A request's search_text holds its description, so it can outgrow the indexed start (longTexts).
const TABLES = [
  { table: 'service_requests', fts: 'service_request_search', longTexts: true },
  { table: 'leads', fts: 'lead_search', longTexts: false },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, fts, longTexts } of TABLES) {
    if (isPostgres(db)) await addPostgresPairsColumn(db, table);
    else await createSqlitePairIndex(db, table, fts, { longTexts });
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table, fts } of TABLES) {
    if (isPostgres(db)) await dropPostgresPairsColumn(db, table);
    else await dropSqlitePairIndex(db, table, fts);
  }
}
