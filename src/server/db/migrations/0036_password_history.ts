import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

// The hashes a user has had, so a change can refuse the last few (等保: no reuse of recent passwords).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('password_history'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_history_user_idx').on('password_history').columns(['user_id', 'id']).execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('password_changed_at').execute();
  await db.schema.dropTable('password_history').execute();
}
