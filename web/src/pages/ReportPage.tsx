// Báo cáo: the report as the document looks (the server's HTML rendering, scaled to
// the screen), its state (issued by whom, when, its number; a return's reason), the
// divisions' parts, the findings where Duyệt is clicked (the same list as Tổng quan,
// each linking to its cell or item, with the explanations beside it), the workflow
// buttons the server offers the user, and the downloads.
import { FileMarkdownOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Typography } from 'antd';
import { parsePeriod, periodLabel } from '../../../src/core/period.ts';
import { reportPath, useReport, useReportHtml } from '../api/queries.ts';
import { FindingsList } from '../components/FindingsList.tsx';
import { ReportFrame } from '../components/ReportFrame.tsx';
import { PartsTable } from '../components/PartsTable.tsx';
import { NextReportAction, ReportGate } from '../components/report-gate.tsx';
import { StateNotice, WorkflowButtons } from '../components/report-state.tsx';
import { useScope } from '../components/scope.ts';
import type { Scope } from '../components/scope.ts';
import { ErrorState, Loading } from '../components/states.tsx';
import { formatDate } from '../lib/dates.ts';
import { StatusTag } from '../lib/report-status.tsx';
import { usePhone } from '../components/use-phone.ts';

function ReportBody({ scope }: { scope: Scope }) {
  const org = scope.reportOrg;
  const period = scope.period;
  const report = useReport(org, period);
  const html = useReportHtml(org, period);
  const phone = usePhone();
  if (report.isPending) return <Loading label="Đang dựng báo cáo…" />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const workflow = report.data.workflow;
  const base = reportPath(org ?? '', period);
  const downloads = (
    <Space size={12} wrap>
      <a href={`${base}.docx`} download><FileWordOutlined /> Tải DOCX</a>
      <a href={`${base}.pdf`} download><FilePdfOutlined /> Tải PDF</a>
      <a href={`${base}.md`} download><FileMarkdownOutlined /> Tải Markdown</a>
    </Space>
  );
  const sectionName = (id: string) => {
    const s = report.data.sections?.find((x) => x.id === id);
    return s ? `${s.number}. ${s.title}` : id;
  };
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap align="start">
        <div>
          <Typography.Title level={1} className="page-title">Báo cáo {periodLabel(parsePeriod(period))}</Typography.Title>
          <Space size={8} wrap>
            <StatusTag status={workflow.status} />
            <span>Số: <b data-testid="report-number">{workflow.status === 'issued' ? workflow.numberText : 'cấp khi ban hành (bản này là dự thảo)'}</b></span>
            {workflow.status === 'issued' && workflow.date && <span>ngày {formatDate(workflow.date)}</span>}
            {workflow.status !== 'issued' && workflow.deadline && <span>Hạn nộp của các phòng: {formatDate(workflow.deadline)}</span>}
          </Space>
        </div>
        <Space wrap>
          <WorkflowButtons report={report.data} scope={scope} />
          {scope.isPart && <WorkflowButtons report={report.data} scope={scope} part={scope.org} />}
          <NextReportAction scope={scope} />
        </Space>
      </Space>
      <StateNotice workflow={workflow} scope={scope} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title="Bản xem trước" styles={{ body: { padding: 0 } }} extra={phone ? null : downloads}>
            {phone && <div style={{ padding: '8px 12px' }}>{downloads}</div>}
            {html.isPending ? <Loading label="Đang dựng bản xem trước…" /> : html.isError ? <ErrorState error={html.error} onRetry={() => void html.refetch()} /> : <ReportFrame html={html.data} />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={`Kết quả kiểm tra (${report.data.findings.length})`} style={{ marginBottom: 12 }} data-testid="report-findings">
            <FindingsList findings={report.data.findings} search={scope.search} sectionName={sectionName} maxHeight={520} />
          </Card>
          <Card size="small" title="Các phần của phòng, đơn vị">
            <PartsTable report={report.data} scope={scope} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

export function ReportPage() {
  const scope = useScope();
  return (
    <ReportGate scope={scope} title={`Báo cáo ${periodLabel(parsePeriod(scope.period))}`} what="Bản xem trước, các phần và nút quy trình có khi báo cáo được lập.">
      {() => <ReportBody scope={scope} />}
    </ReportGate>
  );
}
