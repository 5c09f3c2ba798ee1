import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { NotificationListQuery } from '../../shared/notifications.js';
import type { DB } from '../db/schema.js';

// An inbox is its owner's alone: every query is bound to the caller's id, whatever the role.
function inbox(db: Kysely<DB>, user: CurrentUser, unreadOnly: boolean) {
  let q = db.selectFrom('notifications').where('notifications.user_id', '=', user.id);
  if (unreadOnly) q = q.where('notifications.read_at', 'is', null);
  return q;
}

export async function listNotifications(db: Kysely<DB>, user: CurrentUser, query: NotificationListQuery) {
  const unreadOnly = query.unread === 'true';
  const [rows, total] = await Promise.all([
    inbox(db, user, unreadOnly)
      .selectAll()
      .orderBy('notifications.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    inbox(db, user, unreadOnly).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function unreadCount(db: Kysely<DB>, user: CurrentUser): Promise<number> {
  const row = await inbox(db, user, true).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findOwnNotification(db: Kysely<DB>, user: CurrentUser, id: number) {
  return inbox(db, user, false).selectAll().where('notifications.id', '=', id).executeTakeFirst();
}
