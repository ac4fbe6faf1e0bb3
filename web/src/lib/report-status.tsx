// Status tags of reports and findings, the same colours everywhere.
import { Tag } from 'antd';
import type { Severity } from '../../../src/core/finding.ts';
import { REPORT_STATUS_LABELS } from '../../../src/core/workflow.ts';
import type { ReportStatus } from '../../../src/core/workflow.ts';

export const REPORT_STATUS_COLORS: Readonly<Record<ReportStatus, string>> = { draft: 'default', compiled: 'processing', approved: 'cyan', issued: 'success' };

export function StatusTag({ status }: { status: ReportStatus }) {
  const label = REPORT_STATUS_LABELS[status];
  return <Tag color={REPORT_STATUS_COLORS[status]} data-testid="report-status">{label.charAt(0).toUpperCase() + label.slice(1)}</Tag>;
}

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' };
const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'blue' };

export function SeverityTag({ severity }: { severity: Severity }) {
  return <Tag color={SEVERITY_COLORS[severity]}>{SEVERITY_LABELS[severity]}</Tag>;
}
