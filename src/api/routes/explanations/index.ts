// PUT /api/explanations: a unit's explanation (giải trình) of one figure; '' removes it.
// GET /api/explanations?org=&period=[&children=true]: those of a unit (or its subtree).
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import { loadOrgTree, requireAccess } from '../../../app/accounts/principal.ts';
import { listExplanations } from '../../../app/values/list-explanations.ts';
import { MAX_EXPLANATION_LENGTH, writeExplanation } from '../../../app/values/write-explanation.ts';
import { tryParsePeriod } from '../../../core/period.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ZError } from '../../errors.ts';
import { ZExplanation } from '../reports/report-schemas.ts';
import { ERRORS, ZBooleanQuery, ZOrgCode, ZPeriodCode } from '../schemas.ts';

export function registerExplanationRoutes(app: ZodApp, context: ApiContext): void {
  app.put('/api/explanations', {
    schema: {
      tags: ['values'], summary: 'Ghi giải trình cho một số liệu (nội dung rỗng: xóa)',
      body: z.strictObject({
        orgUnit: ZOrgCode, period: ZPeriodCode, dataElement: z.string().min(1).max(128).describe('Mã chỉ tiêu'),
        categoryOptionCombo: z.string().max(256).optional().describe('default hoặc phân tổ'),
        text: z.string().max(MAX_EXPLANATION_LENGTH + 100).describe('Giải trình; rỗng để xóa'),
      }),
      response: { 200: z.object({ explanation: ZExplanation.nullable() }), 409: ZError, ...ERRORS },
    },
  }, async (request) => {
    const body = request.body;
    const principal = principalOf(request);
    const saved = await writeExplanation({
      store: context.store, principal, orgUnit: body.orgUnit, period: body.period, indicator: body.dataElement,
      categoryOptionCombo: body.categoryOptionCombo ?? null, text: body.text, now: context.now(),
    });
    if (!saved) return { explanation: null };
    const [view] = (await listExplanations({ store: context.store, orgUnit: saved.orgUnit, period: periodOf(saved.period) }))
      .filter((e) => e.dataElement === saved.indicator && e.categoryOptionCombo === (saved.disagg === '' ? 'default' : saved.disagg));
    return { explanation: view ?? null };
  });

  app.get('/api/explanations', {
    schema: {
      tags: ['values'], summary: 'Giải trình số liệu của một đơn vị (và đơn vị trực thuộc) trong một kỳ',
      querystring: z.strictObject({ org: ZOrgCode, period: ZPeriodCode, children: ZBooleanQuery.optional() }),
      response: { 200: z.object({ explanations: z.array(ZExplanation) }), ...ERRORS },
    },
  }, async (request) => {
    const { org, children = false } = request.query;
    requireAccess(principalOf(request), await loadOrgTree(context.store), 'read', org);
    return { explanations: await listExplanations({ store: context.store, orgUnit: org, period: periodOf(request.query.period), children }) };
  });
}

function periodOf(code: string) {
  const parsed = tryParsePeriod(code);
  if (!parsed.ok) throw new AppError('bad_request', `Kỳ báo cáo "${code}" không hợp lệ.`, { field: 'querystring.period' });
  return parsed.period;
}
