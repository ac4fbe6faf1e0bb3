// Who may still change a report's figures and narrative, given its state (quy trình):
// a division writes its part until it submits it (and again once the office returns
// it); after compile the divisions only read, the office may still correct; once the
// leader approves, nobody writes until the report is returned; an issued report locks
// everything until an admin reopens it. Pure: the caller says whether the writer holds
// the write permission on the report's own unit (the office) or only below it.
import type { PartStatus, ReportStatus } from './workflow.ts';

export type EditLock = 'report_issued' | 'report_approved' | 'report_compiled' | 'part_submitted';

export interface EditContext {
  readonly status: ReportStatus;
  /** The part the written unit belongs to (its division's), null for the report's unit itself. */
  readonly part: { readonly division: string; readonly status: PartStatus } | null;
  /** The writer may write on the report's unit itself (the office, an admin, the CLI). */
  readonly writesForReportUnit: boolean;
}

/** Why a write is refused now, or null when it may go ahead (scope is checked elsewhere). */
export function editLock(context: EditContext): EditLock | null {
  if (context.status === 'issued') return 'report_issued';
  if (context.status === 'approved') return 'report_approved';
  if (context.writesForReportUnit) return null;
  if (context.status === 'compiled') return 'report_compiled';
  if (context.part?.status === 'submitted') return 'part_submitted';
  return null;
}

/** Vietnamese, for users: what is locked and what unlocks it. */
export function editLockMessage(lock: EditLock, names: { readonly report: string; readonly period: string; readonly part?: string | null }): string {
  switch (lock) {
    case 'report_issued':
      return `Báo cáo ${names.period} của ${names.report} đã ban hành nên không sửa được. Cần quản trị mở lại (kèm lý do) trước khi sửa.`;
    case 'report_approved':
      return `Báo cáo ${names.period} của ${names.report} đã được lãnh đạo phê duyệt nên không sửa được. Cần trả lại báo cáo (kèm lý do) trước khi sửa.`;
    case 'report_compiled':
      return `Báo cáo ${names.period} của ${names.report} đã được tổng hợp: các phòng chỉ xem. Nếu cần sửa, đề nghị đơn vị tổng hợp sửa hoặc trả lại báo cáo.`;
    case 'part_submitted':
      return `Phần báo cáo của ${names.part ?? 'phòng'} (${names.period}) đã gửi nên chỉ xem được cho đến khi được trả lại.`;
  }
}

/**
 * The division whose part a unit's figures and items belong to: the deepest division
 * that is the unit or one of its ancestors. `paths` are OrgTree paths.
 */
export function partOfUnit<P extends { readonly division: string; readonly path: string }>(parts: readonly P[], unitPath: string): P | undefined {
  let best: P | undefined;
  for (const part of parts) {
    if (unitPath === part.path || unitPath.startsWith(`${part.path}/`)) {
      if (!best || part.path.length > best.path.length) best = part;
    }
  }
  return best;
}
