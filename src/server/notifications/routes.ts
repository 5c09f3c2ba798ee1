import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import { notificationListQuerySchema, notificationPageSchema, notificationSchema, unreadCountSchema } from '../../shared/notifications.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { requestLang } from '../http/lang.js';
import { markAllNotificationsRead, markNotificationRead } from './commands.js';
import { presentNotification } from './presenter.js';
import { findOwnNotification, listNotifications, unreadCount } from './queries.js';

const errors = { 400: errorSchema, 401: errorSchema, 404: errorSchema };

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/notifications', {
    schema: { tags: ['notifications'], summary: 'The caller’s own inbox, newest first', querystring: notificationListQuerySchema, response: { 200: notificationPageSchema, ...errors } },
    handler: async (request) => {
      const { rows, total } = await listNotifications(db, requireUser(request), request.query);
      const lang = requestLang(request);
      return { items: rows.map((row) => presentNotification(row, lang)), total };
    },
  });

  r.get('/api/notifications/unread-count', {
    schema: { tags: ['notifications'], summary: 'How many of the caller’s notices are unread (the header bell)', response: { 200: unreadCountSchema, ...errors } },
    handler: async (request) => ({ count: await unreadCount(db, requireUser(request)) }),
  });

  r.post('/api/notifications/read-all', {
    schema: { tags: ['notifications'], summary: 'Mark all the caller’s notices read', response: { 200: unreadCountSchema, ...errors } },
    handler: async (request) => ({ count: await markAllNotificationsRead({ db, user: requireUser(request) }) }),
  });

  r.post('/api/notifications/:id/read', {
    schema: { tags: ['notifications'], summary: 'Mark one of the caller’s notices read (another user’s → 404)', params: idParamsSchema, response: { 200: notificationSchema, ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      await markNotificationRead({ db, user, id: request.params.id });
      const row = await findOwnNotification(db, user, request.params.id);
      return presentNotification(row!, requestLang(request));
    },
  });
}
