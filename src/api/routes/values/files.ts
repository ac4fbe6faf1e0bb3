// Values as files, for the data-entry page's download and upload buttons and for other
// systems:
//   GET  /api/values/export?org=&period=[&children=true]&format=json|csv|adx|xlsx[&template=CODE][&table=true&to=PERIOD]
//   POST /api/values/import?dryRun=&skipConflicts=   (the file itself as the body)
// Thin: the same exchange functions and use cases as `baocao values export|import`.
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import { importValuesFile } from '../../../app/values/import-values-file.ts';
import { IMPORT_STRATEGIES } from '../../../app/values/value-import.ts';
import { loadOrgTree, requireAccess } from '../../../app/accounts/principal.ts';
import type { ImportSummary } from '../../../app/values/value-import.ts';
import { formatPeriod, tryParsePeriod } from '../../../core/period.ts';
import type { Period } from '../../../core/period.ts';
import { placeConflicts } from '../../../exchange/located-values.ts';
import { exportValuesFile } from '../../../exchange/values-export.ts';
import { readValuesFile, unreadableValuesFile } from '../../../exchange/values-file.ts';
import { exportIndicatorTable, exportValuesForm } from '../../../exchange/values-workbook.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ZError } from '../../errors.ts';
import { attachment, registerUploadScope, UPLOAD_CONTENT_TYPES, ZUploadBody } from '../file-upload.ts';
import { ERRORS, idSchemesOf, ZBooleanQuery, ZIdSchemeQuery, ZOrgCode, ZPeriodCode } from '../schemas.ts';

export const VALUE_FILE_FORMATS = ['json', 'csv', 'adx', 'xlsx'] as const;
type ValueFileFormat = (typeof VALUE_FILE_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ValueFileFormat, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  adx: 'application/adx+xml; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const FORMAT_NAMES: Readonly<Record<ValueFileFormat, string>> = { json: 'DHIS2 JSON', csv: 'DHIS2 CSV', adx: 'ADX XML', xlsx: 'biểu nhập Excel' };

const ZFile = z.string().meta({ type: 'string', format: 'binary' });

const ZConflict = z.object({
  object: z.string().describe('Mã hoặc trường bị lỗi (mã chỉ tiêu, value, period, sheet…)'),
  value: z.string(),
  indexes: z.array(z.number()).describe('Dòng (CSV), mục dataValues (JSON) hoặc số thứ tự giá trị (ADX, Excel), đếm từ 1'),
  message: z.string().describe("Tiếng Việt; với Excel và ADX bắt đầu bằng chỗ lỗi: \"Trang 'stttt', dòng 12, cột F: …\"; với CSV/JSON: \"Dòng 3: …\" / \"Mục 3: …\""),
});

export const ZFileImportSummary = z.object({
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']).describe('SUCCESS: ghi hết; WARNING: skipConflicts=true, đã bỏ các dòng lỗi; ERROR: không ghi gì (chỉ gặp trong details.importSummary của lỗi 400)'),
  dryRun: z.boolean(),
  format: z.enum(VALUE_FILE_FORMATS).describe('Định dạng nhận ra theo nội dung tệp'),
  importCount: z.object({ imported: z.number(), updated: z.number(), ignored: z.number(), deleted: z.number() }),
  unchanged: z.number().describe('Trong số ignored: giá trị trùng với số đã lưu'),
  conflicts: z.array(ZConflict),
  notices: z.array(z.string()).describe('Điều đã chấp nhận nhưng người dùng nên biết (số nhập dạng chữ…)'),
});
type TFileImportSummary = z.infer<typeof ZFileImportSummary>;

function periodOf(code: string, field: string): Period {
  const parsed = tryParsePeriod(code);
  if (!parsed.ok) throw new AppError('bad_request', `Kỳ báo cáo "${code}" không hợp lệ (${parsed.error.reason}).`, { field });
  return parsed.period;
}

/** ASCII file name and its Vietnamese twin for Content-Disposition. */
function fileNames(kind: 'values' | 'form' | 'table', org: string, periods: string, format: ValueFileFormat): { ascii: string; vietnamese: string } {
  const extension = format === 'adx' ? 'adx.xml' : format;
  const safeOrg = org.replace(/[^A-Za-z0-9._-]/g, '_');
  switch (kind) {
    case 'form': return { ascii: `bieu-nhap-${safeOrg}-${periods}.xlsx`, vietnamese: `Biểu nhập số liệu ${org} ${periods}.xlsx` };
    case 'table': return { ascii: `bang-chi-tieu-${safeOrg}-${periods}.xlsx`, vietnamese: `Bảng chỉ tiêu ${org} ${periods}.xlsx` };
    case 'values': return { ascii: `so-lieu-${safeOrg}-${periods}.${extension}`, vietnamese: `Số liệu ${org} ${periods}.${extension}` };
  }
}

/** CSV and JSON conflicts name their rows; XLSX and ADX ones already name their place. */
function locate(summary: ImportSummary, format: ValueFileFormat, fatal: boolean): ImportSummary {
  // A file that could not be read at all says where in its one message.
  if (fatal || (format !== 'csv' && format !== 'json')) return summary;
  const label = format === 'csv' ? 'Dòng' : 'Mục';
  return {
    ...summary,
    conflicts: summary.conflicts.map((c) => (c.indexes.length === 0 ? c : {
      ...c, message: `${label} ${c.indexes.slice(0, 10).join(', ')}${c.indexes.length > 10 ? ` và ${c.indexes.length - 10} ${label.toLowerCase()} khác` : ''}: ${c.message}`,
    })),
  };
}

export function registerValueFileRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/values/export', {
    schema: {
      tags: ['values'],
      summary: 'Tải số liệu về dạng tệp: DHIS2 JSON, DHIS2 CSV, ADX XML, biểu nhập Excel hoặc bảng chỉ tiêu Excel',
      description: [
        'Cần quyền xem trên đơn vị. `format=json|csv|adx`: số liệu đã lưu của đơn vị (và đơn vị con với `children=true`) trong kỳ và các kỳ ngắn hơn nằm trong kỳ (năm gồm nửa năm, quý, tháng, tuần, ngày).',
        'Mã ghi theo kiểu mã của DHIS2 (idScheme…; mặc định UID với JSON, CSV và CODE với ADX), mã của baocao khi danh mục không có mã DHIS2. ADX ghi dataSet (mã đề cương của báo cáo) và completeDate khi báo cáo đã ban hành.',
        '`format=xlsx`: biểu nhập số liệu (mỗi đơn vị một trang, cột "Kỳ trước" là số của kỳ trước; `template=MÃ` chỉ lấy các chỉ tiêu đề cương in ra).',
        '`format=xlsx&table=true[&to=KỲ]`: bảng chỉ tiêu × đơn vị × kỳ từ `period` đến `to` (tối đa 60 kỳ cùng loại).',
        'Tên tệp trong Content-Disposition (filename ASCII, filename* tiếng Việt).',
      ].join(' '),
      querystring: z.strictObject({
        org: ZOrgCode,
        period: ZPeriodCode,
        children: ZBooleanQuery.optional().describe('Cả các đơn vị con (mặc định false)'),
        format: z.enum(VALUE_FILE_FORMATS).optional().describe('Mặc định json'),
        template: z.string().min(1).max(64).optional().describe('Chỉ với format=xlsx (biểu nhập): mã đề cương'),
        table: ZBooleanQuery.optional().describe('Chỉ với format=xlsx: bảng chỉ tiêu thay cho biểu nhập'),
        to: ZPeriodCode.optional().describe('Chỉ với table=true: kỳ cuối của bảng'),
        ...ZIdSchemeQuery,
      }),
      response: {
        200: {
          description: 'Tệp số liệu',
          content: Object.fromEntries(Object.values(CONTENT_TYPES).map((type) => [type.split(';')[0], { schema: ZFile }])),
        },
        ...ERRORS,
      },
    },
  }, async (request, reply) => {
    const { org, period: periodCode, children = false, format = 'json', template, table = false, to, ...schemes } = request.query;
    if (format !== 'xlsx' && (template !== undefined || table)) {
      throw new AppError('bad_request', 'Tham số template và table chỉ dùng với format=xlsx.', { field: template !== undefined ? 'querystring.template' : 'querystring.table' });
    }
    if (to !== undefined && !table) throw new AppError('bad_request', 'Tham số to chỉ dùng với table=true (bảng chỉ tiêu nhiều kỳ).', { field: 'querystring.to' });
    if (table && template !== undefined) throw new AppError('bad_request', 'Bảng chỉ tiêu không theo đề cương; bỏ tham số template.', { field: 'querystring.template' });
    const period = periodOf(periodCode, 'querystring.period');
    if (to !== undefined) periodOf(to, 'querystring.to');
    const tree = await loadOrgTree(context.store);
    requireAccess(principalOf(request), tree, 'read', org);

    if (format === 'xlsx') {
      const written = table
        ? await exportIndicatorTable({ store: context.store, orgUnit: org, periods: to === undefined ? periodCode : `${periodCode}..${to}`, children })
        : await exportValuesForm({ store: context.store, orgUnit: org, period, children, template: template ?? null });
      if (!written.ok) {
        throw new AppError(written.field === 'period' ? 'bad_request' : 'not_found', written.problem, { field: `querystring.${written.field === 'period' && to !== undefined ? 'to' : written.field}` });
      }
      const span = written.periods.length > 1 ? `${formatPeriod(written.periods[0]!)}_${formatPeriod(written.periods.at(-1)!)}` : formatPeriod(period);
      const names = fileNames(table ? 'table' : 'form', org, span, 'xlsx');
      return reply.type(CONTENT_TYPES.xlsx).header('content-disposition', attachment(names.ascii, names.vietnamese)).send(Buffer.from(written.bytes));
    }
    const result = await exportValuesFile({ store: context.store, orgUnit: org, period, children, format, idSchemes: idSchemesOf(schemes), exported: context.now().toISOString() });
    if (!result.ok) {
      const unknownUnit = !(await context.store.orgUnits.get(org));
      throw new AppError(unknownUnit ? 'not_found' : 'bad_request', result.problem, { field: unknownUnit ? 'querystring.org' : 'querystring.format' });
    }
    const names = fileNames('values', org, formatPeriod(period), format);
    // A Buffer is sent as is: the route's JSON serializer must not re-encode the file.
    return reply.type(CONTENT_TYPES[format]).header('content-disposition', attachment(names.ascii, names.vietnamese)).send(Buffer.from(result.text, 'utf8'));
  });

  registerUploadScope(app, (scoped) => {
    scoped.post('/api/values/import', {
      schema: {
        tags: ['values'],
        summary: 'Nhập tệp số liệu (DHIS2 JSON, DHIS2 CSV, ADX XML hoặc biểu nhập Excel), nhận dạng theo nội dung; trọn gói, có chạy thử',
        description: [
          'Thân yêu cầu là nguyên tệp (tối đa 20 MB), Content-Type bất kỳ (application/octet-stream hoặc kiểu riêng của tệp).',
          'Cần quyền nhập số liệu trên mọi đơn vị có trong tệp (403 nếu không) và kỳ chưa khóa (409 period_locked).',
          'Trọn gói như PUT /api/values: có xung đột thì không ghi gì và trả 400 bad_request, `message` là xung đột đầu tiên (kèm trang/dòng/cột với Excel), `details.importSummary` là bản tóm tắt đủ (dạng 200 bên dưới, status ERROR).',
          'skipConflicts=true: ghi các dòng hợp lệ, bỏ các dòng lỗi (status WARNING). dryRun=true: kiểm tra và đếm, không ghi gì.',
          'Tệp rỗng, hỏng (ZIP lỗi), không phải UTF-8 hay không đúng định dạng: 400 với thông báo tiếng Việt; quá 20 MB: 413.',
        ].join(' '),
        consumes: [...UPLOAD_CONTENT_TYPES],
        querystring: z.strictObject({
          dryRun: ZBooleanQuery.optional().describe('Chạy thử, không ghi (mặc định false)'),
          skipConflicts: ZBooleanQuery.optional().describe('Ghi các dòng hợp lệ, bỏ qua dòng lỗi (mặc định false: có lỗi thì không ghi gì)'),
          importStrategy: z.enum(IMPORT_STRATEGIES).optional().describe('CREATE_AND_UPDATE (mặc định), CREATE, UPDATE hoặc DELETE'),
          ...ZIdSchemeQuery,
        }),
        body: ZUploadBody,
        response: { 200: ZFileImportSummary, 409: ZError, 413: ZError, ...ERRORS },
      },
    }, async (request): Promise<TFileImportSummary> => {
      const bytes = request.body ?? Buffer.alloc(0);
      const unreadable = unreadableValuesFile(bytes);
      if (unreadable) throw new AppError('bad_request', `${unreadable} Không ghi gì.`, { field: 'body' });
      const parsed = await readValuesFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const { dryRun = false, skipConflicts = false, importStrategy, ...schemes } = request.query;
      const summary = locate(placeConflicts(await importValuesFile({
        store: context.store, principal: principalOf(request), parsed,
        dryRun, skipConflicts, ...(importStrategy ? { importStrategy } : {}), idSchemes: idSchemesOf(schemes), now: context.now(),
      }), parsed), parsed.format, parsed.fatal);
      const presented: TFileImportSummary = {
        ...summary, format: parsed.format, importCount: { ...summary.importCount },
        conflicts: summary.conflicts.map((c) => ({ ...c, indexes: [...c.indexes] })), notices: [...parsed.notices ?? []],
      };
      const first = summary.conflicts[0];
      if (summary.status === 'ERROR') {
        const what = parsed.fatal ? `Không đọc được tệp ${FORMAT_NAMES[parsed.format]}` : `Tệp ${FORMAT_NAMES[parsed.format]} có ${summary.conflicts.length} xung đột`;
        throw new AppError('bad_request', `${what}: ${first?.message ?? 'không rõ lý do'} Không ghi gì.`, { field: 'body', details: { importSummary: presented } });
      }
      return presented;
    });
  });
}
