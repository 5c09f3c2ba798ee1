import type { Kysely } from 'kysely';
import type { NotificationKind } from '../../shared/service-catalog.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';

export interface NotifyOptions {
  /** Inside the caller's transaction, so a notice exists exactly when the change it reports does. */
  trx: Kysely<DB>;
  kind: NotificationKind;
  /** Who hears of it: users by id, every active officer of the departments, and/or every admin. */
  userIds?: number[];
  departmentCodes?: string[];
  admins?: boolean;
  /** Users to leave out (the one who made the change does not need telling). */
  except?: number[];
  title: { zh: string; en: string };
  link: string;
  entity: string;
  entityId: string | number;
  /** Set for reminders a scheduler may raise more than once: each user gets it only once. */
  dedupeKey?: string;
}

/** Fans one notice out to its recipients' inboxes; returns how many were written. */
export async function notify(options: NotifyOptions): Promise<number> {
  const { trx } = options;
  const ids = new Set(options.userIds ?? []);
  if (options.departmentCodes?.length) {
    const rows = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'department')
      .where('active', '=', 1)
      .where('department', 'in', options.departmentCodes)
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  if (options.admins) {
    const rows = await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
    for (const r of rows) ids.add(r.id);
  }
  for (const id of options.except ?? []) ids.delete(id);
  if (ids.size === 0) return 0;
  const now = nowIso();
  const values = [...ids].map((userId) => ({
    user_id: userId,
    kind: options.kind,
    title: options.title.zh,
    title_en: options.title.en,
    link: options.link,
    entity: options.entity,
    entity_id: String(options.entityId),
    dedupe_key: options.dedupeKey ?? null,
    created_at: now,
  }));
  const result = await trx
    .insertInto('notifications')
    .values(values)
    // A repeated reminder (same user, same key) is dropped rather than failing the transaction.
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? values.length);
}
