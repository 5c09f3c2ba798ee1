import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../clock.js';
import { presentUser, regionCodesOf } from './users.js';

export const SESSION_COOKIE = 'lz_session';

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
      expires_at: new Date(now.getTime() + ttlHours * 3_600_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export interface LoadedSession {
  user: CurrentUser;
  csrfToken: string;
}

export async function loadSession(db: Kysely<DB>, token: string): Promise<LoadedSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.csrf_token')
    .where('sessions.id', '=', hashToken(token))
    .where('sessions.expires_at', '>', nowIso())
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  const { csrf_token, ...user } = row;
  return { user: presentUser(user, await regionCodesOf(db, user.id)), csrfToken: csrf_token };
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}
