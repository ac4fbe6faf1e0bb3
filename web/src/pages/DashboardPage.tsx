// Tổng quan: for the chosen period, the report's status and number, which divisions
// have submitted (on time, late, missing), the findings by severity, and the key
// indicators with the change from last month and a small trend line.
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatDateShort, formatDelta, formatNumber } from '../../../src/core/format.ts';
import { formatPeriod, parsePeriod, periodLabel, previousPeriod, reportDeadline } from '../../../src/core/period.ts';
import type { Severity } from '../../../src/core/finding.ts';
import { useIndicators, useReport, useValues } from '../api/queries.ts';
import type { Indicator, PartView } from '../api/types.ts';
import { EChart } from '../components/EChart.tsx';
import { useScope } from '../components/scope.ts';
import { ErrorState, Loading } from '../components/states.tsx';
import { PART_STATE_LABELS, partState } from '../lib/completeness.ts';
import type { PartState } from '../lib/completeness.ts';
import { SEVERITY_LABELS, StatusTag } from '../lib/report-status.tsx';
import { monthlySeries, shortMonth } from '../lib/series.ts';

const KEY_INDICATORS = ['ioffice.docs_issued', 'ioffice.docs_signed', 'dvc.dossiers', 'qr.scans_total', 'cts.issued', 'attt.alerts'];
const PART_COLORS: Readonly<Record<PartState, string>> = { on_time: 'success', late: 'warning', missing: 'default', overdue: 'error' };

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function KeyIndicator({ indicator, series, period }: { indicator: Indicator; series: Map<string, number>; period: string }) {
  const previous = formatPeriod(previousPeriod(parsePeriod(period)));
  const value = series.get(period);
  const before = series.get(previous);
  const months = [...series.keys()].filter((m) => m <= period).slice(-6);
  const option = useMemo(() => ({
    grid: { left: 4, right: 4, top: 6, bottom: 4 },
    xAxis: { type: 'category', show: false, data: months.map(shortMonth) },
    yAxis: { type: 'value', show: false, scale: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v)) },
    series: [{ type: 'line', data: months.map((m) => series.get(m) ?? null), smooth: true, symbolSize: 5, lineStyle: { width: 2, color: '#1f4e9c' }, itemStyle: { color: '#1f4e9c' }, areaStyle: { color: 'rgba(31,78,156,.08)' } }],
  }), [months, series]);
  return (
    <Card size="small" style={{ height: '100%' }}>
      <div style={{ fontSize: 13, color: '#475467', minHeight: 36 }}>{indicator.name}</div>
      <Statistic value={value === undefined ? '—' : formatNumber(value)} suffix={<span style={{ fontSize: 13 }}>{indicator.unit}</span>} />
      <div style={{ fontSize: 12, color: value !== undefined && before !== undefined && value < before ? '#b42318' : '#067647' }}>
        {value !== undefined && before !== undefined ? `${formatDelta(value - before)} so với tháng trước` : 'chưa có số tháng trước'}
      </div>
      <EChart option={option} height={48} label={`Xu hướng ${indicator.name}`} />
    </Card>
  );
}

export function DashboardPage() {
  const scope = useScope();
  const period = scope.period;
  const parsed = parsePeriod(period);
  const report = useReport(scope.org, period);
  const indicators = useIndicators();
  const year = useValues(scope.org, String(parsed.year));
  const lastYear = useValues(parsed.index <= 6 ? scope.org : undefined, String(parsed.year - 1));

  const values = useMemo(() => [...(lastYear.data?.dataValues ?? []), ...(year.data?.dataValues ?? [])], [year.data, lastYear.data]);
  const unitName = (code: string) => scope.units.find((u) => u.code === code)?.name ?? code;
  const keyIndicators = (indicators.data ?? []).filter((i) => KEY_INDICATORS.includes(i.code))
    .sort((a, b) => KEY_INDICATORS.indexOf(a.code) - KEY_INDICATORS.indexOf(b.code));

  const findingCounts = useMemo(() => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of report.data?.findings ?? []) counts[f.severity] += 1;
    return counts;
  }, [report.data]);

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
            {report.isPending ? <Loading /> : report.isError ? <ErrorState error={report.error} /> : (
              <Row gutter={8}>
                {(['error', 'warning', 'info'] as const).map((s) => (
                  <Col span={8} key={s}>
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
      {indicators.isPending || year.isPending ? <Loading /> : indicators.isError ? <ErrorState error={indicators.error} /> : year.isError ? <ErrorState error={year.error} /> : keyIndicators.length === 0 ? (
        <Card size="small">Chưa có chỉ tiêu chính trong danh mục.</Card>
      ) : (
        <Row gutter={[12, 12]}>
          {keyIndicators.map((i) => (
            <Col xs={24} md={12} xl={8} key={i.code}>
              <KeyIndicator indicator={i} series={monthlySeries(values, i.code, '', scope.org)} period={period} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
