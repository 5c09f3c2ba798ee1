// The practical ceiling on SQLite: a bare Fastify handler on better-sqlite3 running just the query
// Lianzhu runs (the same joins, filter, order and count, for an admin, without sessions, validation
// or presenters), for the project list and for enterprise name search. Serves the database file read-only.
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { ftsQuery, searchKey } from '../../src/server/db/search.js';

const NAMES_FROM = `from projects p
  join regions r on r.code = p.region_code
  left join enterprises e on e.id = p.enterprise_id
  left join chain_nodes cn on cn.id = p.node_id
  left join chains c on c.id = cn.chain_id`;
const BY_INVESTMENT = 'order by p.investment_yuan desc nulls last, p.id desc';

/**
 * The project list filtered by region and stage, by investment, one page and the total: the page is
 * chosen on projects alone and only its rows are joined to their names, and the count needs no join
 * (every project has its region). This is how Lianzhu's listProjects (src/server/projects/queries.ts)
 * is being rewritten; it is the cheapest form of the query, so the ceiling either way.
 */
export const BARE_PROJECT_LIST_SQL = {
  page: `select p.*, r.name as region_name, e.name as enterprise_name, cn.name as node_name, c.id as chain_id, c.name as chain_name
    ${NAMES_FROM} where p.id in (select p.id from projects p where p.region_code = ? and p.stage = ? ${BY_INVESTMENT} limit ?) ${BY_INVESTMENT}`,
  count: `select count(*) as n from projects p where p.region_code = ? and p.stage = ?`,
};

/** Above this many matches Lianzhu walks the sort's index instead of sorting every match (MANY_MATCHES in src/server/enterprises/queries.ts). */
const MANY_MATCHES = 2_000;
const SEARCH_FROM = 'from enterprises e left join regions r on r.code = e.region_code';
const NEWEST_FIRST = 'order by e.updated_at desc, e.id desc limit ?';

/**
 * Enterprise name search as Lianzhu runs it on SQLite (src/server/enterprises/queries.ts with
 * db/search.ts; default sort, newest first): one page and the total. Switch these statements when
 * Lianzhu's search query changes. Today it is the FTS5 character-pair index `enterprise_search`
 * (migration 0005), bound to ftsQuery(searchKey(q)).match. `scan*`, a LIKE scan of search_text
 * bound to likeParam(q), answers fragments that are not an exact phrase of pairs (punctuation,
 * spaces; Lianzhu narrows those by their pairs first); the bench's fragments never are.
 */
export const BARE_ENTERPRISE_SEARCH_SQL = {
  /** The total from the index alone. */
  count: `select count(*) as n from enterprise_search where enterprise_search match ?`,
  /** Few matches: fetch them by id and sort them. */
  page: `select e.*, r.name as region_name ${SEARCH_FROM} where e.id in (select rowid from enterprise_search where enterprise_search match ?) ${NEWEST_FIRST}`,
  /** Many matches: walk enterprises_updated_idx testing membership (the unary + keeps the planner off the id lookup). */
  pageMany: `select e.*, r.name as region_name ${SEARCH_FROM} where +e.id in (select rowid from enterprise_search where enterprise_search match ?) ${NEWEST_FIRST}`,
  scanCount: `select count(*) as n ${SEARCH_FROM} where e.search_text like ? escape '\\'`,
  scanPage: `select e.*, r.name as region_name ${SEARCH_FROM} where e.search_text like ? escape '\\' ${NEWEST_FIRST}`,
};

const likeParam = (q: string) => `%${searchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function startBare(file: string): Promise<{ url: string; close(): Promise<void> }> {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  const page = sqlite.prepare(BARE_PROJECT_LIST_SQL.page);
  const count = sqlite.prepare(BARE_PROJECT_LIST_SQL.count);
  const search = Object.fromEntries(Object.entries(BARE_ENTERPRISE_SEARCH_SQL).map(([k, sql]) => [k, sqlite.prepare(sql)])) as Record<keyof typeof BARE_ENTERPRISE_SEARCH_SQL, SQLite.Statement>;
  const app = Fastify({ logger: false });
  app.get('/projects', async (request) => {
    const q = request.query as { region: string; stage: string; pageSize?: string };
    const size = Math.min(100, Number(q.pageSize ?? 20));
    return { items: page.all(q.region, q.stage, size), total: (count.get(q.region, q.stage) as { n: number }).n };
  });
  app.get('/enterprises', async (request) => {
    const q = request.query as { q: string; pageSize?: string };
    const size = Math.min(100, Number(q.pageSize ?? 20));
    const fts = ftsQuery(searchKey(q.q));
    if (!fts?.exact) {
      const like = likeParam(q.q);
      return { items: search.scanPage.all(like, size), total: (search.scanCount.get(like) as { n: number }).n };
    }
    const total = (search.count.get(fts.match) as { n: number }).n;
    return { items: (total > MANY_MATCHES ? search.pageMany : search.page).all(fts.match, size), total };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    async close() {
      await app.close();
      sqlite.close();
    },
  };
}
