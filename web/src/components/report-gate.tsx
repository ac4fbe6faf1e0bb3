// What a page shows before its report: waiting for the scope, a unit that makes no
// report, a period without one (an empty state that says what is missing and offers
// "Tạo báo cáo …" to whoever may create it), never a red error for a normal state.
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { api, messageOf } from '../api/client.ts';
import { reportPath } from '../api/queries.ts';
import type { ReportSummary } from '../api/types.ts';
import { capitalise, shortPeriodLabel } from '../lib/work-scope.ts';
import type { Scope } from './scope.ts';
import { ErrorState, Loading } from './states.tsx';

/** Creates the report of `period` for the scope's report unit (header and plan from the last one), then shows it. */
export function CreateReportButton({ scope, period, type = 'primary' }: { scope: Scope; period: string; type?: 'primary' | 'default' }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const org = scope.reportOrg;
  if (!org) return null;
  const label = `Tạo báo cáo ${shortPeriodLabel(period)}`;
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<{ carriedPlanItems: number }>(reportPath(org, period), {});
      message.success(`Đã lập báo cáo ${shortPeriodLabel(period)}${created.carriedPlanItems > 0 ? `; đã chép ${created.carriedPlanItems} việc của kế hoạch kỳ trước vào phần đánh giá` : ''}.`);
      await client.invalidateQueries({ queryKey: ['periods'] });
      await client.invalidateQueries({ queryKey: ['notifications'] });
      await client.invalidateQueries({ queryKey: ['reports', org, period] });
      scope.setPeriod(period);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={4}>
      <Button type={type} icon={<PlusOutlined />} loading={busy} onClick={() => void create()}>{label}</Button>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
    </Space>
  );
}

/** "Tạo báo cáo tháng 6/2022" beside the latest report, for whoever may create it. */
export function NextReportAction({ scope }: { scope: Scope }) {
  const next = scope.reportUnit?.canCreate ? scope.reportUnit.nextPeriod : null;
  const reports = (scope.periods?.reports ?? []).filter((r) => r.orgUnit === scope.reportOrg);
  if (!next || reports[0]?.period !== scope.period || reports.some((r) => r.period === next.period)) return null;
  return <CreateReportButton scope={scope} period={next.period} type="default" />;
}

/** The empty state of a period without a report. */
export function NoReport({ scope, what }: { scope: Scope; what?: string }) {
  const org = scope.reportOrg;
  const latest = (scope.periods?.reports ?? []).find((r) => r.orgUnit === org);
  const canCreate = Boolean(scope.reportUnit?.canCreate);
  return (
    <Card>
      <Empty
        data-testid="no-report"
        description={(
          <div style={{ maxWidth: 560, margin: '0 auto' }}>
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              Chưa có báo cáo {shortPeriodLabel(scope.period)} của {scope.unitName(org)}.
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {what ? `${what} ` : ''}
              {canCreate
                ? 'Lập báo cáo sẽ lấy phần đầu (nơi nhận, người ký) từ báo cáo trước và chép kế hoạch kỳ trước vào phần đánh giá.'
                : 'Bộ phận tổng hợp (văn phòng) lập báo cáo của kỳ; khi có báo cáo, phần việc của bạn hiện ở đây.'}
            </Typography.Paragraph>
          </div>
        )}
      >
        <Space wrap style={{ justifyContent: 'center' }}>
          {canCreate && <CreateReportButton scope={scope} period={scope.period} />}
          {latest && latest.period !== scope.period && (
            <Button onClick={() => scope.setPeriod(latest.period)}>Xem báo cáo {shortPeriodLabel(latest.period)} ({latest.statusLabel.toLowerCase()})</Button>
          )}
        </Space>
      </Empty>
    </Card>
  );
}

/** A unit that makes no report of its own and belongs to none in the user's reach. */
function NoReportUnit({ scope }: { scope: Scope }) {
  const units = scope.periods?.units ?? [];
  return (
    <Card>
      <Empty description={`${capitalise(scope.unitName(scope.org))} không lập báo cáo định kỳ trong hệ thống.`}>
        <Space wrap style={{ justifyContent: 'center' }}>
          {units.filter((u) => scope.canRead(u.orgUnit)).map((u) => (
            <Button key={u.orgUnit} onClick={() => scope.setOrg(u.orgUnit)}>Xem báo cáo của {u.name}</Button>
          ))}
        </Space>
      </Empty>
    </Card>
  );
}

/** Renders the children only when the scope's report exists; otherwise the right state. */
export function ReportGate({ scope, title, what, children }: { scope: Scope; title: string; what?: string; children: (report: ReportSummary) => ReactNode }) {
  const heading = <Typography.Title level={1} className="page-title">{title}</Typography.Title>;
  if (scope.error) return <>{heading}<ErrorState error={scope.error} /></>;
  if (!scope.ready) return <>{heading}<Loading /></>;
  if (!scope.reportOrg) return <>{heading}<NoReportUnit scope={scope} /></>;
  if (!scope.report) return <>{heading}<NoReport scope={scope} {...(what ? { what } : {})} /></>;
  return <>{children(scope.report)}</>;
}
