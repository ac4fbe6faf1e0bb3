// GET /api/notifications: Thông báo, the workflow events that concern the caller.
import { z } from 'zod';
import { listNotifications, NOTIFICATION_KINDS } from '../../../app/reports/list-notifications.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS } from '../schemas.ts';

const ZNotification = z.object({
  id: z.string(), kind: z.enum(NOTIFICATION_KINDS), at: z.string(), orgUnit: z.string(), orgUnitName: z.string(), period: z.string(), periodLabel: z.string(),
  part: z.string().nullable(), partName: z.string().nullable(), reason: z.string().nullable(), actor: z.string().nullable(), actorName: z.string().nullable(),
  title: z.string().describe('Câu thông báo'), severity: z.enum(['info', 'warning']),
});

export function registerNotificationRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/notifications', {
    schema: {
      tags: ['reports'], summary: 'Thông báo: trả lại, gửi, tổng hợp, phê duyệt, ban hành, mở lại, sắp đến hạn',
      response: { 200: z.object({ notifications: z.array(ZNotification) }), ...ERRORS },
    },
  }, async (request) => ({ notifications: await listNotifications({ store: context.store, principal: principalOf(request), now: context.now() }) }));
}
