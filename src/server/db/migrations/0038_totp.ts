import type { Kysely } from 'kysely';

// A user's TOTP secret (RFC 6238) once confirmed, the one being set up, and the last time step
// accepted, so a code cannot be used twice.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['totp_last_step', 'totp_pending_secret', 'totp_secret']) await db.schema.alterTable('users').dropColumn(column).execute();
}
