// The entries of a report, each kind with GET (list), POST (create), PATCH and DELETE:
//   /api/reports/:org/:period/items[/:id]      narrative items (nội dung)
//   /api/reports/:org/:period/documents[/:id]  document register (sổ văn bản)
//   /api/reports/:org/:period/plan[/:id]       plan items (kế hoạch; with status for plan review)
// A change names the version it read (body `version`, or If-Match / `?version=` for
// DELETE); a stale one gets 409 conflict with the current entry in `details`.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import { requireReportReader } from '../../../app/reports/report-entry-scope.ts';
import type { EntryKind } from '../../../app/reports/report-entry-scope.ts';
import { listReportEntries } from '../../../app/reports/list-report-entries.ts';
import { explainMissingReport } from '../../../app/reports/missing-report.ts';
import { writeReportEntry } from '../../../app/reports/write-report-entry.ts';
import { ENTRY_ID_PATTERN, ENTRY_ID_RULE } from '../../../core/entry-id.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ZError } from '../../errors.ts';
import { ERRORS, ZOrgCode } from '../schemas.ts';

const ZId = z.string().regex(ENTRY_ID_PATTERN, ENTRY_ID_RULE);
const ZText = z.string().min(1).max(20_000);
const ZSection = z.string().min(1).max(64).describe('Mã mục của đề cương (i.4.a)');
const ZPlanStatus = z.enum(['done', 'in_progress', 'not_done', 'carried_over']).describe('done: đã hoàn thành; in_progress: đang thực hiện; not_done: chưa thực hiện; carried_over: chuyển sang kỳ sau');
const ZVersion = z.number().int().min(1).describe('Phiên bản đã đọc; sai thì 409 conflict');

const ITEM_FIELDS = {
  section: ZSection, order: z.number().int().min(0).max(1_000_000), text: ZText,
  marker: z.enum(['-', '+', '*', '']).nullable(), slot: z.string().max(64).nullable(),
};
const DOCUMENT_FIELDS = {
  section: ZSection.nullable(), type: z.string().min(1).max(100), label: z.string().max(200).nullable(),
  number: z.string().max(32).nullable(), symbol: z.string().max(100).nullable(), issuer: z.string().min(1).max(300),
  date: z.iso.date().nullable(), summary: ZText, cited: z.boolean(),
};
const PLAN_FIELDS = {
  order: z.number().int().min(0).max(1_000_000), text: ZText,
  forPeriod: z.string().regex(/^\d{4}(-(\d{2}|Q[1-4]|H[12]))?$/, 'kỳ dạng 2022-05').describe('Kỳ mà kế hoạch hướng tới'),
  status: ZPlanStatus.nullable(), resultItemIds: z.array(ZId).max(100).describe('Nội dung báo cáo kết quả thực hiện'),
};

const KINDS: Readonly<Record<EntryKind, { path: string; label: string; create: z.ZodType; patch: z.ZodType; out: z.ZodType }>> = {
  items: {
    path: 'items', label: 'nội dung',
    create: z.strictObject({ id: ZId.optional(), section: ZSection, order: ITEM_FIELDS.order.optional(), text: ZText, marker: ITEM_FIELDS.marker.optional(), slot: ITEM_FIELDS.slot.optional() }),
    patch: z.strictObject({ ...ITEM_FIELDS, version: ZVersion.optional() }).partial(),
    out: z.object({ id: z.string(), section: z.string(), order: z.number(), text: z.string(), marker: z.string().nullable().optional(), owner: z.string().nullable().optional(), slot: z.string().nullable().optional(), version: z.number() }),
  },
  documents: {
    path: 'documents', label: 'văn bản',
    create: z.strictObject({
      id: ZId.optional(), section: DOCUMENT_FIELDS.section.optional(), type: DOCUMENT_FIELDS.type, label: DOCUMENT_FIELDS.label.optional(),
      number: DOCUMENT_FIELDS.number.optional(), symbol: DOCUMENT_FIELDS.symbol.optional(), issuer: DOCUMENT_FIELDS.issuer,
      date: DOCUMENT_FIELDS.date.optional(), summary: ZText, cited: z.boolean().optional(),
    }),
    patch: z.strictObject({ ...DOCUMENT_FIELDS, version: ZVersion.optional() }).partial(),
    out: z.object({ id: z.string(), section: z.string().nullable().optional(), type: z.string(), label: z.string().nullable().optional(), number: z.string().nullable().optional(), symbol: z.string().nullable().optional(), issuer: z.string(), date: z.string().nullable().optional(), summary: z.string(), cited: z.boolean().optional(), version: z.number() }),
  },
  plan: {
    path: 'plan', label: 'kế hoạch',
    create: z.strictObject({ id: ZId.optional(), order: PLAN_FIELDS.order.optional(), text: ZText, forPeriod: PLAN_FIELDS.forPeriod.optional(), status: PLAN_FIELDS.status.optional(), resultItemIds: PLAN_FIELDS.resultItemIds.optional() }),
    patch: z.strictObject({ ...PLAN_FIELDS, version: ZVersion.optional() }).partial(),
    out: z.object({ id: z.string(), order: z.number(), text: z.string(), forPeriod: z.string(), status: ZPlanStatus.nullable().optional(), resultItemIds: z.array(z.string()).optional(), version: z.number() }),
  },
};

const ZParams = z.strictObject({ org: ZOrgCode, period: z.string().max(16) });
const ZEntryParams = z.strictObject({ org: ZOrgCode, period: z.string().max(16), id: ZId });


/** The version a change was based on: body, then If-Match, then ?version=; required. */
function expectedVersion(request: FastifyRequest, fromBody: number | undefined, fromQuery: number | undefined): number {
  const ifMatch = request.headers['if-match'];
  const fromHeader = typeof ifMatch === 'string' && /^(W\/)?"?\d+"?$/.test(ifMatch) ? Number(ifMatch.replace(/\D/g, '')) : undefined;
  const version = fromBody ?? fromHeader ?? fromQuery;
  if (version === undefined) throw new AppError('bad_request', 'Cần gửi phiên bản đã đọc (trường version, hoặc tiêu đề If-Match) để không ghi đè thay đổi của người khác.', { field: 'body.version' });
  return version;
}

export function registerReportEntryRoutes(app: ZodApp, context: ApiContext): void {
  for (const [kind, spec] of Object.entries(KINDS) as [EntryKind, (typeof KINDS)[EntryKind]][]) {
    const base = `/api/reports/:org/:period/${spec.path}`;
    const tags = ['report entries'];

    app.get(base, {
      schema: { tags, summary: `Danh sách ${spec.label} của báo cáo`, params: ZParams, response: { 200: z.object({ reportVersion: z.number(), status: z.string(), entries: z.array(spec.out) }), ...ERRORS } },
    }, async (request) => {
      const { org, period } = request.params;
      // A period without a report: 404 with what an empty state needs (details.reason 'no_report').
      const explain = async (error: unknown) => { throw await explainMissingReport({ store: context.store, principal: principalOf(request), orgUnit: org, period, error }); };
      await requireReportReader({ store: context.store, principal: principalOf(request), orgUnit: org, period }).catch(explain);
      const { report, entries } = await listReportEntries({ store: context.store, orgUnit: org, period, kind }).catch(explain);
      return { reportVersion: report.version, status: report.status, entries };
    });

    app.post(base, {
      schema: { tags, summary: `Thêm ${spec.label}`, params: ZParams, body: spec.create, response: { 201: spec.out, 409: ZError, ...ERRORS } },
    }, async (request, reply) => {
      const { entry } = await writeReportEntry({
        store: context.store, principal: principalOf(request), orgUnit: request.params.org, period: request.params.period, kind,
        write: { op: 'create', fields: request.body as Record<string, unknown> }, now: context.now(),
      });
      reply.code(201).header('etag', `"${entry?.version ?? 0}"`);
      return entry;
    });

    app.patch(`${base}/:id`, {
      schema: { tags, summary: `Sửa ${spec.label} (gửi kèm version đã đọc)`, params: ZEntryParams, body: spec.patch, response: { 200: spec.out, 409: ZError, ...ERRORS } },
    }, async (request, reply) => {
      const { version, ...fields } = request.body as Record<string, unknown> & { version?: number };
      const { entry } = await writeReportEntry({
        store: context.store, principal: principalOf(request), orgUnit: request.params.org, period: request.params.period, kind,
        write: { op: 'update', id: request.params.id, fields, expectedVersion: expectedVersion(request, version, undefined) }, now: context.now(),
      });
      reply.header('etag', `"${entry?.version ?? 0}"`);
      return entry;
    });

    app.delete(`${base}/:id`, {
      schema: {
        tags, summary: `Xóa ${spec.label} (version trong ?version= hoặc If-Match)`, params: ZEntryParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
        response: { 204: z.null(), 409: ZError, ...ERRORS },
      },
    }, async (request, reply) => {
      await writeReportEntry({
        store: context.store, principal: principalOf(request), orgUnit: request.params.org, period: request.params.period, kind,
        write: { op: 'delete', id: request.params.id, expectedVersion: expectedVersion(request, undefined, request.query.version) }, now: context.now(),
      });
      return reply.code(204).send(null);
    });
  }
}
