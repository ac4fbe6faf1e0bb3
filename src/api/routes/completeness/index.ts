// GET /api/completeness?period=&org=: which reports and divisions' parts under `org`
// are in for the period, on time or late against the deadline.
import { z } from 'zod';
import { loadOrgTree, requireAccess } from '../../../app/accounts/principal.ts';
import { reportCompleteness } from '../../../app/reports/report-completeness.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS, ZOrgCode, ZPeriodCode } from '../schemas.ts';

const ZTimeliness = z.enum(['on_time', 'late', 'missing']).describe('on_time: đúng hạn; late: trễ hạn; missing: chưa nộp');

export function registerCompletenessRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/completeness', {
    schema: {
      tags: ['completeness'], summary: 'Tình hình nộp báo cáo của các đơn vị, phòng trong kỳ (đúng hạn, trễ hạn, chưa nộp)',
      querystring: z.strictObject({ org: ZOrgCode, period: ZPeriodCode }),
      response: {
        200: z.object({
          period: z.string(), deadline: z.string(),
          counts: z.object({ on_time: z.number(), late: z.number(), missing: z.number() }),
          reports: z.array(z.object({
            orgUnit: z.string(), name: z.string(), status: z.string(), issuedAt: z.string().nullable(), timeliness: ZTimeliness,
            parts: z.array(z.object({ division: z.string(), name: z.string(), status: z.enum(['draft', 'submitted']), submittedAt: z.string().nullable(), timeliness: ZTimeliness })),
          })),
        }),
        ...ERRORS,
      },
    },
  }, async (request) => {
    const { org, period } = request.query;
    requireAccess(principalOf(request), await loadOrgTree(context.store), 'read', org);
    const result = await reportCompleteness({ store: context.store, orgUnit: org, period });
    return { ...result, counts: { ...result.counts }, reports: result.reports.map((r) => ({ ...r, parts: [...r.parts] })) };
  });
}
