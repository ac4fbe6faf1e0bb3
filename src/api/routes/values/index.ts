// GET /api/values?org=&period=[&children=true]; PUT /api/values (dataValueSets JSON, atomic,
// ?dryRun=true, ?importStrategy=, id schemes). What GET returns is valid PUT input.
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import { exportValues } from '../../../app/values/export-values.ts';
import { loadOrgTree, requireAccess } from '../../../app/accounts/principal.ts';
import { IMPORT_STRATEGIES } from '../../../app/values/value-import.ts';
import { writeValues } from '../../../app/values/write-values.ts';
import { tryParsePeriod } from '../../../core/period.ts';
import type { Period } from '../../../core/period.ts';
import { storedValueText } from '../../../core/value-type.ts';
import { dhis2Period, exportedDisagg } from '../../../exchange/value-codes.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ZError } from '../../errors.ts';
import { ERRORS, idSchemesOf, ZBooleanQuery, ZIdSchemeQuery, ZOrgCode, ZPeriodCode } from '../schemas.ts';

const ZCode = z.string().min(1).max(128);
/** A value: text values may be long (TEXT up to 50,000 characters); booleans as JSON booleans too. */
const ZScalar = z.union([z.string().max(50_000), z.number(), z.boolean()]);

const ZDataValueIn = z.strictObject({
  dataElement: ZCode.describe('Mã chỉ tiêu (mã của baocao, hoặc uid/mã/tên DHIS2 theo idScheme)'),
  period: ZPeriodCode.optional(),
  orgUnit: ZOrgCode.optional(),
  categoryOptionCombo: z.string().max(256).optional().describe('default, uid/mã/tên tổ hợp phân tổ của DHIS2, hoặc phân tổ dạng channel=online'),
  attributeOptionCombo: z.string().max(256).optional().describe('Phân tổ thuộc tính (như categoryOptionCombo); bỏ trống: không có'),
  value: z.union([ZScalar, z.null()]).optional().describe('Bỏ trống, "" hoặc null: xóa số liệu đã lưu (như DHIS2)'),
  comment: z.string().max(2000).nullable().optional(),
  storedBy: z.string().max(128).nullable().optional(),
  created: z.string().max(64).optional().describe('Nhận để gửi lại được dữ liệu GET; baocao ghi thời điểm của mình'),
  lastUpdated: z.string().max(64).optional().describe('Nhận để gửi lại được dữ liệu GET; baocao ghi thời điểm của mình'),
  followup: z.boolean().optional().describe('Đánh dấu cần theo dõi (followup của DHIS2)'),
  deleted: z.boolean().optional().describe('true: xóa số liệu đã lưu'),
  base: z.union([ZScalar, z.null()]).optional().describe('Giá trị đang lưu mà lần ghi này dựa vào (null: ô trống); khác số đang lưu thì cả lần ghi bị từ chối với 409 conflict'),
});

const ZDataValueSetIn = z.strictObject({
  dataSet: z.string().max(128).optional(),
  period: ZPeriodCode.optional(),
  orgUnit: ZOrgCode.optional(),
  attributeOptionCombo: z.string().max(256).optional(),
  completeDate: z.string().max(32).optional(),
  ...ZIdSchemeQuery,
  dataValues: z.array(ZDataValueIn).max(100_000),
});

const ZDataValueOut = z.object({
  dataElement: z.string(), period: z.string(), orgUnit: z.string(), categoryOptionCombo: z.string(), attributeOptionCombo: z.string().optional(), value: z.string(),
  comment: z.string().optional(), storedBy: z.string().optional(), lastUpdated: z.string().optional(), followup: z.boolean().optional(),
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
  if (!parsed.ok) throw new AppError('bad_request', `Kỳ báo cáo "${code}" không hợp lệ (${parsed.error.reason}).`, { field });
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
        dataElement: v.indicator, period: dhis2Period(v.period), orgUnit: v.orgUnit, categoryOptionCombo: exportedDisagg(v.disagg),
        ...(v.attr ? { attributeOptionCombo: v.attr } : {}), value: storedValueText(v),
        ...(v.comment ? { comment: v.comment } : {}), ...(v.storedBy ? { storedBy: v.storedBy } : {}), ...(v.updatedAt ? { lastUpdated: v.updatedAt } : {}),
        ...(v.followup ? { followup: true } : {}),
      })),
    };
  });

  app.put('/api/values', {
    schema: {
      tags: ['values'], summary: 'Ghi hoặc xóa số liệu (dataValueSets JSON); trọn gói, có chạy thử (dryRun=true)',
      description: [
        'Như POST /api/dataValueSets của DHIS2. Giá trị bỏ trống, "" hoặc null, hay "deleted": true thì xóa số liệu đã lưu (ghi nhật ký, đếm ở importCount.deleted).',
        'importStrategy: CREATE_AND_UPDATE (mặc định), CREATE, UPDATE, DELETE. Giá trị kiểm tra theo kiểu của chỉ tiêu (số nguyên không âm, tỷ lệ 0–100, đúng/sai, ngày…).',
        'Mã đọc theo idScheme và các kiểu mã riêng (trong thân yêu cầu được ưu tiên hơn trên URL); mã của baocao luôn được nhận. Kết quả của GET /api/values gửi lại được nguyên vẹn.',
      ].join(' '),
      querystring: z.strictObject({
        dryRun: ZBooleanQuery.optional(),
        importStrategy: z.enum(IMPORT_STRATEGIES).optional().describe('CREATE_AND_UPDATE (mặc định), CREATE, UPDATE hoặc DELETE'),
        ...ZIdSchemeQuery,
      }),
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
      attr: item.attributeOptionCombo ?? body.attributeOptionCombo ?? '',
      value: item.value === undefined || item.value === null ? '' : String(item.value),
      comment: item.comment ?? null,
      storedBy: item.storedBy ?? null,
      ...(item.followup ? { followup: true } : {}),
      ...(item.deleted ? { deleted: true } : {}),
      ...(item.base !== undefined ? { base: item.base === null ? null : String(item.base) } : {}),
    }));
    const missing = rows.findIndex((r) => r.period === '' || r.orgUnit === '');
    if (missing >= 0) {
      const field = rows[missing]?.period === '' ? 'period' : 'orgUnit';
      throw new AppError('bad_request', `Dòng ${missing + 1}: thiếu ${field === 'period' ? 'kỳ báo cáo (period)' : 'mã đơn vị (orgUnit)'}.`, { field: `body.dataValues.${missing}.${field}` });
    }
    const { dryRun = false, importStrategy, ...schemes } = request.query;
    const { dataValues: _values, ...header } = body;
    // Id schemes written in the body win over the query's, as in DHIS2.
    const idSchemes = { ...idSchemesOf(schemes), ...idSchemesOf(header) };
    const summary = await writeValues({ store: context.store, principal: principalOf(request), rows, dryRun, ...(importStrategy ? { importStrategy } : {}), idSchemes, now: context.now() });
    return { ...summary, importCount: { ...summary.importCount }, conflicts: summary.conflicts.map((c) => ({ ...c, indexes: [...c.indexes] })) };
  });
}
