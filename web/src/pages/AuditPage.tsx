// Lịch sử: the audit trail (who, when, what, before and after), filtered by user and kind.
import { Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useAudit } from '../api/queries.ts';
import type { AuditEvent } from '../api/types.ts';
import { useScope } from '../components/scope.ts';
import { ErrorState } from '../components/states.tsx';

function short(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

export function AuditPage() {
  const scope = useScope();
  const [user, setUser] = useState('');
  const [kind, setKind] = useState('');
  const audit = useAudit({ org: scope.org, period: scope.period, user: user || undefined, kind: kind || undefined });
  return (
    <div>
      <Typography.Title level={1} className="page-title">Lịch sử thay đổi</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <label htmlFor="audit-user">Người dùng</label>
          <Input id="audit-user" aria-label="Người dùng" allowClear style={{ width: 200 }} value={user} onChange={(e) => setUser(e.target.value)} />
          <label htmlFor="audit-kind">Loại thao tác</label>
          <Input id="audit-kind" aria-label="Loại thao tác" allowClear style={{ width: 200 }} value={kind} onChange={(e) => setKind(e.target.value)} placeholder="values.write, report.issue…" />
        </Space>
      </Card>
      {audit.isError ? <ErrorState error={audit.error} onRetry={() => void audit.refetch()} /> : (
        <Table<AuditEvent>
          size="small" rowKey={(e) => String(e.id)} loading={audit.isPending} dataSource={audit.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: 'Không có thay đổi nào khớp bộ lọc.' }}
          columns={[
            { title: 'Thời điểm', dataIndex: 'at', width: 170, render: (at: string) => new Date(at).toLocaleString('vi-VN') },
            { title: 'Người thực hiện', key: 'u', width: 140, render: (_, e) => e.actor ?? e.user ?? '' },
            { title: 'Thao tác', key: 'k', width: 160, render: (_, e) => e.action ?? e.kind ?? '' },
            { title: 'Trước', key: 'b', render: (_, e) => <code style={{ fontSize: 12 }}>{short(e.before)}</code> },
            { title: 'Sau', key: 'a', render: (_, e) => <code style={{ fontSize: 12 }}>{short(e.after)}</code> },
          ]}
        />
      )}
    </div>
  );
}
