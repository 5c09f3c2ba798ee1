import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';

export interface AuditEntryInput {
  /** A signed-in user, an anonymous caller named by its address (id null), or null for the system. */
  actor: Pick<CurrentUser, 'id' | 'username'> | { id: null; username: string } | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Append-only: called inside the transaction of the write it records, so both land or neither. */
export async function recordAudit(trx: Kysely<DB> | Transaction<DB>, entry: AuditEntryInput): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      user_id: entry.actor?.id ?? null,
      username: entry.actor?.username ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
