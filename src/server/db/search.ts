import { sql, type RawBuilder } from 'kysely';

// Search compares normalised text computed here rather than SQL lower(): SQLite folds only ASCII,
// and NFKC turns full-width letters typed with a Chinese IME (Ａｌｐｈａ) into plain ones.
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** `column` (a search_text column) contains `q` as typed; % and _ in `q` match themselves. */
export function containsSearch(column: string, q: string): RawBuilder<boolean> {
  const pattern = `%${searchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
