import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PublicList } from '../../shared/opportunities.js';
import type { DB } from '../db/schema.js';
import type { Lang } from '../errors.js';
import { publicOpportunities } from './queries.js';

// The public page is anonymous, so anyone can ask for it as often as they like, and its gap nodes
// count every enterprise on every node (hundreds of milliseconds at province scale). The answer is
// kept per database and language. Offers are checked on every request with one cheap aggregate, so
// a publish shows at once on every instance; gap coverage may lag by up to a minute, as the
// response's own max-age already allows.
const GAPS_TTL_MS = 60_000;

interface Entry {
  at: number;
  stamp: string;
  body: PublicList;
  etag: string;
}

const cache = new WeakMap<Kysely<DB>, Map<Lang, Entry>>();
const pending = new WeakMap<Kysely<DB>, Map<Lang, Promise<Entry>>>();

async function offersStamp(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('opportunities')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last'), eb.fn.max('id').as('top')])
    .executeTakeFirstOrThrow();
  return `${row.n}|${row.last ?? ''}|${row.top ?? ''}`;
}

async function compute(db: Kysely<DB>, lang: Lang, stamp: string): Promise<Entry> {
  const body = await publicOpportunities(db, lang);
  const etag = `"${crypto.createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
  return { at: Date.now(), stamp, body, etag };
}

/** The public list and its ETag, recomputed when an offer changed or the gaps are a minute old. */
export async function cachedPublicOpportunities(db: Kysely<DB>, lang: Lang): Promise<{ body: PublicList; etag: string }> {
  const stamp = await offersStamp(db);
  const entries = cache.get(db) ?? new Map<Lang, Entry>();
  cache.set(db, entries);
  const hit = entries.get(lang);
  if (hit && hit.stamp === stamp && Date.now() - hit.at < GAPS_TTL_MS) return hit;
  // Concurrent misses share one computation instead of each counting the whole base.
  const inFlight = pending.get(db) ?? new Map<Lang, Promise<Entry>>();
  pending.set(db, inFlight);
  let job = inFlight.get(lang);
  if (!job) {
    job = compute(db, lang, stamp).finally(() => inFlight.delete(lang));
    inFlight.set(lang, job);
  }
  const entry = await job;
  entries.set(lang, entry);
  return entry;
}
