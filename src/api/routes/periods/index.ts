// GET /api/periods[?org=]: the reports the caller reads with their states (the period
// picker), the period it lands on after login, and whether it may open the next one.
import { z } from 'zod';
import { listPeriods } from '../../../app/reports/list-periods.ts';
import { REPORT_STATUSES } from '../../../core/workflow.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS, ZOrgCode } from '../schemas.ts';

const ZPeriods = z.object({
  today: z.string().describe('Hôm nay (giờ Việt Nam)'),
  landing: z.object({ orgUnit: z.string(), period: z.string() }).nullable().describe('Kỳ mở ra sau khi đăng nhập: báo cáo chưa ban hành gần hạn nhất, nếu không thì báo cáo mới nhất'),
  units: z.array(z.object({
    orgUnit: z.string(), name: z.string(), shortName: z.string().nullable(),
    canCreate: z.boolean().describe('Người gọi được lập báo cáo kỳ tiếp theo'), nextPeriod: z.object({ period: z.string(), label: z.string() }).nullable(),
  })),
  reports: z.array(z.object({
    orgUnit: z.string(), orgUnitName: z.string(), period: z.string(), periodLabel: z.string(), template: z.string(),
    status: z.enum(REPORT_STATUSES), statusLabel: z.string(), numberText: z.string().nullable(), date: z.string().nullable(),
    deadline: z.string(), issuedAt: z.string().nullable(), isOpen: z.boolean(),
  })),
});

export function registerPeriodRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/periods', {
    schema: {
      tags: ['reports'], summary: 'Các kỳ có báo cáo mà người dùng được xem, trạng thái, kỳ mở ra khi đăng nhập',
      querystring: z.strictObject({ org: ZOrgCode.optional() }),
      response: { 200: ZPeriods, ...ERRORS },
    },
  }, async (request) => {
    const view = await listPeriods({ store: context.store, principal: principalOf(request), ...(request.query.org ? { orgUnit: request.query.org } : {}), now: context.now() });
    return { ...view, units: view.units.map((u) => ({ ...u })), reports: view.reports.map((r) => ({ ...r })) };
  });
}
