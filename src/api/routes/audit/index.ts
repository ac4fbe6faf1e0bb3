// GET /api/audit?org=&period=&user=&kind=&limit=: the audit trail (who, when, what,
// before and after, and each as a Vietnamese sentence with its changed fields), most
// recent first, within the caller's read_audit scope.
import { z } from 'zod';
import { describeAuditEvents } from '../../../app/audit/describe-audit-events.ts';
import { listAuditEvents } from '../../../app/audit/list-audit-events.ts';
import { formatPeriod, tryParsePeriod } from '../../../core/period.ts';
import { AppError } from '../../../app/app-error.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS, ZOrgCode, ZPeriodCode } from '../schemas.ts';

export function registerAuditRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/audit', {
    schema: {
      tags: ['audit'], summary: 'Nhật ký thay đổi (ai, khi nào, thay đổi gì, trước và sau)',
      querystring: z.strictObject({
        org: ZOrgCode.optional(), period: ZPeriodCode.optional(), user: z.string().min(1).max(128).optional(),
        kind: z.string().min(1).max(64).optional().describe('Loại thao tác: report.issue, report_item, data_value…'),
        limit: z.coerce.number().int().min(1).max(5000).optional(),
      }),
      response: {
        200: z.object({ events: z.array(z.object({
          id: z.number().optional(), at: z.string(), actor: z.string(), actorName: z.string(), action: z.string(), entity: z.string(),
          actionLabel: z.string().describe('Loại thao tác bằng tiếng Việt'), summary: z.string().describe('Câu mô tả thay đổi'),
          changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })).describe('Các trường đã đổi, giá trị viết theo kiểu Việt Nam'),
          orgUnit: z.string().nullable().optional(), period: z.string().nullable().optional(), before: z.unknown().optional(), after: z.unknown().optional(),
        })) }),
        ...ERRORS,
      },
    },
  }, async (request) => {
    const { org, period, user, kind, limit } = request.query;
    let periodCode: string | undefined;
    if (period !== undefined) {
      const parsed = tryParsePeriod(period);
      if (!parsed.ok) throw new AppError('bad_request', `Kỳ báo cáo "${period}" không hợp lệ.`, { field: 'querystring.period' });
      periodCode = formatPeriod(parsed.period);
    }
    const events = await listAuditEvents({
      store: context.store, principal: principalOf(request),
      query: { ...(org ? { orgUnit: org } : {}), ...(periodCode ? { period: periodCode } : {}), ...(user ? { user } : {}), ...(kind ? { kind } : {}), ...(limit ? { limit } : {}) },
    });
    return { events: (await describeAuditEvents({ store: context.store, events })).map((e) => ({ ...e, changes: [...e.changes] })) };
  });
}
