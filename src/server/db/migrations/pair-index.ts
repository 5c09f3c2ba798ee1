import { sql, type Kysely } from 'kysely';

// The character-pair index behind text search (see db/search.ts), built the same way for every table
// that has one. The database keeps it in step with search_text itself, so the API, the import, the
// demo and the benchmark generator need not remember to.

/**
 * SQLite indexes the first this many characters of search_text (search_positions holds 1…this).
 * A longer text (a request's description) is found beyond them by LIKE: db/search.ts reads such
 * rows through the partial index `longTextIndex` below.
 */
export const MAX_POSITIONS = 1024;

/** The partial index over the rows whose search_text is longer than the pair index holds. */
export const longTextIndex = (table: string) => `${table}_long_text_idx`;

// The pairs of the text's indexed start in order, separated by spaces: FTS5 tokenizes them back into
// pairs. The start's last character stands alone, as the text's last does.
const pairsOf = (text: string) => {
  const head = `substr(${text}, 1, ${MAX_POSITIONS})`;
  return `(select group_concat(substr(${head}, n, 2), ' ' order by n) from search_positions where n <= length(${head}))`;
};

/** The FTS5 table `fts` holding the pairs of `table`.search_text, its triggers and its first fill. */
export async function createSqlitePairIndex(db: Kysely<any>, table: string, fts: string, options: { longTexts?: boolean } = {}): Promise<void> {
  // Contentless: the pairs are derived from search_text, so storing them again would only cost space.
  // remove_diacritics 0: search_text is already folded, and é must not find e.
  await sql.raw(`create virtual table ${fts} using fts5(pairs, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`).execute(db);
  await sql.raw(`
    create trigger ${fts}_insert after insert on ${table} begin
      insert into ${fts} (rowid, pairs) values (new.id, ${pairsOf('new.search_text')});
    end`).execute(db);
  await sql.raw(`
    create trigger ${fts}_update after update of search_text on ${table} begin
      delete from ${fts} where rowid = old.id;
      insert into ${fts} (rowid, pairs) values (new.id, ${pairsOf('new.search_text')});
    end`).execute(db);
  await sql.raw(`
    create trigger ${fts}_delete after delete on ${table} begin
      delete from ${fts} where rowid = old.id;
    end`).execute(db);
  await sql.raw(`insert into ${fts} (rowid, pairs) select id, ${pairsOf('search_text')} from ${table}`).execute(db);
  if (options.longTexts) {
    // The literal must read exactly as the search writes it, or SQLite will not use the index.
    await sql.raw(`create index ${longTextIndex(table)} on ${table} (id) where length(search_text) > ${MAX_POSITIONS}`).execute(db);
  }
}

export async function dropSqlitePairIndex(db: Kysely<any>, table: string, fts: string): Promise<void> {
  for (const suffix of ['insert', 'update', 'delete']) await sql.raw(`drop trigger ${fts}_${suffix}`).execute(db);
  await sql.raw(`drop table ${fts}`).execute(db);
  await sql.raw(`drop index if exists ${longTextIndex(table)}`).execute(db);
}

/**
 * PostgreSQL: the pairs of the whole search_text (lz_search_pairs, migration 0005) stored in a
 * generated column with a GIN index. Stored, a GIN recheck reads them instead of computing them again
 * for every row it returns.
 */
export async function addPostgresPairsColumn(db: Kysely<any>, table: string): Promise<void> {
  await sql.raw(`alter table ${table} add column search_pairs text[] generated always as (lz_search_pairs(search_text)) stored`).execute(db);
  await sql.raw(`create index ${table}_search_pairs_col_idx on ${table} using gin (search_pairs)`).execute(db);
  // The rewrite leaves the new column without statistics; the planner needs them to choose between
  // the pair index and the sort's index.
  await sql.raw(`analyze ${table}`).execute(db);
}

export async function dropPostgresPairsColumn(db: Kysely<any>, table: string): Promise<void> {
  await sql.raw(`alter table ${table} drop column search_pairs`).execute(db);
}
