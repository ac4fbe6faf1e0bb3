// Schemas of the report's state and findings, shared by the report, validation and
// action routes (zod; OpenAPI is generated from them).
import { z } from 'zod';
import type { ReportStateView } from '../../../app/reports/describe-report.ts';
import type { ExplainedFinding } from '../../../app/reports/list-findings.ts';
import type { WorkflowView } from '../../../app/reports/run-workflow-action.ts';
import { REPORT_STATUSES, REPORT_STATUS_LABELS, WORKFLOW_ACTIONS } from '../../../core/workflow.ts';

const ZTimeliness = z.enum(['on_time', 'late', 'missing']);
const ZEditable = { editable: z.boolean(), lockedReason: z.string().nullable().describe('Vì sao không sửa được lúc này') };

export const ZWorkflow = z.object({
  orgUnit: z.string(), orgUnitName: z.string(), period: z.string(), periodLabel: z.string(), template: z.string(),
  status: z.enum(REPORT_STATUSES), statusLabel: z.string(),
  number: z.number().nullable(), numberText: z.string().nullable(), date: z.string().nullable(), reason: z.string().nullable(),
  deadline: z.string().describe('Hạn nộp (Nghị định 09)'), window: z.object({ from: z.string(), to: z.string() }).describe('Thời gian chốt số liệu'),
  issuedAt: z.string().nullable(), issuedBy: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  version: z.number(),
  actions: z.array(z.enum(WORKFLOW_ACTIONS)).describe('Thao tác cấp báo cáo người gọi được làm lúc này'),
  editable: z.object({ documents: z.boolean(), plan: z.boolean(), planReview: z.boolean() }),
  editableReason: z.object({ documents: z.string().nullable(), plan: z.string().nullable(), planReview: z.string().nullable() }),
  parts: z.array(z.object({
    division: z.string(), name: z.string(), status: z.enum(['draft', 'submitted']), statusLabel: z.string(), submittedAt: z.string().nullable(),
    reason: z.string().nullable().describe('Lý do trả lại'), returnedAt: z.string().nullable(), returnedBy: z.string().nullable(), returnedByName: z.string().nullable(),
    version: z.number(), timeliness: ZTimeliness, ...ZEditable, actions: z.array(z.enum(['submit', 'return'])),
  })),
});

export const ZSectionState = z.object({ id: z.string(), number: z.string(), title: z.string(), level: z.number(), owner: z.string(), ownerName: z.string(), ...ZEditable });

export function presentWorkflow(view: WorkflowView, state: ReportStateView): z.infer<typeof ZWorkflow> {
  const r = view.report;
  return {
    orgUnit: r.orgUnit, orgUnitName: state.orgUnitName, period: r.period, periodLabel: state.periodLabel, template: r.template,
    status: r.status, statusLabel: REPORT_STATUS_LABELS[r.status],
    number: r.status === 'issued' ? r.number : null, numberText: r.status === 'issued' ? view.numberText : null,
    date: r.status === 'issued' ? r.date : null, reason: r.reason,
    deadline: state.deadline, window: { ...state.window }, issuedAt: state.issuedAt, issuedBy: state.issuedBy ? { ...state.issuedBy } : null,
    version: r.version, actions: [...state.actions],
    editable: { ...state.editable }, editableReason: { ...state.editableReason },
    parts: state.parts.map((p) => ({ ...p, actions: [...p.actions] })),
  };
}

const ZTarget = z.union([
  z.object({ kind: z.literal('cell'), indicator: z.string(), indicatorName: z.string(), orgUnit: z.string(), orgUnitName: z.string(), period: z.string() }),
  z.object({ kind: z.literal('section'), section: z.string() }),
  z.object({ kind: z.literal('item'), id: z.string(), section: z.string().nullable() }),
  z.object({ kind: z.literal('document'), id: z.string() }),
  z.object({ kind: z.literal('plan'), id: z.string() }),
]);

export const ZExplanation = z.object({
  orgUnit: z.string(), orgUnitName: z.string(), period: z.string(), dataElement: z.string(), categoryOptionCombo: z.string(),
  text: z.string(), author: z.string(), authorName: z.string(), at: z.string(),
});

export const ZFinding = z.object({
  rule: z.string(), ruleName: z.string().describe('Tên quy tắc / loại kiểm tra'), source: z.enum(['rule', 'report', 'template']),
  orgUnit: z.string(), period: z.string(), left: z.number().nullable(), right: z.number().nullable(),
  severity: z.enum(['error', 'warning', 'info']), message: z.string(), indicators: z.array(z.string()).optional(),
  targets: z.array(ZTarget).describe('Ô số liệu (của đơn vị nhập), nội dung, mục, văn bản, kế hoạch mà phát hiện nói tới'),
  explanations: z.array(ZExplanation).describe('Giải trình của các số liệu liên quan (không làm mất phát hiện)'),
});

export function presentFindings(list: readonly ExplainedFinding[]): z.infer<typeof ZFinding>[] {
  return list.map(({ indicators, refs: _refs, ...f }) => ({
    ...f, ...(indicators ? { indicators: [...indicators] } : {}),
    targets: f.targets.map((t) => ({ ...t })), explanations: f.explanations.map((e) => ({ ...e })),
  }));
}
