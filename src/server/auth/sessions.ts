import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../clock.js';
import { presentUser, regionCodesOf } from './users.js';

const SESSION_COOKIE = 'lz_session';
// A last-use time older than this is written on the next request; more often would make every read a write.
const TOUCH_AFTER_MS = 60_000;

/** Behind HTTPS the cookie is `__Host-` prefixed: the browser then insists on Secure, Path=/ and no Domain. */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

// Only a hash of the token is stored, so a copy of the database does not hand out live sessions.
function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Kysely<DB>, userId: number, ttlHours: number) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const now = new Date();
  await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlHours * 3_600_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export interface LoadedSession {
  user: CurrentUser;
  csrfToken: string;
}

/** The session behind a cookie, if it has neither expired nor been idle longer than idleMinutes. */
export async function loadSession(db: Kysely<DB>, token: string, idleMinutes: number): Promise<LoadedSession | null> {
  const now = Date.now();
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.last_seen_at'])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', new Date(now).toISOString())
    .where('sessions.last_seen_at', '>', new Date(now - idleMinutes * 60_000).toISOString())
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  const { csrf_token, last_seen_at, ...user } = row;
  if (!last_seen_at || now - Date.parse(last_seen_at) > TOUCH_AFTER_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', id).execute();
  }
  return { user: presentUser(user, await regionCodesOf(db, user.id)), csrfToken: csrf_token };
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}
