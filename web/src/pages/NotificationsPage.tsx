// Thông báo: the workflow events that concern the user (its part returned with the
// reason, the report compiled, approved, issued, a deadline near), newest first, each
// leading to the page where the user acts on it.
import { Button, Card, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useNotifications } from '../api/queries.ts';
import type { NotificationView } from '../api/types.ts';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { formatDateTime } from '../lib/dates.ts';

const KIND_LABELS: Readonly<Record<string, { label: string; color: string }>> = {
  returned: { label: 'Bị trả lại', color: 'error' },
  submitted: { label: 'Đã nộp', color: 'processing' },
  opened: { label: 'Lập báo cáo', color: 'blue' },
  compiled: { label: 'Đã tổng hợp', color: 'processing' },
  approved: { label: 'Đã phê duyệt', color: 'cyan' },
  issued: { label: 'Đã ban hành', color: 'success' },
  reopened: { label: 'Mở lại', color: 'warning' },
  deadline: { label: 'Hạn nộp', color: 'warning' },
};

/** The page where the user acts on a notification. */
function targetOf(n: NotificationView): string {
  const page = n.kind === 'returned' || n.kind === 'deadline' ? '/tong-quan' : '/bao-cao';
  return `${page}?org=${encodeURIComponent(n.part ?? n.orgUnit)}&period=${encodeURIComponent(n.period)}`;
}

export function NotificationsPage() {
  const notifications = useNotifications();
  const navigate = useNavigate();
  return (
    <div>
      <Typography.Title level={1} className="page-title">Thông báo</Typography.Title>
      {notifications.isPending ? <Loading /> : notifications.isError ? <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} /> : notifications.data.length === 0 ? (
        <Card><EmptyState description="Chưa có thông báo nào cho bạn." /></Card>
      ) : (
        <Card size="small">
          <List<NotificationView>
            dataSource={notifications.data}
            rowKey="id"
            renderItem={(n) => {
              const kind = KIND_LABELS[n.kind] ?? { label: 'Thông báo', color: 'default' };
              return (
                <List.Item data-testid="notification" actions={[<Button key="open" size="small" onClick={() => navigate(targetOf(n))}>Xem</Button>]}>
                  <List.Item.Meta
                    title={<span><Tag color={kind.color}>{kind.label}</Tag>{n.title}</span>}
                    description={(
                      <div>
                        {n.reason && <div style={{ color: '#b42318' }}>Lý do: {n.reason}</div>}
                        <div>{[n.actorName ?? n.actor, formatDateTime(n.at)].filter(Boolean).join(' · ')}</div>
                      </div>
                    )}
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      )}
    </div>
  );
}
