// GET /api/validation?org=&period=[&children=true]: the findings of the data-value
// rules (implied by the catalogue and declared) and, when the unit has a report for
// the period, the report's own checks. Findings are data: always 200.
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import { loadOrgTree, requireAccess } from '../../../app/accounts/principal.ts';
import { listFindings } from '../../../app/reports/list-findings.ts';
import { formatPeriod, tryParsePeriod } from '../../../core/period.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { presentFindings, ZFinding } from '../reports/report-schemas.ts';
import { ERRORS, ZBooleanQuery, ZOrgCode, ZPeriodCode } from '../schemas.ts';


export function registerValidationRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/validation', {
    schema: {
      tags: ['validation'], summary: 'Kiểm tra số liệu và báo cáo của một đơn vị trong một kỳ',
      querystring: z.strictObject({ org: ZOrgCode, period: ZPeriodCode, children: ZBooleanQuery.optional() }),
      response: {
        200: z.object({ orgUnit: z.string(), period: z.string(), orgUnits: z.array(z.string()), findings: z.array(ZFinding), reportFindings: z.array(ZFinding), errors: z.number() }),
        ...ERRORS,
      },
    },
  }, async (request) => {
    const { org, children = false } = request.query;
    const parsed = tryParsePeriod(request.query.period);
    if (!parsed.ok) throw new AppError('bad_request', `Kỳ báo cáo "${request.query.period}" không hợp lệ.`, { field: 'querystring.period' });
    requireAccess(principalOf(request), await loadOrgTree(context.store), 'read', org);
    const result = await listFindings({ store: context.store, orgUnit: org, period: parsed.period, children });
    if (!result.ok) throw new AppError('not_found', result.problem, { field: 'querystring.org' });
    const period = formatPeriod(parsed.period);
    const findings = presentFindings(result.findings);
    const reportFindings = presentFindings(result.reportFindings);
    return {
      orgUnit: org, period, orgUnits: [...result.orgUnits], findings, reportFindings,
      errors: [...findings, ...reportFindings].filter((f) => f.severity === 'error').length,
    };
  });
}
