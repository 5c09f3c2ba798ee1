import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from './migrations/helpers.js';

// Search compares normalised text computed here rather than SQL lower(): SQLite folds only ASCII,
// and NFKC turns full-width letters typed with a Chinese IME (Ａｌｐｈａ) into plain ones.
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function likePattern(q: string): string {
  return `%${searchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` (a search_text column) contains `q` as typed; % and _ in `q` match themselves. */
export function containsSearch(column: string, q: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${likePattern(q)} escape '\\'`;
}

// Chinese names have no spaces, so a word index finds nothing inside them, and a trigram index
// cannot answer the two-character fragments people type most (风电, 特变). Enterprises' search_text
// is therefore indexed by character pairs: every position's two characters, the last one alone.
// A fragment of letters and digits is then an exact phrase of its pairs; anything else (1 character
// on PostgreSQL, punctuation, spaces) narrows by the pairs it has and is checked with LIKE.
// The index is maintained by the database (migration 0005), not by each writer.

/** Characters FTS5's unicode61 tokenizer keeps inside a token, so a pair of them is one token. */
const TOKEN_CHARS = /^[\p{L}\p{N}]+$/u;

/** The character pairs of a fragment in order, as the index stores them. */
export function searchPairs(fragment: string): string[] {
  const chars = [...fragment];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

/** FTS5 query for a fragment: the phrase of its pairs when exact, else its token pairs ANDed (or null). */
export function ftsQuery(key: string): { match: string; exact: boolean } | null {
  const chars = [...key];
  if (chars.length === 1) return TOKEN_CHARS.test(key) ? { match: `"${key}"*`, exact: true } : null;
  const pairs = searchPairs(key);
  if (TOKEN_CHARS.test(key)) return { match: `"${pairs.join(' ')}"`, exact: true };
  const pure = [...new Set(pairs.filter((p) => TOKEN_CHARS.test(p)))];
  return pure.length ? { match: pure.map((p) => `"${p}"`).join(' AND '), exact: false } : null;
}

/**
 * `enterprises.search_text` contains `q`, answered from the pair index: FTS5 `enterprise_search`
 * on SQLite, a GIN index on the generated column `search_pairs` on PostgreSQL (migrations 0005, 0008).
 * `alias` is how the query names the enterprises table.
 */
export function enterpriseTextSearch(db: Kysely<any>, alias: string, q: string, options: { many?: boolean } = {}): RawBuilder<boolean> {
  const key = searchKey(q);
  const text = sql.ref(`${alias}.search_text`);
  const like = sql<boolean>`${text} like ${likePattern(q)} escape '\\'`;
  if (isPostgres(db)) {
    const pairs = [...new Set(searchPairs(key))];
    if (!pairs.length) return like;
    const contains = sql<boolean>`${sql.ref(`${alias}.search_pairs`)} @> ${pairs}::text[]`;
    // Holding a fragment's one pair is containing it; longer fragments' pairs may lie apart.
    return [...key].length === 2 ? contains : sql<boolean>`${contains} and ${like}`;
  }
  const fts = ftsQuery(key);
  if (!fts) return like;
  // With many matches, fetching each to sort them costs more than walking the sort's index and
  // testing membership; the unary + keeps SQLite's planner from looking matches up by id.
  const id = options.many ? sql`+${sql.ref(`${alias}.id`)}` : sql.ref(`${alias}.id`);
  const hits = sql<boolean>`${id} in (select rowid from enterprise_search where enterprise_search match ${fts.match})`;
  return fts.exact ? hits : sql<boolean>`${hits} and ${like}`;
}

/**
 * How many enterprises contain `q`, from the pair index (and, on PostgreSQL, a recheck of the few
 * rows it returns for longer fragments); null where only a scan of the table can tell.
 */
export async function countEnterpriseMatches(db: Kysely<any>, q: string): Promise<number | null> {
  const key = searchKey(q);
  if (isPostgres(db)) {
    if ([...key].length < 2) return null;
    const { rows } = await sql<{ n: number }>`select count(*) as n from enterprises where ${enterpriseTextSearch(db, 'enterprises', q)}`.execute(db);
    return Number(rows[0].n);
  }
  const fts = ftsQuery(key);
  if (!fts?.exact) return null;
  const { rows } = await sql<{ n: number }>`select count(*) as n from enterprise_search where enterprise_search match ${fts.match}`.execute(db);
  return Number(rows[0].n);
}
