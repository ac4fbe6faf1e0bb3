// Tổng quan: each role's first screen. For a division (or anyone looking at one) its
// part of the report: status, deadline, a return's reason, its figures, its items and
// the findings about them, and the Nộp button. For the report's unit: the report's
// state and number, what the user may do next, the findings (the same list as Báo cáo),
// the divisions' parts, and the key indicators with their trend. Nothing is asked of
// the server that the user may not read, and a period without a report is an empty
// state with the action to create it for whoever may.
import { Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatDelta, formatNumber } from '../../../src/core/format.ts';
import { parsePeriod, periodLabel } from '../../../src/core/period.ts';
import type { Severity } from '../../../src/core/finding.ts';
import { flattenSections } from '../../../src/core/report-template.ts';
import { useAnalytics, useIndicators, useItems, useReport, useReportForm, useTemplate, useValidation, useValues } from '../api/queries.ts';
import type { FormCell, Indicator, ReportFinding, ReportView } from '../api/types.ts';
import { EChart } from '../components/EChart.tsx';
import { FindingsList } from '../components/FindingsList.tsx';
import { PartStatusTag, PartsTable } from '../components/PartsTable.tsx';
import { NextReportAction, NoReport } from '../components/report-gate.tsx';
import { StateNotice, WorkflowButtons, issuedText, partOf } from '../components/report-state.tsx';
import { useScope } from '../components/scope.ts';
import type { Scope } from '../components/scope.ts';
import { ErrorState, Loading } from '../components/states.tsx';
import { formatDate, formatDateTime } from '../lib/dates.ts';
import { cellOf, concernsPart } from '../lib/finding-links.ts';
import { SEVERITY_LABELS, StatusTag } from '../lib/report-status.tsx';
import { monthWindow, shortMonth } from '../lib/series.ts';

const KEY_INDICATORS = ['ioffice.docs_issued', 'ioffice.signed_share', 'dvc.dossiers', 'dvc.online_share', 'qr.scans_total', 'attt.alerts'];

function KeyIndicator({ indicator, org, period }: { indicator: Indicator; org: string | undefined; period: string }) {
  // Six months up to the period, aggregated by the server over the unit's subtree.
  const { from, to } = monthWindow(period, 6);
  const analytics = useAnalytics({ indicator: indicator.code, org, from, to });
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
          <Statistic value={value === undefined || value === null ? '—' : show(value)} suffix={percent ? undefined : <span style={{ fontSize: 13 }}>{indicator.unit}</span>} />
          <div style={{ fontSize: 12, color: value != null && before != null && value < before ? '#b42318' : '#067647' }}>
            {value == null ? 'chưa có số của tháng này' : before == null ? 'chưa có số tháng trước' : `${percent ? `${formatDelta(Math.round((value - before) * 100) / 100)} điểm %` : formatDelta(value - before)} so với tháng trước`}
          </div>
          <EChart option={option} height={48} label={`Xu hướng ${indicator.name}`} />
        </>
      )}
    </Card>
  );
}

function KeyIndicators({ scope }: { scope: Scope }) {
  const indicators = useIndicators();
  if (!scope.canRead(scope.org)) return null;
  const keyIndicators = (indicators.data ?? []).filter((i) => KEY_INDICATORS.includes(i.code)).sort((a, b) => KEY_INDICATORS.indexOf(a.code) - KEY_INDICATORS.indexOf(b.code));
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, margin: '16px 0 8px' }}>Chỉ tiêu chính của {scope.unitName(scope.org)}</Typography.Title>
      {indicators.isPending ? <Loading /> : indicators.isError ? <ErrorState error={indicators.error} /> : keyIndicators.length === 0 ? (
        <Card size="small">Chưa có chỉ tiêu chính trong danh mục.</Card>
      ) : (
        <Row gutter={[12, 12]}>
          {keyIndicators.map((i) => <Col xs={24} md={12} xl={8} key={i.code}><KeyIndicator indicator={i} org={scope.org} period={scope.period} /></Col>)}
        </Row>
      )}
    </>
  );
}

function FindingCounts({ findings }: { findings: readonly ReportFinding[] }) {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return (
    <Row gutter={8} style={{ marginBottom: 8 }}>
      {(['error', 'warning', 'info'] as const).map((s) => (
        <Col span={8} key={s} data-testid={`findings-${s}`}>
          <Statistic title={SEVERITY_LABELS[s]} value={counts[s]} styles={{ content: { color: s === 'error' && counts[s] ? '#b42318' : s === 'warning' && counts[s] ? '#b54708' : undefined } }} />
        </Col>
      ))}
    </Row>
  );
}

const sectionNameOf = (report: ReportView) => (id: string) => {
  const s = report.sections?.find((x) => x.id === id);
  return s ? `${s.number}. ${s.title}` : id;
};

function ReportOverview({ scope, report }: { scope: Scope; report: ReportView }) {
  const workflow = report.workflow;
  return (
    <>
      <StateNotice workflow={workflow} scope={scope} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Card title={`Báo cáo của ${scope.unitName(scope.reportOrg)}`} size="small" style={{ height: '100%' }}>
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <div>Trạng thái: <StatusTag status={workflow.status} /></div>
              <div>Số: <b>{workflow.status === 'issued' ? workflow.numberText : 'cấp khi ban hành'}</b></div>
              {workflow.status === 'issued' ? <div>{issuedText(workflow)}</div> : workflow.deadline && <div>Hạn nộp của các phòng: <b>{formatDate(workflow.deadline)}</b></div>}
              <WorkflowButtons report={report} scope={scope} />
              <NextReportAction scope={scope} />
              <Link to={`/bao-cao${scope.search}`}>Xem báo cáo →</Link>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="Kết quả kiểm tra" size="small" style={{ height: '100%' }} data-testid="dashboard-findings">
            <FindingCounts findings={report.findings} />
            <FindingsList findings={report.findings} search={scope.search} sectionName={sectionNameOf(report)} maxHeight={260} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="Tình hình nộp của các phòng" size="small" style={{ height: '100%' }}>
            <PartsTable report={report} scope={scope} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function PartOverview({ scope, report }: { scope: Scope; report: ReportView }) {
  const org = scope.org;
  const form = useReportForm(scope.reportOrg, scope.period);
  const values = useValues(org, scope.period, false, scope.canRead(org));
  const items = useItems(scope.reportOrg, scope.period);
  const workflow = report.workflow;
  const part = partOf(workflow, scope);
  const template = useTemplate(report.workflow.template);
  // The sections where the division writes items (those with an items block).
  const withItems = template.data ? new Set(flattenSections(template.data.sections).filter((s) => s.blocks.some((b) => b.type === 'items')).map((s) => s.id)) : null;
  const owned = (report.sections ?? []).filter((s) => s.owner === org && (!withItems || withItems.has(s.id)));
  const ownedIds = new Set(owned.map((s) => s.id));
  const findings = report.findings.filter((f) => concernsPart(f, org ?? '', ownedIds));
  const cells: FormCell[] = (form.data?.cells ?? []).filter((c) => c.reportingUnit === org);
  const stored = new Map((values.data?.dataValues ?? []).map((v) => [cellOf(v.dataElement, v.categoryOptionCombo), v.value]));
  const filled = cells.filter((c) => stored.has(cellOf(c.indicator, 'default')) || [...stored.keys()].some((k) => k.startsWith(`${c.indicator}|`))).length;
  const itemCount = (section: string) => (items.data ?? []).filter((i) => i.section === section).length;
  return (
    <>
      <StateNotice workflow={workflow} scope={scope} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={`Phần của ${scope.unitName(org)}`} style={{ height: '100%' }} data-testid="part-card">
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <div>Báo cáo {periodLabel(parsePeriod(scope.period))} của {scope.unitName(scope.reportOrg)}: <StatusTag status={workflow.status} /></div>
              {part ? <div>Phần của phòng: <PartStatusTag part={part} />{part.submittedAt && part.status === 'submitted' ? ` lúc ${formatDateTime(part.submittedAt)}` : ''}</div> : <div>Đơn vị này không có phần riêng trong báo cáo.</div>}
              {workflow.deadline && <div>Hạn nộp: <b>{formatDate(workflow.deadline)}</b></div>}
              {part?.lockedReason && <Typography.Text type="secondary">{part.lockedReason}</Typography.Text>}
              {org && <WorkflowButtons report={report} scope={scope} part={org} />}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="Kết quả kiểm tra phần của phòng" style={{ height: '100%' }} data-testid="dashboard-findings">
            <FindingCounts findings={findings} />
            <FindingsList findings={findings} search={scope.search} sectionName={sectionNameOf(report)} maxHeight={260} empty="Không phát hiện vấn đề trong phần của phòng." />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="Nội dung phòng viết" style={{ height: '100%' }}>
            {owned.length === 0 ? <Typography.Text type="secondary">Phòng không phụ trách mục nội dung nào của báo cáo.</Typography.Text> : (
              <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                {owned.map((s) => (
                  <li key={s.id}>
                    <Link to={`/noi-dung${scope.search}&section=${encodeURIComponent(s.id)}`}>{s.number}. {s.title}</Link>
                    {' '}<Tag>{items.isSuccess ? `${itemCount(s.id)} nội dung` : '…'}</Tag>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 12 }} title={`Số liệu phòng nhập (${form.isSuccess && values.isSuccess ? `${filled}/${cells.length} chỉ tiêu đã có số` : '…'})`}
        extra={<Link to={`/nhap-so-lieu${scope.search}`}>Nhập số liệu →</Link>}>
        {form.isPending || values.isPending ? <Loading /> : form.isError ? <ErrorState error={form.error} /> : cells.length === 0 ? (
          <Typography.Text type="secondary">Phòng không nhập chỉ tiêu nào của báo cáo này.</Typography.Text>
        ) : (
          <Table<FormCell> size="small" rowKey="indicator" pagination={cells.length > 10 ? { pageSize: 10, size: 'small' } : false} dataSource={cells}
            columns={[
              { title: 'Chỉ tiêu', key: 'n', render: (_, c) => <Link to={`/nhap-so-lieu${scope.search}&focus=${encodeURIComponent(cellOf(c.indicator, 'default'))}`}>{c.name}</Link> },
              { title: 'Số liệu', key: 'v', className: 'num', width: 120, render: (_, c) => { const v = stored.get(cellOf(c.indicator, 'default')); return v === undefined ? <Tag>chưa có</Tag> : formatNumber(Number(v)); } },
            ]} />
        )}
      </Card>
    </>
  );
}

function WithReport({ scope }: { scope: Scope }) {
  const report = useReport(scope.reportOrg, scope.period);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  return scope.isPart ? <PartOverview scope={scope} report={report.data} /> : <ReportOverview scope={scope} report={report.data} />;
}

/** Without a report: the empty state, and the rules' findings on the unit's figures. */
function WithoutReport({ scope }: { scope: Scope }) {
  const validation = useValidation(scope.org, scope.period, scope.canRead(scope.org) && !scope.isPart);
  const findings = [...(validation.data?.findings ?? []), ...(validation.data?.reportFindings ?? [])];
  return (
    <>
      {scope.reportOrg ? <NoReport scope={scope} /> : null}
      {validation.isSuccess && findings.length > 0 && (
        <Card title="Kết quả kiểm tra số liệu" size="small" style={{ marginTop: 12 }}>
          <FindingCounts findings={findings} />
          <FindingsList findings={findings} search={scope.search} sectionName={(id) => id} maxHeight={260} />
        </Card>
      )}
    </>
  );
}

export function DashboardPage() {
  const scope = useScope();
  const title = `Tổng quan ${periodLabel(parsePeriod(scope.period))}`;
  return (
    <div>
      <Typography.Title level={1} className="page-title">{title}</Typography.Title>
      {scope.isPart && <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>Phần của {scope.unitName(scope.org)} trong báo cáo của {scope.unitName(scope.reportOrg)}</Typography.Paragraph>}
      {scope.error ? <ErrorState error={scope.error} /> : !scope.ready ? <Loading /> : scope.report ? <WithReport scope={scope} /> : <WithoutReport scope={scope} />}
      {scope.ready && !scope.isPart && <KeyIndicators scope={scope} />}
    </div>
  );
}
