// The divisions' parts of a report, the same table on Tổng quan and Báo cáo: each
// part's state (being written, submitted when, returned and why) and the buttons the
// server offers the user on it (Nộp for a part handed in on paper, Trả lại).
import { Table, Tag } from 'antd';
import type { PartView, ReportView } from '../api/types.ts';
import { formatDateTime } from '../lib/dates.ts';
import { WorkflowButtons } from './report-state.tsx';
import type { Scope } from './scope.ts';

export function PartStatusTag({ part }: { part: PartView }) {
  if (part.status === 'submitted') return <Tag color="success">Đã nộp</Tag>;
  return part.reason ? <Tag color="error">Bị trả lại</Tag> : <Tag>Đang soạn</Tag>;
}

export function PartsTable({ report, scope }: { report: ReportView; scope: Scope }) {
  const withActions = report.workflow.parts.some((p) => (p.actions ?? []).length > 0);
  return (
    <Table<PartView>
      size="small" pagination={false} rowKey="division" dataSource={report.workflow.parts}
      locale={{ emptyText: 'Báo cáo không chia phần cho các phòng.' }}
      columns={[
        { title: 'Phòng, đơn vị', key: 'd', render: (_, p) => p.name ?? scope.unitName(p.division) },
        {
          title: 'Tình trạng', key: 's', render: (_, p) => (
            <div>
              <PartStatusTag part={p} />
              {p.status === 'submitted' && p.submittedAt && <div style={{ fontSize: 12, color: '#667085' }}>{formatDateTime(p.submittedAt)}{p.timeliness === 'late' ? ' (muộn)' : ''}</div>}
              {p.status !== 'submitted' && p.reason && <div style={{ fontSize: 12, color: '#b42318' }}>Lý do: {p.reason}</div>}
            </div>
          ),
        },
        ...(withActions ? [{ title: '', key: 'a', render: (_: unknown, p: PartView) => <WorkflowButtons report={report} scope={scope} part={p.division} short /> }] : []),
      ]}
    />
  );
}
