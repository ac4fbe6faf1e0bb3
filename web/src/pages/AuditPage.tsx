// Lịch sử: the audit trail of the chosen unit and period, each event as the server
// words it (who, when, what kind, a Vietnamese sentence and the fields changed, before
// and after), filtered by user and kind of event. No codes, no JSON.
import { Card, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useAudit } from '../api/queries.ts';
import type { AuditEvent } from '../api/types.ts';
import { useScope } from '../components/scope.ts';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { useSession } from '../api/session.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { shortPeriodLabel } from '../lib/work-scope.ts';
import { usePhone } from '../components/use-phone.ts';

/** The filter's groups: the API matches an action or a prefix (report, data_value, …). */
const KIND_FILTERS: readonly { value: string; label: string }[] = [
  { value: 'report', label: 'Quy trình báo cáo (lập, nộp, trả lại, tổng hợp, duyệt, ban hành)' },
  { value: 'report.return', label: 'Trả lại' },
  { value: 'report.issue', label: 'Ban hành' },
  { value: 'data_value', label: 'Số liệu' },
  { value: 'report_item', label: 'Nội dung báo cáo' },
  { value: 'report_document', label: 'Sổ văn bản' },
  { value: 'report_plan_item', label: 'Kế hoạch' },
  { value: 'user', label: 'Tài khoản' },
  { value: 'metadata', label: 'Danh mục' },
];

function Changes({ event }: { event: AuditEvent }) {
  const changes = event.changes ?? [];
  if (changes.length === 0) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, fontSize: 12, color: '#475467' }}>
      {changes.map((c) => (
        <li key={c.field}>{c.label}: {c.before ?? '(trống)'} → <b>{c.after ?? '(trống)'}</b></li>
      ))}
    </ul>
  );
}

export function AuditPage() {
  const scope = useScope();
  const phone = usePhone();
  const [user, setUser] = useState('');
  const [kind, setKind] = useState<string | undefined>(undefined);
  const org = scope.reportOrg && !scope.isPart ? scope.reportOrg : scope.org;
  const session = useSession();
  const allowed = scope.ready && session.allows('read_audit');
  const audit = useAudit({ org, period: scope.period, user: user.trim() || undefined, kind }, allowed);
  if (!session.allows('read_audit')) {
    return (
      <div>
        <Typography.Title level={1} className="page-title">Lịch sử thay đổi</Typography.Title>
        <Card><EmptyState description="Lịch sử thay đổi dành cho văn phòng, lãnh đạo và quản trị; tài khoản của bạn không xem được trang này." /></Card>
      </div>
    );
  }
  return (
    <div>
      <Typography.Title level={1} className="page-title">Lịch sử thay đổi</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{scope.unitName(org)} · {shortPeriodLabel(scope.period)}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <label htmlFor="audit-user">Người thực hiện</label>
          <Input id="audit-user" aria-label="Người thực hiện" allowClear style={{ width: phone ? '100%' : 200 }} value={user} onChange={(e) => setUser(e.target.value)} placeholder="tên đăng nhập" />
          <label htmlFor="audit-kind">Loại thao tác</label>
          <Select id="audit-kind" aria-label="Loại thao tác" allowClear style={{ width: phone ? '100%' : 260 }} value={kind} onChange={(v?: string) => setKind(v)} options={[...KIND_FILTERS]} placeholder="Tất cả" showSearch optionFilterProp="label" />
        </Space>
      </Card>
      {audit.isError ? <ErrorState error={audit.error} onRetry={() => void audit.refetch()} /> : (
        <Table<AuditEvent>
          size="small" rowKey={(e) => String(e.id)} loading={audit.isPending} dataSource={audit.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: 'Không có thay đổi nào khớp bộ lọc.' }}
          columns={[
            { title: 'Thời điểm', dataIndex: 'at', width: phone ? 96 : 150, render: (at: string) => formatDateTime(at) },
            ...(phone ? [] : [{ title: 'Người thực hiện', key: 'u', width: 150, render: (_: unknown, e: AuditEvent) => e.actorName ?? e.actor ?? e.user ?? '' }]),
            {
              title: 'Thay đổi', key: 'k', render: (_, e) => (
                <div>
                  <Typography.Text strong>{e.actionLabel ?? 'Thao tác'}</Typography.Text>
                  {phone && <span style={{ color: '#667085' }}> · {e.actorName ?? e.actor}</span>}
                  {e.summary && <div>{e.summary}</div>}
                  <Changes event={e} />
                </div>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
