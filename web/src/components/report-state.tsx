// The report's state as every page shows it before anyone works: issued (number, date,
// who issued it and when; everything locked), compiled or approved (the divisions'
// parts read-only), a part submitted (read-only for its division until returned), a
// part or the report returned (the reason, who and when). And the workflow buttons,
// exactly those the server says the user may press now.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { api, messageOf } from '../api/client.ts';
import { reportPath } from '../api/queries.ts';
import type { PartView, ReportView, WorkflowView } from '../api/types.ts';
import type { WorkflowAction } from '../../../src/core/workflow.ts';
import { formatDate, formatDateTime } from '../lib/dates.ts';
import { shortPeriodLabel } from '../lib/work-scope.ts';
import type { Scope } from './scope.ts';

export const ACTION_LABELS: Readonly<Record<WorkflowAction, string>> = {
  submit: 'Nộp', return: 'Trả lại', compile: 'Tổng hợp', approve: 'Duyệt', issue: 'Ban hành', reopen: 'Mở lại',
};

const by = (who: string | null | undefined, at: string | null | undefined) => {
  const parts = [who ? `bởi ${who}` : '', at ? `lúc ${formatDateTime(at)}` : ''].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
};

/** The part of the selected unit in the report, when the page shows a division's part. */
export function partOf(workflow: WorkflowView, scope: Scope): PartView | undefined {
  return scope.isPart ? workflow.parts.find((p) => p.division === scope.org) : undefined;
}

export function issuedText(workflow: WorkflowView): string {
  const who = workflow.issuedBy?.displayName;
  return `Đã ban hành: số ${workflow.numberText ?? ''}${workflow.date ? ` ngày ${formatDate(workflow.date)}` : ''}${by(who, workflow.issuedAt)}.`;
}

/** One notice of the state, the same on Tổng quan, Nhập số liệu, Nội dung and Báo cáo. */
export function StateNotice({ workflow, scope }: { workflow: WorkflowView; scope: Scope }) {
  const part = partOf(workflow, scope);
  const notices: ReactNode[] = [];
  if (workflow.status === 'issued') {
    notices.push(<Alert key="issued" type="success" showIcon data-testid="issued-notice" title={issuedText(workflow)} description="Số liệu và nội dung của kỳ đã khóa; chỉ quản trị mở lại được (kèm lý do)." />);
  } else if (workflow.status === 'compiled' || workflow.status === 'approved') {
    notices.push(<Alert key="closed" type="info" showIcon title={`Báo cáo ${workflow.status === 'compiled' ? 'đã tổng hợp, chờ lãnh đạo duyệt' : 'đã phê duyệt, chờ ban hành'}.`} description="Phần của các phòng chỉ còn xem; cần sửa thì lãnh đạo trả lại báo cáo." />);
  }
  if (workflow.status === 'draft' && workflow.reason && !part) {
    notices.push(<Alert key="report-returned" type="warning" showIcon data-testid="return-reason" title={`Báo cáo bị trả lại để sửa. Lý do: ${workflow.reason.replace(/[.\s]+$/, '')}.`} />);
  }
  if (part && workflow.status === 'draft') {
    if (part.status === 'submitted') {
      notices.push(<Alert key="submitted" type="info" showIcon data-testid="part-submitted" title={`Phần của ${scope.unitName(part.division)} đã nộp${part.submittedAt ? ` lúc ${formatDateTime(part.submittedAt)}` : ''}.`} description="Phần này chỉ còn xem cho đến khi văn phòng trả lại để sửa." />);
    } else if (part.reason) {
      notices.push(<Alert key="returned" type="warning" showIcon data-testid="return-reason" title={`Phần của ${scope.unitName(part.division)} bị trả lại${by(part.returnedByName ?? part.returnedBy, part.returnedAt)}`} description={<span>Lý do: <b>{part.reason.replace(/[.\s]+$/, '')}</b>. Sửa theo lý do rồi nộp lại.</span>} />);
    }
  }
  if (notices.length === 0) return null;
  return <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>{notices}</Space>;
}

interface Pending { action: WorkflowAction; part?: string }

/**
 * The buttons of the actions the server offers the user now: the report's own
 * (Tổng hợp, Duyệt, Ban hành, Trả lại, Mở lại), or with `part` that division's part's
 * (Nộp, Trả lại); `short` for a table row, where the row names the division.
 */
export function WorkflowButtons({ report, scope, part, short = false }: { report: ReportView; scope: Scope; part?: string; short?: boolean }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const workflow = report.workflow;
  const org = scope.reportOrg ?? workflow.orgUnit;
  const period = workflow.period;
  const keyOf = (p: Pending) => `${p.action}:${p.part ?? ''}`;
  const labelOf = (p: Pending) => `${ACTION_LABELS[p.action]}${p.part ? ` phần ${scope.unitName(p.part)}` : p.action === 'return' ? ' báo cáo' : ''}`;

  const offered: Pending[] = part
    ? (workflow.parts.find((p) => p.division === part)?.actions ?? []).map((action) => ({ action, part }))
    : (workflow.actions ?? []).filter((a) => a !== 'submit').map((action) => ({ action }));

  const run = async (p: Pending, withReason: string | null) => {
    setBusy(keyOf(p));
    setError(null);
    try {
      const current = client.getQueryData<ReportView>(['reports', org, period])?.workflow.version ?? workflow.version;
      await api.post<WorkflowView>(`${reportPath(org, period)}/actions/${p.action}`, {
        ...(p.part ? { part: p.part } : {}), ...(withReason ? { reason: withReason } : {}), version: current,
      });
      message.success(`Đã ${labelOf(p).charAt(0).toLowerCase()}${labelOf(p).slice(1)}.`);
      setPending(null);
      setReason('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
      // The state changed (or someone changed it first): show what the server has now, everywhere.
      for (const key of ['reports', 'periods', 'notifications', 'audit', 'validation']) await client.invalidateQueries({ queryKey: [key] });
    }
  };
  const needsReason = (p: Pending) => p.action === 'return' || p.action === 'reopen';
  const press = (p: Pending) => (needsReason(p) || p.action === 'issue' ? setPending(p) : void run(p, null));

  if (offered.length === 0 && !error) return null;
  return (
    <>
      <Space wrap>
        {offered.map((p) => (
          <Button key={keyOf(p)} type={p.action === 'return' || p.action === 'reopen' ? 'default' : 'primary'} danger={p.action === 'return'}
            size={short ? 'small' : 'middle'} aria-label={labelOf(p)} style={{ whiteSpace: 'normal', height: 'auto', minHeight: short ? 24 : 32, textAlign: 'left' }}
            loading={busy === keyOf(p)} disabled={busy !== null && busy !== keyOf(p)} onClick={() => press(p)}>
            {short ? ACTION_LABELS[p.action] : labelOf(p)}
          </Button>
        ))}
      </Space>
      {error && <Alert type="error" showIcon closable role="alert" style={{ marginTop: 8 }} title="Không thực hiện được" description={error} onClose={() => setError(null)} />}
      <Modal
        open={pending !== null}
        title={pending ? labelOf(pending) : ''}
        okText={pending ? ACTION_LABELS[pending.action] : 'Đồng ý'}
        cancelText="Hủy"
        confirmLoading={busy !== null}
        okButtonProps={{ disabled: pending !== null && needsReason(pending) && reason.trim() === '' }}
        onOk={() => pending && void run(pending, needsReason(pending) ? reason.trim() : null)}
        onCancel={() => { setPending(null); setReason(''); }}
      >
        {pending?.action === 'issue' && <p>Ban hành sẽ cấp số văn bản, ghi ngày ban hành và khóa số liệu, nội dung của {shortPeriodLabel(period)}.</p>}
        {pending && needsReason(pending) && (
          <div>
            <label htmlFor="action-reason">Lý do</label>
            <Input.TextArea id="action-reason" aria-label="Lý do" rows={3} value={reason} onChange={(e) => setReason(e.target.value)}
              placeholder={pending.part ? 'Nêu điều cần sửa để phòng biết (phòng sẽ thấy lý do này)' : 'Nêu lý do để người nhận biết cần sửa gì'} />
          </div>
        )}
      </Modal>
    </>
  );
}
