import type { Kysely } from 'kysely';

// How many times in a row a (name, address) pair has been locked, so each lock lasts twice the last.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_throttle').addColumn('locks', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_throttle').dropColumn('locks').execute();
}
