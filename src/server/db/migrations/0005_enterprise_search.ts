import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

// The character-pair index behind enterprise search (see db/search.ts). The database keeps it in
// step with enterprises.search_text itself, so the API, the import, the demo and the benchmark
// generator need not remember to.

/** search_text longer than this (a 200-character name plus its credit code cannot be) is indexed on its start. */
const MAX_POSITIONS = 1024;

// The pairs of one text in order, separated by spaces: FTS5 tokenizes them back into pairs.
const pairsOf = (text: string) =>
  `(select group_concat(substr(${text}, n, 2), ' ' order by n) from search_positions where n <= length(${text}))`;

export const SQLITE_REBUILD_ENTERPRISE_SEARCH = `
  delete from enterprise_search;
  insert into enterprise_search (rowid, pairs) select id, ${pairsOf('search_text')} from enterprises;`;

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
  // Contentless: the pairs are derived from search_text, so storing them again would only cost space.
  // remove_diacritics 0: search_text is already folded, and é must not find e.
  await sql`
    create virtual table enterprise_search using fts5(
      pairs, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
  await sql.raw(`
    create trigger enterprise_search_insert after insert on enterprises begin
      insert into enterprise_search (rowid, pairs) values (new.id, ${pairsOf('new.search_text')});
    end`).execute(db);
  await sql.raw(`
    create trigger enterprise_search_update after update of search_text on enterprises begin
      delete from enterprise_search where rowid = old.id;
      insert into enterprise_search (rowid, pairs) values (new.id, ${pairsOf('new.search_text')});
    end`).execute(db);
  await sql.raw(`
    create trigger enterprise_search_delete after delete on enterprises begin
      delete from enterprise_search where rowid = old.id;
    end`).execute(db);
  for (const statement of SQLITE_REBUILD_ENTERPRISE_SEARCH.split(';').filter((s) => s.trim())) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enterprises_name_idx').execute();
  if (isPostgres(db)) {
    await sql`drop index enterprises_search_pairs_idx`.execute(db);
    await sql`drop function lz_search_pairs(text)`.execute(db);
    return;
  }
  for (const name of ['enterprise_search_insert', 'enterprise_search_update', 'enterprise_search_delete']) {
    await sql.raw(`drop trigger ${name}`).execute(db);
  }
  await sql`drop table enterprise_search`.execute(db);
  await sql`drop table search_positions`.execute(db);
}
