// Quản trị: units (the tree, with their kinds and dates in Vietnamese), users and their
// scopes, the indicator catalogue and the report template's sections.
import { Card, Table, Tabs, Tag, Typography } from 'antd';
import { BLOCK_TYPE_LABELS, unitKindLabel } from '../../../src/core/labels.ts';
import { flattenSections } from '../../../src/core/report-template.ts';
import { useIndicators, useTemplate } from '../api/queries.ts';
import { useSession } from '../api/session.tsx';
import type { Indicator, OrgUnit } from '../api/types.ts';
import { useScope } from '../components/scope.ts';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { formatDate } from '../lib/dates.ts';
import { UsersTab } from './admin/UsersTab.tsx';
import { usePhone } from '../components/use-phone.ts';

const KIND_LABELS: Readonly<Record<string, string>> = { flow: 'Phát sinh trong kỳ', stock: 'Lũy kế', derived: 'Tính toán' };
const unitKind = (u: OrgUnit) => u.kindLabel ?? unitKindLabel(u.kind);
const activeSpan = (u: OrgUnit) => `${u.openingDate ? `từ ${formatDate(u.openingDate)}` : ''}${u.closingDate ? `${u.openingDate ? ' ' : ''}đến ${formatDate(u.closingDate)}` : u.openingDate ? ' đến nay' : 'đang hoạt động'}`;

export function AdminPage() {
  const session = useSession();
  const scope = useScope();
  const isAdmin = session.hasRole('admin');
  const phone = usePhone();
  const indicators = useIndicators();
  const template = useTemplate(isAdmin ? 'stttt-monthly' : undefined);
  if (!isAdmin) {
    return (
      <div>
        <Typography.Title level={1} className="page-title">Quản trị</Typography.Title>
        <Card><EmptyState description="Trang này dành cho quản trị viên." /></Card>
      </div>
    );
  }
  const unitName = (code: string) => scope.units.find((u) => u.code === code)?.name ?? code;
  return (
    <div>
      <Typography.Title level={1} className="page-title">Quản trị</Typography.Title>
      <Card size="small">
        <Tabs items={[
          {
            key: 'units', label: 'Đơn vị', children: (
              <Table<OrgUnit> size="small" rowKey="code" dataSource={[...scope.units]} pagination={false}
                columns={phone ? [
                  // On a phone one column: the name, then its kind, dates and code on a second line.
                  {
                    title: 'Đơn vị', key: 'n', render: (_, u) => (
                      <div style={{ paddingLeft: (u.level - 1) * 10 }}>
                        <div>{u.name}</div>
                        <div style={{ fontSize: 12, color: '#667085' }}>{[unitKind(u), activeSpan(u), u.code].join(' · ')}</div>
                      </div>
                    ),
                  },
                ] : [
                  { title: 'Tên đơn vị', key: 'n', render: (_, u) => <span style={{ paddingLeft: (u.level - 1) * 16 }}>{u.name}</span> },
                  { title: 'Mã', dataIndex: 'code', width: 170 },
                  { title: 'Loại', key: 'k', width: 140, render: (_, u) => unitKind(u) },
                  { title: 'Thời gian hoạt động', key: 'd', width: 220, render: (_, u) => activeSpan(u) },
                ]} />
            ),
          },
          {
            key: 'users', label: 'Người dùng', children: <UsersTab units={scope.units} />,
          },
          {
            key: 'indicators', label: 'Chỉ tiêu', children: indicators.isError ? <ErrorState error={indicators.error} /> : (
              <Table<Indicator> size="small" rowKey="code" loading={indicators.isPending} dataSource={indicators.data ?? []} pagination={{ pageSize: 15 }} scroll={{ x: 'max-content' }}
                columns={[
                  { title: 'Mã', dataIndex: 'code', width: 220 },
                  { title: 'Tên chỉ tiêu', dataIndex: 'name' },
                  { title: 'Đơn vị tính', dataIndex: 'unit', width: 130 },
                  { title: 'Loại', key: 'k', width: 150, render: (_, i) => KIND_LABELS[i.kind] ?? i.kind },
                  { title: 'Phân tổ / công thức', key: 'd', render: (_, i) => i.expression ? <code>{i.expression}</code> : i.disaggregations.join(', ') },
                ]} />
            ),
          },
          {
            key: 'templates', label: 'Đề cương', children: template.isError ? <ErrorState error={template.error} onRetry={() => void template.refetch()} /> : (
              <Table size="small" rowKey="id" loading={template.isPending} pagination={false} scroll={{ x: 'max-content' }}
                dataSource={template.data ? flattenSections(template.data.sections) : []}
                columns={[
                  { title: 'Mục', key: 't', render: (_, s) => <span style={{ paddingLeft: (s.level - 1) * 20 }}>{s.number}. {s.title}</span> },
                  { title: 'Phòng phụ trách', key: 'o', width: 220, render: (_, s) => (s.owner ? unitName(s.owner) : '') },
                  { title: 'Thành phần', key: 'b', width: 260, render: (_, s) => s.blocks.map((b, i) => <Tag key={i}>{BLOCK_TYPE_LABELS[b.type]}</Tag>) },
                ]} />
            ),
          },
        ]} />
      </Card>
    </div>
  );
}
