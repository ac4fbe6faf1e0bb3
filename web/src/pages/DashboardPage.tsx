// Tổng quan: for the chosen period, the report's status and number, which divisions
// have submitted (on time, late, missing), the findings by severity, and the key
// indicators with the change from last month and a small trend line.
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatDateShort, formatDelta, formatNumber } from '../../../src/core/format.ts';
import { formatPeriod, offsetPeriod, parsePeriod, periodLabel, reportDeadline } from '../../../src/core/period.ts';
import type { Severity } from '../../../src/core/finding.ts';
import { useAnalytics, useIndicators, useReport, useValidation } from '../api/queries.ts';
import type { Indicator, PartView } from '../api/types.ts';
import { EChart } from '../components/EChart.tsx';
import { useScope } from '../components/scope.ts';
import { ErrorState, Loading } from '../components/states.tsx';
import { PART_STATE_LABELS, partState } from '../lib/completeness.ts';
import type { PartState } from '../lib/completeness.ts';
import { SEVERITY_LABELS, StatusTag } from '../lib/report-status.tsx';
import { shortMonth } from '../lib/series.ts';

const KEY_INDICATORS = ['ioffice.docs_issued', 'ioffice.signed_share', 'dvc.dossiers', 'dvc.online_share', 'qr.scans_total', 'attt.alerts'];
const PART_COLORS: Readonly<Record<PartState, string>> = { on_time: 'success', late: 'warning', missing: 'default', overdue: 'error' };

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function KeyIndicator({ indicator, org, period }: { indicator: Indicator; org: string | undefined; period: string }) {
  // Six months up to the period, aggregated by the server over the unit's subtree.
  const from = formatPeriod(offsetPeriod(parsePeriod(period), -5));
  const analytics = useAnalytics({ indicator: indicator.code, org, from, to: period });
  const percent = indicator.unit === '%';
  const show = (v: number) => (percent ? `${formatNumber(v, 2)}%` : formatNumber(v));
  const months = analytics.data?.periods ?? [];
  const values = analytics.data?.series[0]?.values ?? [];
  const value = values[values.length - 1] ?? undefined;
  const before = values[values.length - 2] ?? undefined;
  const option = useMemo(() => ({
    grid: { left: 4, right: 4, top: 6, bottom: 4 },
    xAxis: { type: 'category', show: false, data: months.map(shortMonth) },
    yAxis: { type: 'value', show: false, scale: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? show(v) : String(v)) },
    series: [{ type: 'line', data: values, smooth: true, symbolSize: 5, lineStyle: { width: 2, color: '#1f4e9c' }, itemStyle: { color: '#1f4e9c' }, areaStyle: { color: 'rgba(31,78,156,.08)' } }],
  }), [months, values]);
  return (
    <Card size="small" style={{ height: '100%' }}>
      <div style={{ fontSize: 13, color: '#475467', minHeight: 36 }}>{indicator.name}</div>
      {analytics.isPending ? <Loading /> : analytics.isError ? <ErrorState error={analytics.error} /> : (
        <>
          <Statistic value={value === undefined ? '—' : show(value)} suffix={percent ? undefined : <span style={{ fontSize: 13 }}>{indicator.unit}</span>} />
          <div style={{ fontSize: 12, color: value !== undefined && before !== undefined && value < before ? '#b42318' : '#067647' }}>
            {value !== undefined && before !== undefined ? `${percent ? `${formatDelta(Math.round((value - before) * 100) / 100)} điểm %` : formatDelta(value - before)} so với tháng trước` : 'chưa có số tháng trước'}
          </div>
          <EChart option={option} height={48} label={`Xu hướng ${indicator.name}`} />
        </>
      )}
    </Card>
  );
}

export function DashboardPage() {
  const scope = useScope();
  const period = scope.period;
  const parsed = parsePeriod(period);
  const report = useReport(scope.org, period);
  const validation = useValidation(scope.org, period);
  const indicators = useIndicators();
  const unitName = (code: string) => scope.units.find((u) => u.code === code)?.name ?? code;
  const keyIndicators = (indicators.data ?? []).filter((i) => KEY_INDICATORS.includes(i.code))
    .sort((a, b) => KEY_INDICATORS.indexOf(a.code) - KEY_INDICATORS.indexOf(b.code));

  // Both the data-value rules and the report's own checks, as `baocao validate` counts them.
  const findingCounts = useMemo(() => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of [...(validation.data?.findings ?? []), ...(validation.data?.reportFindings ?? [])]) counts[f.severity] += 1;
    return counts;
  }, [validation.data]);

  return (
    <div>
      <Typography.Title level={1} className="page-title">Tổng quan {periodLabel(parsed)}</Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Card title="Báo cáo" size="small" style={{ height: '100%' }}>
            {report.isPending ? <Loading /> : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : (
              <div>
                <div style={{ marginBottom: 8 }}>Trạng thái: <StatusTag status={report.data.workflow.status} /></div>
                <div>Số: <b>{report.data.workflow.status === 'issued' ? report.data.workflow.numberText : 'chưa cấp (cấp khi ban hành)'}</b></div>
                <div>Hạn nộp của các phòng: {formatDateShort(reportDeadline(parsed))}</div>
                {report.data.workflow.reason && <div>Lý do gần nhất: {report.data.workflow.reason}</div>}
                <div style={{ marginTop: 8 }}><Link to={`/bao-cao${window.location.search}`}>Xem báo cáo →</Link></div>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="Kết quả kiểm tra số liệu" size="small" style={{ height: '100%' }}>
            {validation.isPending ? <Loading /> : validation.isError ? <ErrorState error={validation.error} onRetry={() => void validation.refetch()} /> : (
              <Row gutter={8}>
                {(['error', 'warning', 'info'] as const).map((s) => (
                  <Col span={8} key={s} data-testid={`findings-${s}`}>
                    <Statistic title={SEVERITY_LABELS[s]} value={findingCounts[s]} valueStyle={{ color: s === 'error' && findingCounts[s] ? '#b42318' : s === 'warning' && findingCounts[s] ? '#b54708' : undefined }} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="Tình hình nộp báo cáo của các phòng" size="small" style={{ height: '100%' }}>
            {report.isPending ? <Loading /> : report.isError ? <ErrorState error={report.error} /> : (
              <Table<PartView>
                size="small" pagination={false} rowKey="division" dataSource={report.data.workflow.parts}
                locale={{ emptyText: 'Báo cáo không chia phần cho các phòng.' }}
                columns={[
                  { title: 'Phòng, đơn vị', key: 'd', render: (_, p) => unitName(p.division) },
                  { title: 'Tình trạng', key: 's', render: (_, p) => { const st = partState(p, parsed, todayIso()); return <Tag color={PART_COLORS[st]}>{PART_STATE_LABELS[st]}</Tag>; } },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 16, margin: '16px 0 8px' }}>Chỉ tiêu chính</Typography.Title>
      {indicators.isPending ? <Loading /> : indicators.isError ? <ErrorState error={indicators.error} /> : keyIndicators.length === 0 ? (
        <Card size="small">Chưa có chỉ tiêu chính trong danh mục.</Card>
      ) : (
        <Row gutter={[12, 12]}>
          {keyIndicators.map((i) => (
            <Col xs={24} md={12} xl={8} key={i.code}>
              <KeyIndicator indicator={i} org={scope.org} period={period} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
