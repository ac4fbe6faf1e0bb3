// GET /api/reports/:org/:period (the ReportModel and workflow status),
// GET /api/reports/:org/:period.md|.html|.docx|.pdf (the rendered document),
// POST /api/reports/:org/:period/actions/:action (submit, return, compile, approve, issue, reopen).
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import { buildReport } from '../../../app/reports/build-report.ts';
import { createReport } from '../../../app/reports/create-report.ts';
import { loadOrgTree } from '../../../app/accounts/principal.ts';
import { requireReportReader } from '../../../app/reports/report-entry-scope.ts';
import { renderReport } from '../../../app/reports/render-report.ts';
import { loadWorkflow, runWorkflowAction } from '../../../app/reports/run-workflow-action.ts';
import type { WorkflowView } from '../../../app/reports/run-workflow-action.ts';
import { periodLabel, tryParsePeriod } from '../../../core/period.ts';
import { REPORT_STATUSES, REPORT_STATUS_LABELS, WORKFLOW_ACTIONS } from '../../../core/workflow.ts';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ZError } from '../../errors.ts';
import { ERRORS, ZOrgCode } from '../schemas.ts';
import { renderInFormat } from '../../../render/render-in-format.ts';
import { attachment } from '../file-upload.ts';

const FORMATS = ['md', 'html', 'docx', 'pdf'] as const;

const ZWorkflow = z.object({
  orgUnit: z.string(), period: z.string(), template: z.string(),
  status: z.enum(REPORT_STATUSES), statusLabel: z.string(),
  number: z.number().nullable(), numberText: z.string().nullable(), date: z.string().nullable(), reason: z.string().nullable(),
  version: z.number(),
  parts: z.array(z.object({ division: z.string(), status: z.enum(['draft', 'submitted']), submittedAt: z.string().nullable(), reason: z.string().nullable(), version: z.number() })),
});

function present(view: WorkflowView): z.infer<typeof ZWorkflow> {
  const r = view.report;
  return {
    orgUnit: r.orgUnit, period: r.period, template: r.template, status: r.status, statusLabel: REPORT_STATUS_LABELS[r.status],
    number: r.number, numberText: view.numberText, date: r.date, reason: r.reason, version: r.version,
    parts: view.parts.map((p) => ({ division: p.division, status: p.status, submittedAt: p.submittedAt, reason: p.reason, version: p.version })),
  };
}


/** `2022-04.docx` → period and format; a bare period → the JSON model. */
function splitPeriod(raw: string): { period: string; format: (typeof FORMATS)[number] | null } {
  const dot = raw.lastIndexOf('.');
  const period = dot < 0 ? raw : raw.slice(0, dot);
  const extension = dot < 0 ? null : raw.slice(dot + 1);
  if (extension !== null && !(FORMATS as readonly string[]).includes(extension)) {
    throw new AppError('bad_request', `Định dạng "${extension}" không hỗ trợ (md, html, docx, pdf).`, { field: 'params.period' });
  }
  if (!tryParsePeriod(period).ok) throw new AppError('bad_request', `Kỳ báo cáo "${period}" không hợp lệ.`, { field: 'params.period' });
  return { period, format: extension as (typeof FORMATS)[number] | null };
}


export function registerReportRoutes(app: ZodApp, context: ApiContext): void {
  app.get('/api/reports/:org/:period', {
    schema: {
      tags: ['reports'], summary: 'Báo cáo: mô hình và trạng thái (JSON), hoặc tệp .md, .html, .docx, .pdf',
      params: z.strictObject({ org: ZOrgCode, period: z.string().max(16) }),
      response: { 200: z.unknown(), ...ERRORS },
    },
  }, async (request, reply) => {
    const { org } = request.params;
    const { period, format } = splitPeriod(request.params.period);
    await requireReportReader({ store: context.store, principal: principalOf(request), orgUnit: org, period });
    if (format === null) {
      const workflow = await loadWorkflow({ store: context.store, orgUnit: org, period });
      const { model, findings } = await buildReport({ store: context.store, orgUnit: org, period });
      reply.header('etag', `"${workflow.report.version}"`);
      return { workflow: present(workflow), model, findings };
    }
    const rendered = await renderReport({ store: context.store, renderers: renderInFormat, orgUnit: org, period, format });
    const unit = (await loadOrgTree(context.store)).get(org);
    const parsed = tryParsePeriod(period);
    const label = parsed.ok ? periodLabel(parsed.period) : period;
    const vietnamese = `Báo cáo ${label} - ${unit?.shortName ?? unit?.name ?? org}.${format}`;
    reply.type(rendered.contentType).header('content-disposition', attachment(rendered.fileName, vietnamese));
    return reply.send(typeof rendered.body === 'string' ? rendered.body : Buffer.from(rendered.body));
  });

  app.post('/api/reports/:org/:period', {
    schema: {
      tags: ['reports'], summary: 'Lập báo cáo của kỳ (lấy mẫu từ kỳ trước, chép kế hoạch kỳ trước vào phần đánh giá)',
      params: z.strictObject({ org: ZOrgCode, period: z.string().max(16) }),
      body: z.strictObject({
        template: z.string().min(1).max(64).optional(), place: z.string().max(100).optional(),
        governingBody: z.string().max(200).optional(), issuingBody: z.string().max(200).optional(), symbol: z.string().max(64).optional(),
        recipients: z.array(z.string().max(300)).max(50).optional(),
        signer: z.strictObject({ authority: z.string().max(100).nullable(), title: z.string().max(100), name: z.string().max(100) }).optional(),
      }).optional(),
      response: { 201: z.object({ workflow: ZWorkflow, carriedPlanItems: z.number() }), 409: ZError, ...ERRORS },
    },
  }, async (request, reply) => {
    const { period } = splitPeriod(request.params.period);
    const created = await createReport({ store: context.store, principal: principalOf(request), orgUnit: request.params.org, period, header: request.body ?? {}, now: context.now() });
    reply.code(201).header('etag', `"${created.workflow.report.version}"`);
    return { workflow: present(created.workflow), carriedPlanItems: created.carriedPlanItems };
  });

  app.post('/api/reports/:org/:period/actions/:action', {
    schema: {
      tags: ['reports'], summary: 'Thao tác quy trình: submit, return, compile, approve, issue, reopen',
      params: z.strictObject({ org: ZOrgCode, period: z.string().max(16), action: z.enum(WORKFLOW_ACTIONS) }),
      body: z.strictObject({
        part: z.string().max(64).optional().describe('Mã phòng (submit, return một phần)'),
        reason: z.string().max(2000).optional().describe('Lý do (bắt buộc với return, reopen)'),
        version: z.number().int().optional().describe('Phiên bản báo cáo đã đọc; sai thì 409'),
      }).optional(),
      response: { 200: ZWorkflow, 409: ZError, ...ERRORS },
    },
  }, async (request) => {
    const { org, action } = request.params;
    const { period } = splitPeriod(request.params.period);
    const body = request.body ?? {};
    const ifMatch = request.headers['if-match'];
    const fromHeader = typeof ifMatch === 'string' && /^"?\d+"?$/.test(ifMatch) ? Number(ifMatch.replaceAll('"', '')) : undefined;
    const expectedVersion = body.version ?? fromHeader;
    const view = await runWorkflowAction({
      store: context.store, principal: principalOf(request), orgUnit: org, period, action,
      part: body.part ?? null, reason: body.reason ?? null, now: context.now(),
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    return present(view);
  });
}
