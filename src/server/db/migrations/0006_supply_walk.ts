import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

// Ranked targets walk the supply graph two links out from a node's candidates, from either end of a
// link. Each index holds what the walk needs of a link (its ends, volume and date), so the walk never
// reads the table. The older (customer_id, supplier_id) index is a prefix of one of them and goes.
// SQLite keeps the rowid (the link id) in every index entry already; PostgreSQL must include it.
const WALK_INDEXES = [
  ['supply_links_supplier_walk_idx', 'supplier_id', 'customer_id'],
  ['supply_links_customer_walk_idx', 'customer_id', 'supplier_id'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const include = isPostgres(db) ? sql` include (id)` : sql``;
  for (const [name, from, to] of WALK_INDEXES) {
    await sql`create index ${sql.id(name)} on supply_links (${sql.id(from)}, ${sql.id(to)}, volume, ${sql.id('date')})${include}`.execute(db);
  }
  await db.schema.dropIndex('supply_links_customer_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('supply_links_customer_idx').on('supply_links').columns(['customer_id', 'supplier_id']).execute();
  for (const [name] of WALK_INDEXES) await db.schema.dropIndex(name).execute();
}
