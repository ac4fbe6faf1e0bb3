// The monthly workflow (quy trình báo cáo) as a pure state machine. Each division's
// part goes draft → submitted (the office may return it to draft, with a reason);
// the report goes draft → compiled → approved → issued; an admin may reopen it with
// a reason. Issuing takes the next number of the issuing body's year and the date,
// and an issued report locks the period's data of its unit. Refusals are data.
import type { Action } from './access.ts';
import type { IsoDate } from './period.ts';

export const REPORT_STATUSES = ['draft', 'compiled', 'approved', 'issued'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type PartStatus = 'draft' | 'submitted';

export const WORKFLOW_ACTIONS = ['submit', 'return', 'compile', 'approve', 'issue', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  draft: 'đang soạn',
  compiled: 'đã tổng hợp',
  approved: 'đã phê duyệt',
  issued: 'đã ban hành',
};

export interface PartState {
  readonly status: PartStatus;
  /** ISO timestamp of the last submission; kept when returned, for the record. */
  readonly submittedAt?: string | null;
  /** Why the office returned it. */
  readonly returnReason?: string | null;
}

export interface WorkflowState {
  readonly status: ReportStatus;
  /** The divisions expected to write a part, by org unit code. */
  readonly parts: Readonly<Record<string, PartState>>;
  readonly number: number | null;
  readonly date: IsoDate | null;
  /** Why it was last returned or reopened. */
  readonly reason?: string | null;
}

export interface WorkflowRequest {
  readonly action: WorkflowAction;
  /** The division for submit / return of a part; absent: return of the whole report. */
  readonly part?: string | null;
  readonly reason?: string | null;
  /** Current instant (ISO) and the local calendar date of issue. */
  readonly at: string;
  readonly today: IsoDate;
  /** For `issue`: the next free number of the issuing body's year (see nextReportNumber). */
  readonly nextNumber?: number;
}

export type WorkflowRefusal = 'invalid_transition' | 'reason_required' | 'parts_not_submitted' | 'unknown_part';

export type WorkflowResult =
  | { readonly ok: true; readonly state: WorkflowState }
  | { readonly ok: false; readonly code: WorkflowRefusal; readonly message: string };

export function isWorkflowAction(value: string): value is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

/**
 * The permission a request needs, and on which unit: a part's actions are checked
 * on the division (a reporter submits only its own division's part), the others on
 * the report's unit.
 */
export function permissionFor(request: Pick<WorkflowRequest, 'action' | 'part'>): { action: Action; on: 'part' | 'report' } {
  switch (request.action) {
    case 'submit': return { action: 'submit_part', on: 'part' };
    case 'return': return request.part ? { action: 'return_part', on: 'part' } : { action: 'return_report', on: 'report' };
    case 'compile': return { action: 'compile', on: 'report' };
    case 'approve': return { action: 'approve', on: 'report' };
    case 'issue': return { action: 'issue', on: 'report' };
    case 'reopen': return { action: 'reopen', on: 'report' };
  }
}

const refuse = (code: WorkflowRefusal, message: string): WorkflowResult => ({ ok: false, code, message });

function wrongState(state: WorkflowState, action: string): WorkflowResult {
  return refuse('invalid_transition', `Không thể ${action} khi báo cáo đang ở trạng thái "${REPORT_STATUS_LABELS[state.status]}".`);
}

function needsReason(request: WorkflowRequest): string | null {
  const reason = request.reason?.trim() ?? '';
  return reason === '' ? null : reason;
}

export function applyWorkflowAction(state: WorkflowState, request: WorkflowRequest): WorkflowResult {
  switch (request.action) {
    case 'submit': {
      const part = partOf(state, request.part);
      if (!part.ok) return part.refusal;
      if (state.status !== 'draft') return wrongState(state, 'gửi phần báo cáo');
      if (part.state.status === 'submitted') return refuse('invalid_transition', `Phần báo cáo của "${part.code}" đã được gửi.`);
      return ok({ ...state, parts: { ...state.parts, [part.code]: { status: 'submitted', submittedAt: request.at, returnReason: null } } });
    }
    case 'return': {
      const reason = needsReason(request);
      if (reason === null) return refuse('reason_required', 'Cần nêu lý do trả lại.');
      if (request.part) {
        const part = partOf(state, request.part);
        if (!part.ok) return part.refusal;
        if (state.status !== 'draft') return wrongState(state, 'trả lại phần báo cáo');
        if (part.state.status !== 'submitted') return refuse('invalid_transition', `Phần báo cáo của "${part.code}" chưa được gửi nên không thể trả lại.`);
        return ok({ ...state, parts: { ...state.parts, [part.code]: { ...part.state, status: 'draft', returnReason: reason } } });
      }
      if (state.status !== 'compiled' && state.status !== 'approved') return wrongState(state, 'trả lại báo cáo');
      return ok({ ...state, status: 'draft', reason });
    }
    case 'compile': {
      if (state.status !== 'draft') return wrongState(state, 'tổng hợp');
      const missing = Object.entries(state.parts).filter(([, part]) => part.status !== 'submitted').map(([code]) => code);
      if (missing.length > 0) return refuse('parts_not_submitted', `Chưa thể tổng hợp: các đơn vị chưa gửi phần báo cáo: ${missing.join(', ')}.`);
      return ok({ ...state, status: 'compiled', reason: null });
    }
    case 'approve':
      if (state.status !== 'compiled') return wrongState(state, 'phê duyệt');
      return ok({ ...state, status: 'approved' });
    case 'issue': {
      if (state.status !== 'approved') return wrongState(state, 'ban hành');
      // A reopened report keeps the number it was issued with: the register must not
      // gain a gap, and the document keeps its identity.
      const number = state.number ?? request.nextNumber ?? null;
      if (number === null) throw new Error('issue needs nextNumber');
      return ok({ ...state, status: 'issued', number, date: request.today });
    }
    case 'reopen': {
      const reason = needsReason(request);
      if (reason === null) return refuse('reason_required', 'Cần nêu lý do mở lại báo cáo.');
      if (state.status === 'draft') return wrongState(state, 'mở lại');
      return ok({ ...state, status: 'draft', reason });
    }
  }
}

const ok = (state: WorkflowState): WorkflowResult => ({ ok: true, state });

function partOf(state: WorkflowState, code: string | null | undefined):
  | { ok: true; code: string; state: PartState }
  | { ok: false; refusal: WorkflowResult } {
  if (!code) return { ok: false, refusal: refuse('unknown_part', 'Cần chỉ rõ đơn vị (phòng) của phần báo cáo.') };
  const part = state.parts[code];
  if (!part) return { ok: false, refusal: refuse('unknown_part', `Đơn vị "${code}" không có phần trong báo cáo này.`) };
  return { ok: true, code, state: part };
}

/** A fresh report: everything draft, each expected division with an empty part. */
export function initialWorkflowState(divisions: readonly string[]): WorkflowState {
  return { status: 'draft', parts: Object.fromEntries(divisions.map((code) => [code, { status: 'draft' as const }])), number: null, date: null };
}

/** Numbers run per issuing body per calendar year from 1: one more than the largest used. */
export function nextReportNumber(usedThisYear: readonly number[]): number {
  return usedThisYear.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** `06/BC-STTTT`: zero-padded below 10, no spaces (RULES-VN.md). */
export function formatReportNumber(number: number, symbol: string): string {
  return `${String(number).padStart(2, '0')}/${symbol}`;
}

export function isLockingStatus(status: ReportStatus): boolean {
  return status === 'issued';
}

/** An issued report and the unit it covers. */
export interface IssuedReport {
  readonly orgUnit: string;
  readonly path: string;
  readonly period: string;
  readonly status: ReportStatus;
}

/**
 * The report that locks a write to the unit at `targetPath` for `period`, if any: an
 * issued report of that period for the unit or one of its ancestors (a division's
 * figures are part of its department's issued report).
 */
export function findLockingReport(reports: readonly IssuedReport[], targetPath: string, period: string): IssuedReport | undefined {
  return reports.find((r) => isLockingStatus(r.status) && r.period === period && (targetPath === r.path || targetPath.startsWith(`${r.path}/`)));
}

export type Timeliness = 'on_time' | 'late' | 'missing';

/** Against the period's deadline (inclusive, a local date): submitted on or before it is on time. */
export function timeliness(submittedAt: string | null | undefined, deadline: IsoDate): Timeliness {
  if (!submittedAt) return 'missing';
  return submittedAt.slice(0, 10) <= deadline ? 'on_time' : 'late';
}
