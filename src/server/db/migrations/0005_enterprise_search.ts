import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';
import { createSqlitePairIndex, dropSqlitePairIndex, MAX_POSITIONS } from './pair-index.js';

// The character-pair index behind enterprise search (see db/search.ts and pair-index.ts).

export async function up(db: Kysely<any>): Promise<void> {
  // A search with thousands of matches sorted by name walks this index rather than sorting them all.
  await db.schema.createIndex('enterprises_name_idx').on('enterprises').column('name').execute();
  if (isPostgres(db)) {
    // IMMUTABLE so that it can index; a GIN index over arrays answers "contains all these pairs".
    await sql`
      create function lz_search_pairs(t text) returns text[] language sql immutable parallel safe as $$
        select coalesce(array_agg(distinct substr(t, i, 2)), '{}') from generate_series(1, length(t)) i
      $$`.execute(db);
    await sql`create index enterprises_search_pairs_idx on enterprises using gin (lz_search_pairs(search_text))`.execute(db);
    return;
  }
  await sql`create table search_positions (n integer primary key)`.execute(db);
  await sql`
    insert into search_positions (n)
    with recursive p(n) as (select 1 union all select n + 1 from p where n < ${sql.lit(MAX_POSITIONS)}) select n from p`.execute(db);
  // A 200-character name plus its credit code never reaches MAX_POSITIONS: no long texts to look after.
  await createSqlitePairIndex(db, 'enterprises', 'enterprise_search');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enterprises_name_idx').execute();
  if (isPostgres(db)) {
    await sql`drop index enterprises_search_pairs_idx`.execute(db);
    await sql`drop function lz_search_pairs(text)`.execute(db);
    return;
  }
  await dropSqlitePairIndex(db, 'enterprises', 'enterprise_search');
  await sql`drop table search_positions`.execute(db);
}
