// Which workflow buttons a user sees on a report: what the user's roles allow and
// what the report's state accepts (the server decides again; this only avoids
// offering a button that would be refused).
import { can } from '../../../src/core/access.ts';
import type { Grant } from '../../../src/core/access.ts';
import type { ReportStatus, WorkflowAction } from '../../../src/core/workflow.ts';
import type { PartView } from '../api/types.ts';

export interface OfferedAction {
  readonly action: WorkflowAction;
  readonly label: string;
  /** The division for a part's action. */
  readonly part?: string;
  readonly needsReason: boolean;
  /** Why the server would refuse it now (the button shows, disabled, with this reason). */
  readonly blockedBy?: string;
}

export const ACTION_LABELS: Readonly<Record<WorkflowAction, string>> = {
  submit: 'Nộp', return: 'Trả lại', compile: 'Tổng hợp', approve: 'Duyệt', issue: 'Ban hành', reopen: 'Mở lại',
};

export function offeredActions(input: {
  grants: readonly Grant[];
  status: ReportStatus;
  reportPath: string;
  parts: readonly PartView[];
  pathOf: (code: string) => string | undefined;
}): OfferedAction[] {
  const { grants, status, reportPath, parts, pathOf } = input;
  const out: OfferedAction[] = [];
  const onReport = (action: Parameters<typeof can>[1]) => can(grants, action, reportPath);
  if (status === 'draft') {
    for (const part of parts) {
      // A division's path is under the report's unit even when the user cannot list it.
      const path = pathOf(part.division) ?? `${reportPath}/${part.division}`;
      // A division submits its own part; the office may submit for a division that hands in on paper.
      const own = grants.some((g) => g.orgUnit === part.division) || onReport('compile');
      if (part.status === 'draft' && own && can(grants, 'submit_part', path)) {
        out.push({ action: 'submit', label: ACTION_LABELS.submit, part: part.division, needsReason: false });
      }
    }
    if (onReport('compile')) {
      // The server compiles only when every division's part is in (core/workflow.ts).
      const missing = parts.filter((p) => p.status !== 'submitted').map((p) => p.division);
      out.push({ action: 'compile', label: ACTION_LABELS.compile, needsReason: false, ...(missing.length > 0 ? { blockedBy: `Còn ${missing.length} phần chưa nộp` } : {}) });
    }
  }
  if ((status === 'compiled' || status === 'approved') && onReport('return_report')) out.push({ action: 'return', label: ACTION_LABELS.return, needsReason: true });
  if (status === 'compiled' && onReport('approve')) out.push({ action: 'approve', label: ACTION_LABELS.approve, needsReason: false });
  if (status === 'approved' && onReport('issue')) out.push({ action: 'issue', label: ACTION_LABELS.issue, needsReason: false });
  if (status === 'issued' && onReport('reopen')) out.push({ action: 'reopen', label: ACTION_LABELS.reopen, needsReason: true });
  return out;
}
