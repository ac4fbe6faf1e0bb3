// POST /api/reports/:org/:period/import: an existing report (.md or .docx, the file
// itself as the body) read into header, sections, items, documents, plan, recipients,
// signer and numbers, for the web app's preview (dryRun, the default) or saved as the
// report of (unit, period) with dryRun=false, like `baocao report import`.
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import { importUploadedReport } from '../../../app/legacy-import/import-uploaded-report.ts';
import { LegacyImportError } from '../../../exchange/legacy-report/legacy-import-error.ts';
import { readLegacyFile } from '../../../exchange/legacy-report/read-legacy-file.ts';
import type { LegacyFile } from '../../../exchange/legacy-report/read-legacy-file.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ZError } from '../../errors.ts';
import { registerUploadScope, UPLOAD_CONTENT_TYPES, ZUploadBody } from '../file-upload.ts';
import { ERRORS, ZBooleanQuery, ZOrgCode } from '../schemas.ts';

const ZNullableString = z.string().nullable();
/** The use case returns readonly arrays. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const ZSigner = z.object({ authority: ZNullableString.describe('"KT. GIÁM ĐỐC", null khi thủ trưởng ký'), title: z.string(), name: z.string() });

const ZFinding = z.object({
  rule: z.string().describe('legacy:percent_mismatch, legacy:parts_total, legacy:list_count, legacy:duplicate, legacy:near_duplicate, legacy:document_dates, legacy:document_symbols, legacy:unit_mismatch, legacy:unit_unknown, legacy:value_conflict, legacy:loss…'),
  orgUnit: z.string(), period: z.string(),
  left: z.number().nullable(), right: z.number().nullable(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().describe('Tiếng Việt, nêu đoạn và mục'),
  indicators: list(z.string()).optional(),
  paragraph: z.number().nullable().optional().describe('Đoạn của tệp (đếm từ 0)'),
});

const ZTable = list(list(z.string())).describe('Các dòng của bảng, mỗi dòng là các ô; dòng đầu là tiêu đề');
const ZItem = z.object({
  paragraph: z.number().describe('Số thứ tự đoạn trong tệp, đếm từ 0'),
  marker: z.string().describe('"-", "+", "*", "1.", "a)", "" hoặc "table"'),
  text: z.string(),
  table: ZTable.optional(),
});

interface TSection {
  id: string; number: string; numbering: 'part' | 'roman' | 'arabic' | 'decimal' | 'letter' | 'none'; title: string; level: number; paragraph: number; isPlan: boolean;
  items: z.infer<typeof ZItem>[]; sections: TSection[];
}
const ZSection: z.ZodType<TSection> = z.object({
  id: z.string().describe('Đường số mục: "i", "i.4.a"; "s3" khi mục không đánh số'),
  number: z.string().describe('Như in: "I", "1", "a", "Phần I"; rỗng khi không đánh số'),
  numbering: z.enum(['part', 'roman', 'arabic', 'decimal', 'letter', 'none']),
  title: z.string(), level: z.number(), paragraph: z.number(),
  isPlan: z.boolean().describe('Mục kế hoạch kỳ sau'),
  items: z.array(ZItem),
  get sections() { return z.array(ZSection); },
});

const ZDocument = z.object({
  id: z.string(), section: ZNullableString.optional(), type: z.string().describe('Quyết định, Kế hoạch, Công văn…'), label: ZNullableString.optional(),
  number: ZNullableString.optional(), symbol: ZNullableString.optional(), issuer: z.string(), date: ZNullableString.optional().describe('YYYY-MM-DD'),
  summary: z.string(), cited: z.boolean().optional(),
  reference: z.string().describe('Như viết: "695/QĐ-UBND"'), paragraph: z.number(),
  citations: list(z.object({ paragraph: z.number(), section: z.string(), written: z.string(), date: ZNullableString })).describe('Mọi lần trích dẫn, theo thứ tự đọc'),
});

const ZNumber = z.object({
  value: z.number(), text: z.string().describe('Như viết: "20.601", "77,20%"'), isPercent: z.boolean(),
  before: z.string(), after: z.string(), section: z.string(), paragraph: z.number(), offset: z.number(),
  indicator: ZNullableString.optional().describe('Chỉ tiêu nhận số này (chỉ khi khớp chắc chắn)'), filter: ZNullableString.optional(),
  match: ZNullableString.optional().describe('Vì sao khớp hoặc chưa khớp'),
});

const ZUnitCandidate = z.object({ code: z.string(), name: z.string(), score: z.number() });
const ZCounts = z.object({ imported: z.number(), updated: z.number(), unchanged: z.number() });

export const ZLegacyImportResult = z.object({
  status: z.enum(['OK', 'WARNING', 'ERROR']).describe('ERROR: có phát hiện mức lỗi (sai đơn vị, xung đột số liệu, thiếu nội dung…), không ghi gì; WARNING: có cảnh báo hoặc đoạn chưa xếp được'),
  dryRun: z.boolean(),
  allowLoss: z.boolean(),
  format: z.enum(['docx', 'markdown']).describe('Định dạng nhận ra theo nội dung tệp'),
  orgUnit: ZNullableString.describe('Đơn vị lưu báo cáo'),
  header: z.object({
    governingBody: ZNullableString, issuingBody: ZNullableString, numberAndSymbol: ZNullableString,
    number: z.number().nullable(), symbol: ZNullableString, place: ZNullableString, date: ZNullableString,
  }),
  title: ZNullableString, summary: ZNullableString,
  period: ZNullableString.describe('Kỳ dùng để lưu (kỳ trong đường dẫn)'),
  periodSource: z.enum(['summary', 'title', 'body', 'closing', 'plan', 'given']).nullable(),
  periodCumulative: z.boolean().describe('Báo cáo lũy kế (9 tháng): số liệu không ghi vào chỉ tiêu của kỳ'),
  issuer: z.object({ name: z.string(), parent: ZNullableString, source: z.enum(['header', 'signer', 'closing', 'body']) }).nullable(),
  unit: z.object({ stated: ZNullableString, matched: ZUnitCandidate.nullable(), closest: list(ZUnitCandidate) }).describe('Cơ quan ban hành và đơn vị khớp; các đơn vị gần nhất'),
  layout: z.object({ template: z.string(), derived: z.boolean(), reason: z.enum(['named', 'existing', 'unit', 'own']) }).nullable()
    .describe('Đề cương dùng để lưu; derived: theo đề mục của chính báo cáo'),
  preamble: list(z.string()),
  preambleItems: list(ZItem),
  sections: list(ZSection),
  plan: list(z.object({ order: z.number(), text: z.string(), forPeriod: ZNullableString, paragraph: z.number() })),
  closing: list(z.string()),
  recipients: list(z.string()),
  signer: ZSigner.nullable(),
  documents: list(ZDocument),
  numbers: list(ZNumber),
  figures: list(z.object({
    paragraph: z.number(), text: z.string(), value: z.number(), indicator: z.string(), filter: ZNullableString,
    sure: z.boolean().describe('Ghi vào chỉ tiêu (khớp chắc chắn) hay giữ nguyên chữ'), reason: z.string(), stored: z.number().nullable(),
  })).describe('Số liệu giống chỗ in chỉ tiêu trong đề cương, và kết quả khớp'),
  values: ZCounts.describe('Số liệu đã (hoặc sẽ) ghi'),
  findings: list(ZFinding),
  coverage: z.number().describe('Tỷ lệ (0..1) ký tự của tệp đã được xếp vào một trường'),
  unplaced: list(z.object({ paragraph: z.number(), text: z.string() })).describe('Các đoạn chưa xếp được'),
  loss: z.object({
    missing: list(z.object({ paragraph: z.number(), text: z.string() })).describe('Các đoạn của tệp mà báo cáo (sẽ) lưu không có'),
    added: list(z.string()), addedCount: z.number(), checked: z.number(),
  }).nullable().describe('Đối chiếu báo cáo dựng lại từ dữ liệu lưu với tệp'),
  saved: ZCounts.nullable().describe('Đã ghi gì; null khi chạy thử hoặc bị từ chối'),
  instance: z.unknown().describe('Báo cáo sẽ (hoặc đã) được lưu: template, orgUnit, period, items, documents, plan…; null khi bị từ chối trước đó'),
});

/** The name to judge the extension by: the `name` query, else the x-file-name header (URI-encoded when not ASCII). */
function fileNameOf(query: string | undefined, header: string | string[] | undefined): string {
  const raw = query ?? (typeof header === 'string' ? header : undefined);
  if (!raw) return 'báo cáo';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function readOrRefuse(bytes: Uint8Array, fileName: string): LegacyFile {
  try {
    return readLegacyFile(bytes, fileName);
  } catch (error) {
    if (error instanceof LegacyImportError) {
      throw new AppError(error.code === 'file_too_large' ? 'payload_too_large' : 'bad_request', `${error.message} Không ghi gì.`, { field: 'body', details: { reason: error.code } });
    }
    throw error;
  }
}

export function registerReportImportRoutes(app: ZodApp, context: ApiContext): void {
  registerUploadScope(app, (scoped) => {
    scoped.post('/api/reports/:org/:period/import', {
      schema: {
        tags: ['reports'],
        summary: 'Nhập báo cáo cũ (.md hoặc .docx): xem trước (mặc định) hoặc lưu thành báo cáo của đơn vị và kỳ',
        description: [
          'Thân yêu cầu là nguyên tệp (tối đa 20 MB); định dạng nhận theo nội dung (ZIP là DOCX, còn lại là Markdown UTF-8).',
          'Tên tệp (để xét đuôi) qua tham số `name` hoặc tiêu đề `x-file-name` (mã hóa URI nếu có dấu).',
          'Cần quyền sửa nội dung báo cáo của đơn vị (văn phòng, quản trị); 403 nếu không.',
          'dryRun=true (mặc định): chỉ đọc và trả kết quả để xem trước, không ghi gì.',
          'dryRun=false: lưu đầu báo cáo, nội dung, bảng, văn bản, kế hoạch vào báo cáo của đơn vị và kỳ (thay toàn bộ), ghi số liệu khớp chắc chắn vào chỉ tiêu, ghi nhật ký; báo cáo đã ban hành: 409 period_locked.',
          'Cơ quan ban hành phải là đơn vị trong đường dẫn; báo cáo lưu xong được dựng lại và đối chiếu với tệp: thiếu đoạn thì không ghi (status ERROR) trừ khi allowLoss=true.',
          'Tệp rỗng, hỏng, ZIP bomb, không phải UTF-8, sai loại: 400 (details.reason là mã lỗi của bộ đọc); quá 20 MB: 413. Không ghi gì.',
        ].join(' '),
        consumes: [...UPLOAD_CONTENT_TYPES],
        params: z.strictObject({ org: ZOrgCode, period: z.string().max(16).describe('Kỳ báo cáo: 2022-04, 202204, 2022-Q2…') }),
        querystring: z.strictObject({
          dryRun: ZBooleanQuery.optional().describe('Mặc định true: chỉ xem trước'),
          allowLoss: ZBooleanQuery.optional().describe('Vẫn lưu khi báo cáo lưu thiếu đoạn so với tệp (ghi nhật ký)'),
          name: z.string().max(255).optional().describe('Tên tệp gốc, ví dụ bao-cao-thang-4.docx'),
          template: z.string().min(1).max(64).optional().describe('Mã đề cương; mặc định đề cương của báo cáo đã có, hoặc đề cương tháng của Sở'),
        }),
        headers: z.looseObject({ 'x-file-name': z.string().max(1024).optional().describe('Tên tệp gốc (mã hóa URI nếu có dấu)') }),
        body: ZUploadBody,
        response: { 200: ZLegacyImportResult, 409: ZError, 413: ZError, ...ERRORS },
      },
    }, async (request) => {
      const { org, period } = request.params;
      const fileName = fileNameOf(request.query.name, request.headers['x-file-name']);
      const bytes = request.body ?? Buffer.alloc(0);
      const legacy = readOrRefuse(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName);
      const result = await importUploadedReport({
        store: context.store, principal: principalOf(request), paragraphs: legacy.paragraphs, fileName, orgUnit: org, period,
        template: request.query.template ?? null, dryRun: request.query.dryRun ?? true, allowLoss: request.query.allowLoss ?? false, now: context.now(),
      });
      return { ...result, format: legacy.format };
    });
  });
}
