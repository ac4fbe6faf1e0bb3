// Báo cáo: the report as the document looks (the server's HTML rendering), the
// findings, the divisions' parts, the workflow buttons the user's roles allow, and
// downloads of DOCX, PDF and Markdown.
import { FileMarkdownOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Input, List, Modal, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { formatDateShort } from '../../../src/core/format.ts';
import { parsePeriod, periodLabel } from '../../../src/core/period.ts';
import { api, messageOf } from '../api/client.ts';
import { reportPath, useReport, useReportHtml } from '../api/queries.ts';
import { useSession } from '../api/session.tsx';
import type { PartView, ReportView, WorkflowView } from '../api/types.ts';
import { useScope } from '../components/scope.ts';
import { ErrorState, Loading } from '../components/states.tsx';
import { grantsWithPaths } from '../lib/entry-units.ts';
import { SeverityTag, StatusTag } from '../lib/report-status.tsx';
import { offeredActions } from '../lib/workflow-buttons.ts';
import type { OfferedAction } from '../lib/workflow-buttons.ts';

function ReportFrame({ html }: { html: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(900);
  // Same-origin without scripts: the page can measure the document, the document can run nothing.
  return (
    <iframe
      ref={ref}
      title="Bản xem trước báo cáo"
      sandbox="allow-same-origin"
      srcDoc={html}
      onLoad={() => setHeight(Math.max(600, (ref.current?.contentDocument?.documentElement.scrollHeight ?? 900) + 24))}
      style={{ width: '100%', height, border: 0, background: '#fff' }}
    />
  );
}

export function ReportPage() {
  const scope = useScope();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const org = scope.org;
  const period = scope.period;
  const report = useReport(org, period);
  const html = useReportHtml(org, period);
  const [pending, setPending] = useState<OfferedAction | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const grants = useMemo(() => grantsWithPaths(session.me, scope.units), [session.me, scope.units]);
  const pathOf = (code: string) => scope.units.find((u) => u.code === code)?.path;
  const unitName = (code: string) => scope.units.find((u) => u.code === code)?.name ?? code;
  // A reporter cannot list the department; its path is its division's parent path.
  const ownPathUnder = grants.map((g) => g.path).find((p) => scope.units.find((u) => u.path === p)?.parentCode === org);
  const reportUnitPath = (org ? pathOf(org) : undefined) ?? ownPathUnder?.replace(/\/[^/]+$/, '') ?? '';

  if (!org) return <Loading />;
  if (report.isPending) return <Loading label="Đang dựng báo cáo…" />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const workflow: WorkflowView = report.data.workflow;
  const actions = offeredActions({ grants, status: workflow.status, reportPath: reportUnitPath, parts: workflow.parts, pathOf });
  const base = reportPath(org, period);

  const keyOf = (a: OfferedAction) => `${a.action}:${a.part ?? ''}`;
  const run = async (action: OfferedAction, withReason: string | null) => {
    setBusy(keyOf(action));
    setActionError(null);
    try {
      // The version read last (the cache holds the answer of the previous action).
      const current = client.getQueryData<ReportView>(['reports', org, period])?.workflow.version ?? workflow.version;
      const updated = await api.post<WorkflowView>(`${base}/actions/${action.action}`, {
        ...(action.part ? { part: action.part } : {}),
        ...(withReason ? { reason: withReason } : {}),
        version: current,
      });
      client.setQueryData<ReportView>(['reports', org, period], (old) => (old ? { ...old, workflow: updated } : old));
      message.success(`Đã thực hiện: ${action.label}${action.part ? ` (${unitName(action.part)})` : ''}.`);
      setPending(null);
      setReason('');
      await client.invalidateQueries({ queryKey: ['reports', org, period] });
      await client.invalidateQueries({ queryKey: ['audit'] });
    } catch (error) {
      setActionError(messageOf(error));
      // Refused (someone acted meanwhile?): show the state the server has now.
      await client.invalidateQueries({ queryKey: ['reports', org, period] });
    } finally {
      setBusy(null);
    }
  };

  const onAction = (action: OfferedAction) => {
    if (action.needsReason || action.action === 'issue') {
      setPending(action);
      return;
    }
    void run(action, null);
  };

  const findings = report.data.findings;

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <div>
          <Typography.Title level={1} className="page-title">Báo cáo {periodLabel(parsePeriod(period))}</Typography.Title>
          <Space size={8}>
            <StatusTag status={workflow.status} />
            <span>Số: <b data-testid="report-number">{workflow.status === 'issued' ? workflow.numberText : '(chưa ban hành)'}</b></span>
            {workflow.status === 'issued' && workflow.date && <span>ngày {formatDateShort(workflow.date)}</span>}
          </Space>
        </div>
        <Space wrap>
          {actions.map((a) => (
            <Tooltip key={keyOf(a)} title={a.blockedBy}>
              <Button
                type={a.action === 'return' || a.action === 'reopen' ? 'default' : 'primary'} danger={a.action === 'return'}
                loading={busy === keyOf(a)} disabled={Boolean(a.blockedBy) || (busy !== null && busy !== keyOf(a))} onClick={() => onAction(a)}
              >
                {a.label}{a.part ? ` phần ${unitName(a.part)}` : ''}
              </Button>
            </Tooltip>
          ))}
          <Button icon={<FileWordOutlined />} href={`${base}.docx`} download>Tải DOCX</Button>
          <Button icon={<FilePdfOutlined />} href={`${base}.pdf`} download>Tải PDF</Button>
          <Button icon={<FileMarkdownOutlined />} href={`${base}.md`} download>Tải Markdown</Button>
        </Space>
      </Space>
      {actionError && <Alert type="error" showIcon closable role="alert" style={{ marginBottom: 12 }} title="Không thực hiện được" description={actionError} onClose={() => setActionError(null)} />}
      {workflow.reason && workflow.status === 'draft' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`Lý do trả lại / mở lại: ${workflow.reason}`} />}
      <Row gutter={12}>
        <Col xs={24} xl={16}>
          <Card size="small" title="Bản xem trước" styles={{ body: { padding: 0, background: '#e9ebef' } }}>
            {html.isPending ? <Loading label="Đang dựng bản xem trước…" /> : html.isError ? <ErrorState error={html.error} onRetry={() => void html.refetch()} /> : <ReportFrame html={html.data} />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="Các phần của phòng, đơn vị" style={{ marginBottom: 12 }}>
            <Table<PartView>
              size="small" pagination={false} rowKey="division" dataSource={workflow.parts}
              locale={{ emptyText: 'Không có phần nào.' }}
              columns={[
                { title: 'Phòng', key: 'd', render: (_, p) => unitName(p.division) },
                { title: 'Trạng thái', key: 's', render: (_, p) => p.status === 'submitted' ? <Tag color="success">Đã nộp</Tag> : <Tag>{p.reason ? 'Bị trả lại' : 'Đang soạn'}</Tag> },
                {
                  title: '', key: 'a', render: (_, p) => p.status === 'submitted' && workflow.status === 'draft' && session.allows('return_part') ? (
                    <Button size="small" danger onClick={() => setPending({ action: 'return', label: 'Trả lại', part: p.division, needsReason: true })}>Trả lại</Button>
                  ) : null,
                },
              ]}
            />
          </Card>
          <Card size="small" title={`Kết quả kiểm tra (${findings.length})`}>
            {findings.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không phát hiện vấn đề." /> : (
              <List
                size="small"
                dataSource={findings}
                style={{ maxHeight: 480, overflow: 'auto' }}
                renderItem={(f) => (
                  <List.Item>
                    <div><SeverityTag severity={f.severity} /> {f.message}</div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        open={pending !== null}
        title={pending ? `${pending.label}${pending.part ? ` phần ${unitName(pending.part)}` : ' báo cáo'}` : ''}
        okText={pending?.label ?? 'Đồng ý'}
        cancelText="Hủy"
        confirmLoading={busy !== null}
        okButtonProps={{ disabled: Boolean(pending?.needsReason) && reason.trim() === '' }}
        onOk={() => pending && void run(pending, pending.needsReason ? reason.trim() : null)}
        onCancel={() => { setPending(null); setReason(''); }}
      >
        {pending?.action === 'issue' && <p>Ban hành sẽ cấp số văn bản, ghi ngày ban hành và khóa số liệu, nội dung của kỳ này.</p>}
        {pending?.needsReason && (
          <div>
            <label htmlFor="action-reason">Lý do</label>
            <Input.TextArea id="action-reason" aria-label="Lý do" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Nêu lý do để người nhận biết cần sửa gì" />
          </div>
        )}
      </Modal>
    </div>
  );
}
