import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { addEvent } from '../service-requests/routing.js';
import { attachmentsDir, type StoredFile } from './files.js';
import type { OwnerType } from './policy.js';

/**
 * Records a file already stored under its random name. If the record cannot be written the file is
 * removed, so disk and database never disagree.
 */
export async function recordAttachment(options: { db: Kysely<DB>; dataDir: string; user: CurrentUser; ownerType: OwnerType; ownerId: number; file: StoredFile }) {
  const { db, user, ownerType, ownerId, file } = options;
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('attachments')
        .values({
          owner_type: ownerType,
          owner_id: ownerId,
          file_name: file.fileName,
          mime: file.mime,
          size_bytes: file.sizeBytes,
          sha256: file.sha256,
          storage_key: file.storageKey,
          uploaded_by: user.id,
          created_at: nowIso(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (ownerType === 'request') await addEvent(trx, { requestId: ownerId, kind: 'attachment', user, note: file.fileName });
      await recordAudit(trx, { actor: user, action: 'attachment.create', entity: ownerType === 'request' ? 'service_request' : 'approval', entityId: ownerId, after: { id: row.id, fileName: row.file_name, mime: row.mime, sizeBytes: row.size_bytes, sha256: row.sha256 } });
      return row;
    });
  } catch (error) {
    await fs.promises.rm(path.join(attachmentsDir(options.dataDir), file.storageKey), { force: true });
    throw error;
  }
}
