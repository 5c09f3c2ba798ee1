import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { NotFoundError } from '../errors.js';

// Reading a notice changes only its reader's own inbox, not any record others rely on, so it is not
// written to the audit log (which would otherwise grow by a row for every click on the bell).

/** Marks one of the caller's own notices read; someone else's is 404, as if it did not exist. */
export async function markNotificationRead(options: { db: Kysely<DB>; user: CurrentUser; id: number }): Promise<void> {
  const { db, user, id } = options;
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', user.id).executeTakeFirst();
    if (!row) throw new NotFoundError({ zh: '通知', en: 'Notification' });
    if (row.read_at === null) await trx.updateTable('notifications').set({ read_at: nowIso() }).where('id', '=', id).where('read_at', 'is', null).execute();
  });
}

/** Marks all the caller's unread notices read; returns how many were. */
export async function markAllNotificationsRead(options: { db: Kysely<DB>; user: CurrentUser }): Promise<number> {
  const { db, user } = options;
  const result = await db.updateTable('notifications').set({ read_at: nowIso() }).where('user_id', '=', user.id).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
