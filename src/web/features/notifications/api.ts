import type { Notification, NotificationPage, UnreadCount } from '../../../shared/notifications.js';
import { api, toQuery } from '../../api/client.js';

export const notificationApi = {
  list: (q: { unread?: 'true'; page: number; pageSize: number }) => api<NotificationPage>(`/api/notifications${toQuery({ ...q })}`),
  unreadCount: () => api<UnreadCount>('/api/notifications/unread-count'),
  markRead: (id: number) => api<Notification>(`/api/notifications/${id}/read`, { method: 'POST' }),
  markAllRead: () => api<UnreadCount>('/api/notifications/read-all', { method: 'POST' }),
};

/** Every query of the inbox and the bell starts with this key, so one invalidation refreshes both. */
export const NOTIFICATIONS_KEY = 'notifications';
