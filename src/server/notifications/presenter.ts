import type { Selectable } from 'kysely';
import type { Notification } from '../../shared/notifications.js';
import type { NotificationKind } from '../../shared/service-catalog.js';
import type { NotificationTable } from '../db/schema.js';
import type { Lang } from '../errors.js';

export function presentNotification(row: Selectable<NotificationTable>, lang: Lang): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: lang === 'en' && row.title_en ? row.title_en : row.title,
    link: row.link,
    entity: row.entity,
    entityId: row.entity_id,
    read: row.read_at !== null,
    readAt: row.read_at,
    createdAt: row.created_at,
  };
}
