// Loading, empty and error states, the same on every page.
import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { messageOf } from '../api/client.ts';

export function Loading({ label = 'Đang tải dữ liệu…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" data-testid="loading" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 12, color: '#667085' }}>{label}</div>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="Không tải được dữ liệu"
      description={messageOf(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>Thử lại</Button> : undefined}
    />
  );
}

export function EmptyState({ description, children }: { description: string; children?: ReactNode }) {
  return <Empty description={description}>{children}</Empty>;
}

/** Renders loading / error / empty for a query, else the children with its data. */
export function QueryView<T>({ query, isEmpty, empty, children }: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  isEmpty?: (data: T) => boolean;
  empty?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <EmptyState description={empty ?? 'Chưa có dữ liệu.'} />;
  return <>{children(query.data)}</>;
}
