import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { TooManyAttemptsError } from '../errors.js';

// Keyed by the name typed, whether or not such a user exists, so locking reveals nothing about accounts.
// Kept in the database so every app instance sees the same count.
function key(username: string): string {
  return username.trim();
}

export interface ThrottleOptions {
  maxFailures: number;
  lockMinutes: number;
}

/**
 * Counts the attempt before the password is checked, in one atomic upsert, so parallel guesses
 * cannot all slip past the limit while a slow hash runs. A count older than the lock period starts over.
 */
export async function countAttempt(db: Kysely<DB>, username: string, options: ThrottleOptions): Promise<void> {
  const now = new Date();
  const nowIso = now.toISOString();
  const locked = await db.selectFrom('login_throttle').select('locked_until').where('username', '=', key(username)).executeTakeFirst();
  if (locked?.locked_until && locked.locked_until > nowIso) throw new TooManyAttemptsError(options.lockMinutes);
  const staleBefore = new Date(now.getTime() - options.lockMinutes * 60_000).toISOString();
  const row = await db
    .insertInto('login_throttle')
    .values({ username: key(username), failures: 1, locked_until: null, updated_at: nowIso })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures: sql<number>`case when login_throttle.updated_at < ${staleBefore} then 1 else login_throttle.failures + 1 end`,
        updated_at: nowIso,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  if (row.failures > options.maxFailures) {
    await db
      .updateTable('login_throttle')
      // The count is not reset here: a guess racing this update must still see itself over the limit.
      // It starts over once the lock period has passed without attempts (see staleBefore).
      .set({ locked_until: new Date(now.getTime() + options.lockMinutes * 60_000).toISOString() })
      .where('username', '=', key(username))
      .execute();
    throw new TooManyAttemptsError(options.lockMinutes);
  }
}

export async function clearAttempts(db: Kysely<DB>, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', key(username)).execute();
}
