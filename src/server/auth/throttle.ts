import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { nowIso } from '../clock.js';
import { TooManyAttemptsError } from '../errors.js';

// Keyed by the name typed, whether or not such a user exists, so locking reveals nothing about accounts.
// Kept in the database so every app instance sees the same count.
function key(username: string): string {
  return username.trim().toLowerCase();
}

export async function assertNotLocked(db: Kysely<DB>, username: string, lockMinutes: number): Promise<void> {
  const row = await db.selectFrom('login_throttle').select('locked_until').where('username', '=', key(username)).executeTakeFirst();
  if (row?.locked_until && row.locked_until > nowIso()) throw new TooManyAttemptsError(lockMinutes);
}

export async function recordFailure(db: Kysely<DB>, username: string, maxFailures: number, lockMinutes: number): Promise<void> {
  const now = nowIso();
  const row = await db
    .insertInto('login_throttle')
    .values({ username: key(username), failures: 1, locked_until: null, updated_at: now })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet((eb) => ({
        failures: eb(eb.ref('login_throttle.failures'), '+', 1),
        updated_at: now,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  if (row.failures >= maxFailures) {
    await db
      .updateTable('login_throttle')
      .set({ failures: 0, locked_until: new Date(Date.now() + lockMinutes * 60_000).toISOString() })
      .where('username', '=', key(username))
      .execute();
  }
}

export async function clearFailures(db: Kysely<DB>, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', key(username)).execute();
}
