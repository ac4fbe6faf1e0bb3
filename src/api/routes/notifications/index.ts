// GET /api/notifications: Thông báo, the workflow events that concern the caller, each
// read or not; POST /api/notifications/read marks some (or all) read.
import { z } from 'zod';
import { listNotifications, NOTIFICATION_KINDS } from '../../../app/reports/list-notifications.ts';
import { markNotificationsRead } from '../../../app/reports/mark-notifications-read.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS } from '../schemas.ts';

const ZNotification = z.object({
  id: z.string(), kind: z.enum(NOTIFICATION_KINDS), at: z.string(), orgUnit: z.string(), orgUnitName: z.string(), period: z.string(), periodLabel: z.string(),
  part: z.string().nullable(), partName: z.string().nullable(), reason: z.string().nullable(), actor: z.string().nullable(), actorName: z.string().nullable(),
  title: z.string().describe('Câu thông báo'), severity: z.enum(['info', 'warning']),
  read: z.boolean().describe('Người dùng đã đọc'),
});

export function registerNotificationRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/notifications', {
    schema: {
      tags: ['reports'], summary: 'Thông báo: trả lại, gửi, tổng hợp, phê duyệt, ban hành, mở lại, sắp đến hạn',
      response: { 200: z.object({ notifications: z.array(ZNotification), unread: z.number().int().describe('Số thông báo chưa đọc') }), ...ERRORS },
    },
  }, async (request) => {
    const notifications = await listNotifications({ store: context.store, principal: principalOf(request), now: context.now() });
    return { notifications, unread: notifications.filter((n) => !n.read).length };
  });

  app.post('/api/notifications/read', {
    schema: {
      tags: ['reports'], summary: 'Đánh dấu đã đọc: các thông báo theo mã, hoặc tất cả',
      body: z.union([
        z.strictObject({ ids: z.array(z.string().min(1).max(300)).min(1).max(100).describe('Mã các thông báo') }),
        z.strictObject({ all: z.literal(true).describe('Mọi thông báo đang có') }),
      ]),
      response: {
        200: z.object({
          marked: z.number().int().describe('Số thông báo vừa đánh dấu đã đọc'),
          notListed: z.array(z.string()).describe('Mã không còn trong danh sách thông báo (bỏ qua)'),
          unread: z.number().int().describe('Số thông báo còn chưa đọc'),
        }),
        ...ERRORS,
      },
    },
  }, async (request) => {
    const result = await markNotificationsRead({
      store: context.store, principal: principalOf(request), ids: 'ids' in request.body ? request.body.ids : 'all', now: context.now(),
    });
    return { ...result, notListed: [...result.notListed] };
  });
}
