// Thông báo: the workflow events that concern the user (its part returned with the
// reason, the report compiled, approved, issued, a deadline near), newest first, each
// leading to the page where the user acts on it. Unread ones are marked "Mới" (the
// bell counts them); Xem marks one read, "Đánh dấu tất cả đã đọc" all.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, messageOf } from '../api/client.ts';
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
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const mark = async (ids: readonly string[]) => {
    setBusy(true);
    try {
      await api.post('/api/notifications/read', { ids });
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: ['notifications'] });
    }
  };
  const open = (n: NotificationView) => {
    // Reading it is opening it; the page opens even if the mark fails (it stays "Mới").
    if (!n.read) void mark([n.id]).catch(() => undefined);
    void navigate(targetOf(n));
  };
  // The ones on screen, not "all": one that came in since the page loaded stays new.
  const onScreen = (notifications.data?.notifications ?? []).filter((n) => !n.read).map((n) => n.id);
  const markAll = () => void mark(onScreen).then(() => message.success('Đã đánh dấu mọi thông báo là đã đọc.'), (e: unknown) => message.error(messageOf(e)));
  const unread = notifications.data?.unread ?? 0;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="center">
        <Typography.Title level={1} className="page-title">Thông báo</Typography.Title>
        {unread > 0 && <Button onClick={markAll} loading={busy}>Đánh dấu tất cả đã đọc ({unread})</Button>}
      </Space>
      {notifications.isPending ? <Loading /> : notifications.isError ? <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} /> : notifications.data.notifications.length === 0 ? (
        <Card><EmptyState description="Chưa có thông báo nào cho bạn." /></Card>
      ) : (
        <Card size="small">
          <List<NotificationView>
            dataSource={notifications.data.notifications}
            rowKey="id"
            renderItem={(n) => {
              const kind = KIND_LABELS[n.kind] ?? { label: 'Thông báo', color: 'default' };
              return (
                <List.Item data-testid="notification" data-read={n.read ? 'true' : 'false'} actions={[<Button key="open" size="small" onClick={() => open(n)}>Xem</Button>]}>
                  <List.Item.Meta
                    title={<span style={{ fontWeight: n.read ? 400 : 600 }}>{!n.read && <Tag color="red">Mới</Tag>}<Tag color={kind.color}>{kind.label}</Tag>{n.title}</span>}
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
