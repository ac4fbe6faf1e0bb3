// Completeness of a period (tình hình nộp báo cáo): for each report of the units under
// `orgUnit`, which divisions have submitted their part, on time or late against the
// period's deadline (RULES-VN.md, core reportDeadline), and whether the report itself
// was issued on time. Dates compare in Việt Nam's calendar (UTC+7).
import { isWithinPath } from '../../core/access.ts';
import { formatPeriod, reportDeadline } from '../../core/period.ts';
import type { IsoDate } from '../../core/period.ts';
import { timeliness } from '../../core/workflow.ts';
import type { ReportStatus, Timeliness } from '../../core/workflow.ts';
import { AppError } from '../app-error.ts';
import { parseReportPeriod } from './build-report.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import { loadWorkflow, vietnamDate } from './run-workflow-action.ts';

export interface PartCompleteness {
  readonly division: string;
  readonly name: string;
  readonly status: 'draft' | 'submitted';
  readonly submittedAt: string | null;
  readonly timeliness: Timeliness;
}

export interface ReportCompleteness {
  readonly orgUnit: string;
  readonly name: string;
  readonly status: ReportStatus;
  readonly issuedAt: string | null;
  readonly timeliness: Timeliness;
  readonly parts: readonly PartCompleteness[];
}

export interface Completeness {
  readonly period: string;
  readonly deadline: IsoDate;
  readonly reports: readonly ReportCompleteness[];
  readonly counts: Readonly<Record<Timeliness, number>>;
}

function local(at: string | null): string | null {
  return at === null ? null : vietnamDate(new Date(at));
}

export async function reportCompleteness({ store, orgUnit, period }: { store: Store; orgUnit: string; period: string }): Promise<Completeness> {
  const parsed = parseReportPeriod(period);
  const code = formatPeriod(parsed);
  const deadline = reportDeadline(parsed);
  const tree = await loadOrgTree(store);
  const root = tree.get(orgUnit);
  if (!root) throw new AppError('not_found', `Không có đơn vị "${orgUnit}".`, { field: 'querystring.org' });
  const stored = (await store.reports.list({ period: code })).filter((r) => {
    const path = tree.get(r.orgUnit)?.path;
    return path !== undefined && isWithinPath(path, root.path);
  });
  const reports: ReportCompleteness[] = [];
  const counts: Record<Timeliness, number> = { on_time: 0, late: 0, missing: 0 };
  for (const report of stored) {
    const { parts } = await loadWorkflow({ store, orgUnit: report.orgUnit, period: code });
    const partRows = parts.map((p) => {
      const at = p.status === 'submitted' ? p.submittedAt : null;
      const state = timeliness(local(at), deadline);
      counts[state] += 1;
      return { division: p.division, name: tree.get(p.division)?.name ?? p.division, status: p.status, submittedAt: at, timeliness: state };
    });
    reports.push({
      orgUnit: report.orgUnit, name: tree.get(report.orgUnit)?.name ?? report.orgUnit, status: report.status,
      issuedAt: report.issuedAt, timeliness: timeliness(local(report.status === 'issued' ? report.issuedAt : null), deadline), parts: partRows,
    });
  }
  return { period: code, deadline, reports, counts };
}
