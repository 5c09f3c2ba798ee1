import type { Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

// How many times in a row a (name, address) pair has been locked, so each lock lasts twice the last.
// The key is now "address|name": up to 45 characters of IPv6 address, the separator and a 64-character
// name, so PostgreSQL's column widens (SQLite does not enforce a varchar's length).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_throttle').addColumn('locks', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  if (isPostgres(db)) await db.schema.alterTable('login_throttle').alterColumn('username', (c) => c.setDataType('varchar(200)')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_throttle').dropColumn('locks').execute();
}
