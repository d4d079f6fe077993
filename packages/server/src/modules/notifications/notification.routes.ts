import { idParam, notificationListQuery, notificationPage, notificationReadAllResult, notificationUnreadCount, okBody } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { NotificationService } from './notification.service.ts';

const tags = ['通知'];

/** Everyone's own notices: every route answers for the signed-in user only. */
export async function registerNotificationModule(app: FastifyInstance, deps: { notifications: NotificationService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { notifications } = deps;

  r.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '我的通知（新的在前；unread=true 只看未读）',
        querystring: notificationListQuery,
        response: { 200: notificationPage },
      },
    },
    async (request) => notifications.list(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/notifications/unread-count',
    { config: { access: 'authenticated' }, schema: { tags, summary: '我的未读通知数', response: { 200: notificationUnreadCount } } },
    async (request) => ({ count: await notifications.unreadCount(requireActor(request)) }),
  );
  r.post(
    '/api/v1/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags, summary: '标为已读', params: idParam, response: { 200: okBody } } },
    async (request) => {
      await notifications.markRead(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/notifications/read-all',
    { config: { access: 'authenticated' }, schema: { tags, summary: '全部标为已读', response: { 200: notificationReadAllResult } } },
    async (request) => ({ count: await notifications.markAllRead(requireActor(request)) }),
  );
}
