// GET /api/analytics?indicator=&org=&from=&to=[&by=month|unit][&filter=dim=opt;dim2=opt2]:
// aggregated series of one indicator for charts (subtree sums, ratios of sums), within
// the caller's read scope.
import { z } from 'zod';
import { analyzeIndicator } from '../../../app/analysis/analyze-indicator.ts';
import { AppError } from '../../../app/app-error.ts';
import { loadOrgTree, requireAccess } from '../../../app/accounts/principal.ts';
import { parseDisaggKey } from '../../../core/indicator.ts';
import { tryParsePeriod } from '../../../core/period.ts';
import type { Period } from '../../../core/period.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ERRORS, ZOrgCode, ZPeriodCode } from '../schemas.ts';

function monthOf(code: string, field: string): Period {
  const parsed = tryParsePeriod(code);
  if (!parsed.ok || parsed.period.type !== 'month') throw new AppError('bad_request', `"${code}" không phải là một tháng (dùng 2022-04 hoặc 202204).`, { field });
  return parsed.period;
}

export function registerAnalyticsRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/analytics', {
    schema: {
      tags: ['analytics'], summary: 'Chuỗi số liệu tổng hợp của một chỉ tiêu theo tháng hoặc theo đơn vị con (cho biểu đồ)',
      querystring: z.strictObject({
        indicator: z.string().min(1).max(128), org: ZOrgCode, from: ZPeriodCode, to: ZPeriodCode,
        by: z.enum(['month', 'unit']).optional().describe('month: cả đơn vị; unit: từng đơn vị con'),
        filter: z.string().max(256).optional().describe('Lát cắt theo phân tổ: service_level=province;channel=online'),
      }),
      response: {
        200: z.object({
          indicator: z.object({ code: z.string(), name: z.string(), unit: z.string(), kind: z.string() }),
          orgUnit: z.string(), by: z.enum(['month', 'unit']), filter: z.record(z.string(), z.string()),
          periods: z.array(z.string()),
          series: z.array(z.object({ orgUnit: z.string(), name: z.string(), values: z.array(z.number().nullable()) })),
        }),
        ...ERRORS,
      },
    },
  }, async (request) => {
    const { indicator, org, by = 'month' } = request.query;
    const from = monthOf(request.query.from, 'querystring.from');
    const to = monthOf(request.query.to, 'querystring.to');
    const raw = request.query.filter ?? '';
    if (raw !== '' && raw.split(';').some((pair) => pair.indexOf('=') <= 0)) {
      throw new AppError('bad_request', `Lát cắt "${raw}" không đúng dạng "phân_tổ=mục".`, { field: 'querystring.filter' });
    }
    const filter = raw === '' ? {} : parseDisaggKey(raw);
    requireAccess(principalOf(request), await loadOrgTree(context.store), 'read', org);
    const result = await analyzeIndicator({ store: context.store, indicator, orgUnit: org, from, to, by, filter });
    if (!result.ok) throw new AppError(result.field === 'org' || result.field === 'indicator' ? 'not_found' : 'bad_request', result.problem, { field: `querystring.${result.field}` });
    const { indicator: found } = result;
    return {
      indicator: { code: found.code, name: found.name, unit: found.unit, kind: found.kind },
      orgUnit: org, by, filter: { ...filter },
      periods: [...result.periods],
      series: result.series.map((s) => ({ orgUnit: s.orgUnit, name: s.name, values: [...s.values] })),
    };
  });
}
