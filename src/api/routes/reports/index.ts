// GET /api/reports/:org/:period (the ReportModel and workflow status),
// GET /api/reports/:org/:period.md|.html|.docx|.pdf (the rendered document),
// POST /api/reports/:org/:period (open the period's report),
// POST /api/reports/:org/:period/actions/:action (submit, return, compile, approve, issue, reopen),
// GET /api/reports/:org/:period/form (who enters which figure).
import { z } from 'zod';
import { AppError } from '../../../app/app-error.ts';
import { buildReport, parseReportPeriod } from '../../../app/reports/build-report.ts';
import { describeReport } from '../../../app/reports/describe-report.ts';
import { listFindings } from '../../../app/reports/list-findings.ts';
import { loadReportForm } from '../../../app/reports/load-report-form.ts';
import { explainMissingReport } from '../../../app/reports/missing-report.ts';
import { createReport } from '../../../app/reports/create-report.ts';
import { loadOrgTree } from '../../../app/accounts/principal.ts';
import { requireReportReader } from '../../../app/reports/report-entry-scope.ts';
import { renderReport } from '../../../app/reports/render-report.ts';
import { cachedRead } from '../../../app/read-cache.ts';
import { CachedJson, sendCachedJson } from '../../cached-json.ts';
import { loadWorkflow, runWorkflowAction } from '../../../app/reports/run-workflow-action.ts';
import type { WorkflowView } from '../../../app/reports/run-workflow-action.ts';
import { periodLabel, tryParsePeriod } from '../../../core/period.ts';
import { WORKFLOW_ACTIONS } from '../../../core/workflow.ts';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../../auth/request-auth.ts';
import type { ApiContext, ZodApp } from '../../context.ts';
import { ZError } from '../../errors.ts';
import { ERRORS, ZOrgCode } from '../schemas.ts';
import { renderInFormat } from '../../../render/render-in-format.ts';
import { attachment } from '../file-upload.ts';
import { presentFindings, presentWorkflow, ZSectionState, ZWorkflow } from './report-schemas.ts';

const FORMATS = ['md', 'html', 'docx', 'pdf'] as const;

/** The workflow of a report with what the caller may do on it now. */
async function describe(context: ApiContext, request: FastifyRequest, view: WorkflowView) {
  const template = await context.store.templates.get(view.report.template);
  const state = await describeReport({ store: context.store, principal: principalOf(request), view, template, now: context.now() });
  return { workflow: presentWorkflow(view, state), sections: state.sections.map((s) => ({ ...s })) };
}

/** A missing report answers 404 with what the web needs for an empty state (details.reason 'no_report'). */
async function orMissing<T>(context: ApiContext, request: FastifyRequest, org: string, period: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw await explainMissingReport({ store: context.store, principal: principalOf(request), orgUnit: org, period, error });
  }
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
      response: { 200: z.unknown().describe('JSON: { workflow, sections, model, findings } (xem ZWorkflow, ZFinding); tệp với .md/.html/.docx/.pdf'), ...ERRORS },
    },
  }, async (request, reply) => {
    const { org } = request.params;
    const { period, format } = splitPeriod(request.params.period);
    // Who may read it; a missing report answers 404 with what an empty state needs.
    await orMissing(context, request, org, period, () => requireReportReader({ store: context.store, principal: principalOf(request), orgUnit: org, period }));
    if (format === null) {
      // The answer as this caller sees it (what it may do depends on who asks, deadlines on
      // the minute), serialised once and kept while nothing is written (read-cache.ts).
      const principal = principalOf(request);
      const key = `report-view:${org}:${period}:${principal.via}:${principal.userId}:${principal.tokenId ?? ''}:${Math.floor(context.now().getTime() / 60_000)}`;
      const answer = await cachedRead(context.store, key, async () => {
        const view = await orMissing(context, request, org, period, () => loadWorkflow({ store: context.store, orgUnit: org, period }));
        const { model } = await buildReport({ store: context.store, orgUnit: org, period });
        // The same findings as the dashboard: rules on the figures and the report's own checks.
        const found = await listFindings({ store: context.store, orgUnit: org, period: parseReportPeriod(period) });
        const findings = found.ok ? presentFindings([...found.findings, ...found.reportFindings]) : [];
        return new CachedJson({ ...(await describe(context, request, view)), model, findings }, `"${view.report.version}"`);
      });
      return sendCachedJson(request, reply, answer);
    }
    const rendered = await orMissing(context, request, org, period, () => renderReport({ store: context.store, renderers: renderInFormat, orgUnit: org, period, format }));
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
      response: { 201: z.object({ workflow: ZWorkflow, sections: z.array(ZSectionState), carriedPlanItems: z.number() }), 409: ZError, ...ERRORS },
    },
  }, async (request, reply) => {
    const { period } = splitPeriod(request.params.period);
    const created = await createReport({ store: context.store, principal: principalOf(request), orgUnit: request.params.org, period, header: request.body ?? {}, now: context.now() });
    reply.code(201).header('etag', `"${created.workflow.report.version}"`);
    return { ...(await describe(context, request, created.workflow)), carriedPlanItems: created.carriedPlanItems };
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
    const view = await orMissing(context, request, org, period, () => runWorkflowAction({
      store: context.store, principal: principalOf(request), orgUnit: org, period, action,
      part: body.part ?? null, reason: body.reason ?? null, now: context.now(),
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    }));
    return (await describe(context, request, view)).workflow;
  });

  app.get('/api/reports/:org/:period/form', {
    schema: {
      tags: ['reports'], summary: 'Biểu nhập của báo cáo: mỗi chỉ tiêu do đơn vị nào nhập, người gọi có sửa được không',
      params: z.strictObject({ org: ZOrgCode, period: z.string().max(16) }),
      response: { 200: ZForm, ...ERRORS },
    },
  }, async (request) => {
    const { org } = request.params;
    const { period } = splitPeriod(request.params.period);
    await orMissing(context, request, org, period, () => requireReportReader({ store: context.store, principal: principalOf(request), orgUnit: org, period }));
    const form = await orMissing(context, request, org, period, () => loadReportForm({ store: context.store, principal: principalOf(request), orgUnit: org, period }));
    return {
      ...form, cells: form.cells.map((c) => ({ ...c, disaggregations: [...c.disaggregations] })), units: form.units.map((u) => ({ ...u })),
      conflicts: form.conflicts.map((c) => ({ indicator: c.indicator, units: [...c.units], sections: [...c.sections] })),
    };
  });
}

const ZForm = z.object({
  orgUnit: z.string(), period: z.string(),
  cells: z.array(z.object({
    indicator: z.string(), name: z.string(), unit: z.string(), valueType: z.string(), disaggregations: z.array(z.string()),
    section: z.string().nullable(), sectionNumber: z.string().nullable(), reportingUnit: z.string().describe('Đơn vị nhập chỉ tiêu này'), reportingUnitName: z.string(),
    editable: z.boolean(), lockedReason: z.string().nullable(),
  })),
  units: z.array(z.object({ orgUnit: z.string(), name: z.string(), indicators: z.number(), editable: z.boolean(), lockedReason: z.string().nullable() })),
  conflicts: z.array(z.object({ indicator: z.string(), units: z.array(z.string()), sections: z.array(z.string()) })),
});
