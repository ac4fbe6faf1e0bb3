// GET /api/values?org=&period=[&children=true]; PUT /api/values (dataValueSets JSON, atomic, ?dryRun=true).
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import { exportValues } from '../../../app/values/export-values.ts';
import { loadOrgTree, requireAccess } from '../../../app/accounts/principal.ts';
import { writeValues } from '../../../app/values/write-values.ts';
import { tryParsePeriod } from '../../../core/period.ts';
import type { Period } from '../../../core/period.ts';
import { dhis2Period, exportedDisagg } from '../../../exchange/value-codes.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ZError } from '../../errors.ts';
import { ERRORS, ZBooleanQuery, ZOrgCode, ZPeriodCode } from '../schemas.ts';

const ZCode = z.string().min(1).max(128);
const ZScalar = z.union([z.string().max(64), z.number()]);

const ZDataValueIn = z.strictObject({
  dataElement: ZCode.describe('Mã chỉ tiêu'),
  period: ZPeriodCode.optional(),
  orgUnit: ZOrgCode.optional(),
  categoryOptionCombo: z.string().max(256).optional().describe('default hoặc phân tổ, ví dụ channel=online'),
  attributeOptionCombo: z.string().max(64).optional(),
  value: ZScalar,
  comment: z.string().max(2000).nullable().optional(),
  storedBy: z.string().max(128).optional(),
  base: z.union([ZScalar, z.null()]).optional().describe('Giá trị đang lưu mà lần ghi này dựa vào (null: ô trống); khác số đang lưu thì cả lần ghi bị từ chối với 409 conflict'),
});

const ZDataValueSetIn = z.strictObject({
  dataSet: z.string().max(128).optional(),
  period: ZPeriodCode.optional(),
  orgUnit: ZOrgCode.optional(),
  completeDate: z.string().max(32).optional(),
  dataValues: z.array(ZDataValueIn).max(100_000),
});

const ZDataValueOut = z.object({
  dataElement: z.string(), period: z.string(), orgUnit: z.string(), categoryOptionCombo: z.string(), value: z.string(),
  comment: z.string().optional(), storedBy: z.string().optional(), lastUpdated: z.string().optional(),
});

const ZImportSummary = z.object({
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  dryRun: z.boolean(),
  importCount: z.object({ imported: z.number(), updated: z.number(), ignored: z.number(), deleted: z.number() }),
  unchanged: z.number(),
  conflicts: z.array(z.object({ object: z.string(), value: z.string(), indexes: z.array(z.number()), message: z.string() })),
});

function periodOf(code: string, field: string): Period {
  const parsed = tryParsePeriod(code);
  if (!parsed.ok) throw new AppError('bad_request', `Kỳ báo cáo "${code}" không hợp lệ (dùng 2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022).`, { field });
  return parsed.period;
}

export function registerValueRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/values', {
    schema: {
      tags: ['values'], summary: 'Số liệu của một đơn vị trong một kỳ (dạng dataValueSets)',
      querystring: z.strictObject({ org: ZOrgCode, period: ZPeriodCode, children: ZBooleanQuery.optional() }),
      response: { 200: z.object({ orgUnit: z.string(), period: z.string(), dataValues: z.array(ZDataValueOut) }), ...ERRORS },
    },
  }, async (request) => {
    const { org, period: periodCode, children = false } = request.query;
    const period = periodOf(periodCode, 'querystring.period');
    const tree = await loadOrgTree(context.store);
    requireAccess(principalOf(request), tree, 'read', org);
    const result = await exportValues({ store: context.store, orgUnit: org, period, children });
    if (!result.ok) throw new AppError('not_found', result.problem, { field: 'querystring.org' });
    return {
      orgUnit: org,
      period: dhis2Period(periodCode),
      dataValues: result.values.map((v) => ({
        dataElement: v.indicator, period: dhis2Period(v.period), orgUnit: v.orgUnit, categoryOptionCombo: exportedDisagg(v.disagg), value: String(v.value),
        ...(v.comment ? { comment: v.comment } : {}), ...(v.storedBy ? { storedBy: v.storedBy } : {}), ...(v.updatedAt ? { lastUpdated: v.updatedAt } : {}),
      })),
    };
  });

  app.put('/api/values', {
    schema: {
      tags: ['values'], summary: 'Ghi số liệu (dataValueSets JSON); trọn gói, có chạy thử (dryRun=true)',
      querystring: z.strictObject({ dryRun: ZBooleanQuery.optional() }),
      body: ZDataValueSetIn,
      response: { 200: ZImportSummary, 409: ZError, 413: ZError, ...ERRORS },
    },
  }, async (request) => {
    const body = request.body;
    const rows = body.dataValues.map((item, i) => ({
      index: i + 1,
      indicator: item.dataElement,
      period: item.period ?? body.period ?? '',
      orgUnit: item.orgUnit ?? body.orgUnit ?? '',
      disagg: item.categoryOptionCombo ?? '',
      value: String(item.value),
      comment: item.comment ?? null,
      storedBy: item.storedBy ?? null,
      ...(item.base !== undefined ? { base: item.base === null ? null : String(item.base) } : {}),
    }));
    const missing = rows.findIndex((r) => r.period === '' || r.orgUnit === '');
    if (missing >= 0) {
      const field = rows[missing]?.period === '' ? 'period' : 'orgUnit';
      throw new AppError('bad_request', `Dòng ${missing + 1}: thiếu ${field === 'period' ? 'kỳ báo cáo (period)' : 'mã đơn vị (orgUnit)'}.`, { field: `body.dataValues.${missing}.${field}` });
    }
    const summary = await writeValues({ store: context.store, principal: principalOf(request), rows, dryRun: request.query.dryRun ?? false, now: context.now() });
    return { ...summary, importCount: { ...summary.importCount }, conflicts: summary.conflicts.map((c) => ({ ...c, indexes: [...c.indexes] })) };
  });
}
