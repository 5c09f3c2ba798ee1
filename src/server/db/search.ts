import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from './migrations/helpers.js';
import { MAX_POSITIONS } from './migrations/pair-index.js';

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
// cannot answer the two-character fragments people type most (风电, 特变). search_text (of the
// tables in PAIR_INDEXES) is therefore indexed by character pairs: every position's two characters, the last one alone.
// A fragment of letters and digits is then an exact phrase of its pairs; anything else (1 character
// on PostgreSQL, punctuation, spaces) narrows by the pairs it has and is checked with LIKE.
// The index is maintained by the database (migrations/pair-index.ts), not by each writer.

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
 * The tables whose search_text has a pair index (migrations 0005, 0008, 0023): the FTS5 table holding
 * it on SQLite, and whether a text may be longer than the part SQLite indexes (a request's description).
 */
const PAIR_INDEXES = {
  enterprises: { fts: 'enterprise_search', longTexts: false },
  service_requests: { fts: 'service_request_search', longTexts: true },
  leads: { fts: 'lead_search', longTexts: false },
} as const;
export type PairIndexedTable = keyof typeof PAIR_INDEXES;

/** Above this many matches, walking the sort's index finds a page sooner than fetching them all. */
export const MANY_MATCHES = 2_000;

/** Rows whose search_text outgrows the indexed start, as worded by the partial index that lists them. */
const longText = (column: RawBuilder<unknown>) => sql<boolean>`length(${column}) > ${sql.lit(MAX_POSITIONS)}`;

/** SQLite: the ids whose indexed start holds the fragment's pairs, and the long texts containing it past that start. */
function sqliteCandidates(table: PairIndexedTable, q: string, match: string) {
  const { fts, longTexts } = PAIR_INDEXES[table];
  const hits = sql`select rowid from ${sql.table(fts)} where ${sql.table(fts)} match ${match}`;
  if (!longTexts) return hits;
  return sql`${hits} union all select long_text.id from ${sql.table(table)} as long_text
    where ${longText(sql.ref('long_text.search_text'))} and ${containsSearch('long_text.search_text', q)}`;
}

/**
 * `table.search_text` contains `q`, answered from the pair index: FTS5 on SQLite, a GIN index on the
 * generated column `search_pairs` on PostgreSQL. The query must name the table by its own name.
 * `many`: the search is known to match more than MANY_MATCHES rows and the list is sorted along an index.
 */
export function textSearch(db: Kysely<any>, table: PairIndexedTable, q: string, options: { many?: boolean } = {}): RawBuilder<boolean> {
  const key = searchKey(q);
  const like = containsSearch(`${table}.search_text`, q);
  if (isPostgres(db)) {
    const pairs = [...new Set(searchPairs(key))];
    if (!pairs.length) return like;
    const contains = sql<boolean>`${sql.ref(`${table}.search_pairs`)} @> ${pairs}::text[]`;
    // Holding a fragment's one pair is containing it; longer fragments' pairs may lie apart.
    return [...key].length === 2 ? contains : sql<boolean>`${contains} and ${like}`;
  }
  const fts = ftsQuery(key);
  if (!fts) return like;
  // With many matches, fetching each to sort them costs more than walking the sort's index and
  // testing membership; the unary + keeps SQLite's planner from looking matches up by id.
  const id = options.many ? sql`+${sql.ref(`${table}.id`)}` : sql.ref(`${table}.id`);
  const hits = sql<boolean>`${id} in (${sqliteCandidates(table, q, fts.match)})`;
  return fts.exact ? hits : sql<boolean>`${hits} and ${like}`;
}

/**
 * The text condition of the request list, whose scopes (an enterprise's requests, a department's
 * queue) are narrow beside a common fragment's matches. On SQLite a fragment with many matches
 * (MANY_MATCHES) is tested with LIKE on the rows the query walks anyway: building the index's set of
 * tens of thousands of ids cost more than it saved at province scale (an enterprise's 72 requests:
 * 26 ms through the set, 0.3 ms with LIKE; a department's 22,000: 92 vs 84 ms; a county's: 29 vs 26).
 * Leads keep the set: a county's leads are many and the set took their count from 69 to 22 ms.
 * The unscoped total still comes from the index (countMatches).
 */
export function listTextSearch(db: Kysely<any>, table: PairIndexedTable, q: string, plan: SearchPlan): RawBuilder<boolean> {
  if (plan.many && !isPostgres(db)) return containsSearch(`${table}.search_text`, q);
  return textSearch(db, table, q, plan);
}

/**
 * How many rows of `table` contain `q`, from the pair index (and, on PostgreSQL, a recheck of the few
 * rows it returns for longer fragments); null where only a scan of the table can tell.
 */
export async function countMatches(db: Kysely<any>, table: PairIndexedTable, q: string): Promise<number | null> {
  const key = searchKey(q);
  if (isPostgres(db)) {
    if ([...key].length < 2) return null;
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${textSearch(db, table, q)}`.execute(db);
    return Number(rows[0].n);
  }
  const fts = ftsQuery(key);
  if (!fts?.exact) return null;
  const index = sql.table(PAIR_INDEXES[table].fts);
  const indexed = sql<{ n: number }>`select count(*) as n from ${index} where ${index} match ${fts.match}`;
  if (!PAIR_INDEXES[table].longTexts) return Number((await indexed.execute(db)).rows[0].n);
  // Long texts whose start holds the fragment are among the index's hits already.
  const text = sql.ref('search_text');
  const { rows } = await sql<{ n: number }>`
    select (${indexed}) + (select count(*) from ${sql.table(table)} where ${longText(text)} and ${containsSearch('search_text', q)}
      and instr(substr(${text}, 1, ${sql.lit(MAX_POSITIONS)}), ${key}) = 0) as n`.execute(db);
  return Number(rows[0].n);
}

export interface SearchPlan {
  /** How many rows the text matches, where the index alone can tell. */
  matches?: number | null;
  /** More than MANY_MATCHES: walk the sort's index rather than fetch every match. */
  many?: boolean;
  /** Known to be at most MANY_MATCHES. */
  few?: boolean;
}

/** What the pair index says of a search before the list is read: how many match, and so how to read them. */
export async function searchPlan(db: Kysely<any>, table: PairIndexedTable, q: string | undefined): Promise<SearchPlan & { matches: number | null }> {
  const matches = q ? await countMatches(db, table, q) : null;
  return { matches, many: matches !== null && matches > MANY_MATCHES, few: matches !== null && matches <= MANY_MATCHES };
}

/** Fields of a list query that say how to show the rows, not which rows. */
const NOT_NARROWING = new Set(['q', 'sort', 'order', 'page', 'pageSize']);

/** Nothing but the text narrows list query `f`: for a user in scope of every row, the index's count is the total. */
export function onlyTextNarrows(f: object): boolean {
  return Object.entries(f).every(([k, v]) => NOT_NARROWING.has(k) || v === undefined);
}
