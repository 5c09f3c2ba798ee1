import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { isPostgres } from '../db/migrations/helpers.js';

/** One supply link seen from one of its ends (`from`): who is at the other end, and what the tie weighs. */
export interface Hop {
  /** The supply link's id. */
  id: number;
  from: number;
  other: number;
  volume: number | null;
  date: string | null;
}

export interface LinkDetail {
  id: number;
  supplier_id: number;
  customer_id: number;
  product: string;
  volume: number | null;
  unit: string;
  date: string | null;
}

// Id sets reach tens of thousands at province scale: bound as one array parameter they stay clear of
// SQLite's 32,766 and PostgreSQL's 65,535 parameter limits, and the query text stays the same.
function idTable(db: Kysely<DB>, ids: number[]): RawBuilder<{ id: number }> {
  return isPostgres(db) ? sql`(select unnest(${ids}::int[]) as id)` : sql`(select value as id from json_each(${JSON.stringify(ids)}))`;
}

/**
 * Every supply link with one end in `from`, seen from that end; with `to`, only the links whose
 * other end is in `to`. Both halves read one of the walk indexes of migration 0006 and never the
 * table. The unary `+` keeps SQLite from seeking every (`from`, `to`) pair, which costs far more
 * than reading an enterprise's few links and checking the other end.
 */
export async function walkHops(options: { db: Kysely<DB>; from: number[]; to?: number[] }): Promise<Hop[]> {
  const { db, from, to } = options;
  if (from.length === 0 || to?.length === 0) return [];
  const onlyTo = (end: string) => {
    if (!to) return sql``;
    const column = sql`+s.${sql.raw(end)}`;
    return isPostgres(db) ? sql`where ${column} = any(${to}::int[])` : sql`where ${column} in (select value from json_each(${JSON.stringify(to)}))`;
  };
  const { rows } = await sql<Hop>`
    select f.id as "from", s.customer_id as other, s.id, s.volume, s.date
    from ${idTable(db, from)} f join supply_links s on s.supplier_id = f.id ${onlyTo('customer_id')}
    union all
    select f.id, s.supplier_id, s.id, s.volume, s.date
    from ${idTable(db, from)} f join supply_links s on s.customer_id = f.id ${onlyTo('supplier_id')}`.execute(db);
  return rows;
}

/** What a path shows of each link: read for the few links shown, not for every link walked. */
export async function findLinkDetails(options: { db: Kysely<DB>; ids: number[] }): Promise<Map<number, LinkDetail>> {
  const { db, ids } = options;
  if (ids.length === 0) return new Map();
  const { rows } = await sql<LinkDetail>`
    select s.id, s.supplier_id, s.customer_id, s.product, s.volume, s.unit, s.date
    from ${idTable(db, ids)} f join supply_links s on s.id = f.id`.execute(db);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findEnterpriseNames(options: { db: Kysely<DB>; ids: number[] }): Promise<Map<number, string>> {
  const { db, ids } = options;
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: number; name: string }>`
    select e.id, e.name from ${idTable(db, ids)} f join enterprises e on e.id = f.id`.execute(db);
  return new Map(rows.map((r) => [r.id, r.name]));
}
