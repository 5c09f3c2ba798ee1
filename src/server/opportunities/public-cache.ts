import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChainNode } from '../../shared/chains.js';
import type { PublicList } from '../../shared/opportunities.js';
import { nodesWithCounts } from '../chains/coverage.js';
import type { DB } from '../db/schema.js';
import type { Lang } from '../errors.js';
import { publicOpportunities } from './queries.js';

// The public page is anonymous, so anyone can ask for it as often as they like, and its gap nodes
// count every enterprise on every node (2.5–3 s at province scale). That count is kept per database
// and refreshed in the background once a minute old, the stale one served meanwhile (the response's
// own max-age allows as much). Offers are cheap and checked on every request with one aggregate, so
// a publish shows at once, on every instance.
const GAPS_TTL_MS = 60_000;

interface Gaps {
  at: number;
  nodes: ChainNode[];
  refreshing: Promise<void> | null;
}
interface Page {
  key: string;
  body: PublicList;
  etag: string;
}

const gapsByDb = new WeakMap<Kysely<DB>, Promise<Gaps>>();
const pagesByDb = new WeakMap<Kysely<DB>, Map<Lang, Page>>();

async function countedNodes(db: Kysely<DB>): Promise<Gaps> {
  let pending = gapsByDb.get(db);
  if (!pending) {
    // Concurrent first requests share one count instead of each running it.
    pending = nodesWithCounts(db).then((nodes) => ({ at: Date.now(), nodes, refreshing: null }));
    pending.catch(() => gapsByDb.delete(db));
    gapsByDb.set(db, pending);
  }
  const gaps = await pending;
  if (Date.now() - gaps.at >= GAPS_TTL_MS && !gaps.refreshing) {
    gaps.refreshing = nodesWithCounts(db)
      .then((nodes) => Object.assign(gaps, { at: Date.now(), nodes }))
      .catch(() => undefined)
      .finally(() => (gaps.refreshing = null))
      .then(() => undefined);
  }
  return gaps;
}

async function offersStamp(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('opportunities')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last'), eb.fn.max('id').as('top')])
    .executeTakeFirstOrThrow();
  return `${row.n}|${row.last ?? ''}|${row.top ?? ''}`;
}

/** The public list and its ETag; rebuilt when an offer changed or the gap counts were refreshed. */
export async function cachedPublicOpportunities(db: Kysely<DB>, lang: Lang): Promise<{ body: PublicList; etag: string }> {
  const [stamp, gaps] = await Promise.all([offersStamp(db), countedNodes(db)]);
  const key = `${stamp}|${gaps.at}`;
  const pages = pagesByDb.get(db) ?? new Map<Lang, Page>();
  pagesByDb.set(db, pages);
  const hit = pages.get(lang);
  if (hit?.key === key) return hit;
  const body = await publicOpportunities(db, lang, gaps.nodes);
  const etag = `"${crypto.createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
  const page = { key, body, etag };
  pages.set(lang, page);
  return page;
}
