import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { TooManyAttemptsError } from '../errors.js';

export interface ThrottleOptions {
  maxFailures: number;
  lockMinutes: number;
}

// Failures are counted per name *and* address: a stranger guessing a colleague's password locks only
// himself out, and each further lock of that pair lasts twice as long (capped at a day). A name is also
// counted over all addresses, at ten times the limit, so guesses spread over many addresses still
// stop; that lock never grows, so nobody can use it to keep a user out for long.
// Keys are the name as typed, whether or not such a user exists, so locking reveals nothing about accounts;
// kept in the database so every app instance sees the same count.
const GLOBAL_FACTOR = 10;
const MAX_LOCK_MINUTES = 24 * 60;

function pairKey(username: string, address: string): string {
  return `${address}|${username.trim()}`;
}
function nameKey(username: string): string {
  return `*|${username.trim()}`;
}

/**
 * Counts the attempt before the password is checked, in one atomic upsert per key, so parallel guesses
 * cannot all slip past the limit while a slow hash runs. A count older than the lock period starts over;
 * the run of locks starts over after a day without attempts.
 */
export async function countAttempt(db: Kysely<DB>, username: string, address: string, options: ThrottleOptions): Promise<void> {
  const now = new Date();
  const nowIso = now.toISOString();
  const keys = [pairKey(username, address), nameKey(username)];
  const locks = await db.selectFrom('login_throttle').select(['locked_until']).where('username', 'in', keys).execute();
  const until = locks.map((l) => l.locked_until).filter((u): u is string => !!u && u > nowIso).sort().at(-1);
  if (until) throw new TooManyAttemptsError(Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
  const staleBefore = new Date(now.getTime() - options.lockMinutes * 60_000).toISOString();
  const dayBefore = new Date(now.getTime() - MAX_LOCK_MINUTES * 60_000).toISOString();
  for (const [key, limit, grows] of [
    [keys[0], options.maxFailures, true],
    [keys[1], options.maxFailures * GLOBAL_FACTOR, false],
  ] as const) {
    const row = await db
      .insertInto('login_throttle')
      .values({ username: key, failures: 1, locked_until: null, updated_at: nowIso })
      .onConflict((oc) =>
        oc.column('username').doUpdateSet({
          failures: sql<number>`case when login_throttle.updated_at < ${staleBefore} then 1 else login_throttle.failures + 1 end`,
          locks: sql<number>`case when login_throttle.updated_at < ${dayBefore} then 0 else login_throttle.locks end`,
          updated_at: nowIso,
        }),
      )
      .returning(['failures', 'locks'])
      .executeTakeFirstOrThrow();
    if (row.failures > limit) {
      const minutes = grows ? Math.min(options.lockMinutes * 2 ** row.locks, MAX_LOCK_MINUTES) : options.lockMinutes;
      await db
        .updateTable('login_throttle')
        // The count is not reset here: a guess racing this update must still see itself over the limit.
        .set({ locked_until: new Date(now.getTime() + minutes * 60_000).toISOString(), locks: row.locks + 1 })
        .where('username', '=', key)
        .execute();
      throw new TooManyAttemptsError(minutes);
    }
  }
}

/**
 * A right password ends the pair's run of failures and takes back its own count from the name's total
 * (many colleagues signing in to one shared account are not guesses); the name's earlier failures stay.
 */
export async function clearAttempts(db: Kysely<DB>, username: string, address: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', pairKey(username, address)).execute();
  await db
    .updateTable('login_throttle')
    .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
    .where('username', '=', nameKey(username))
    .execute();
}
