import { sql, type Kysely } from 'kysely';

// When a session was last used, so an idle one ends before its absolute expiry (等保: idle timeout).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);
  await db.schema.createIndex('sessions_user_idx').ifNotExists().on('sessions').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_user_idx').ifExists().execute();
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
}
