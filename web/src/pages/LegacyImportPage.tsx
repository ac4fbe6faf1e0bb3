// Nhập báo cáo cũ: a report written in Word or Markdown is read into the report's
// fields and shown first (coverage, header, section tree with items, document
// references, next period's plan, recipients, signer, findings, what could not be
// placed); only "Lưu vào báo cáo", after a confirmation, replaces the report's items,
// documents and plan. Office and admin only: the server refuses others (403).
import { InboxOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Row, Space, Spin, Statistic, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatDateShort } from '../../../src/core/format.ts';
import type { IsoDate } from '../../../src/core/period.ts';
import { parsePeriod, periodLabel } from '../../../src/core/period.ts';
import { messageOf, upload } from '../api/client.ts';
import { reportPath } from '../api/queries.ts';
import { useSession } from '../api/session.tsx';
import type { LegacyDocument, LegacyImportResult, LegacySection } from '../api/types.ts';
import { useScope } from '../components/scope.ts';
import { coverageLabel, documentNumber, LEGACY_FILE_ACCEPT, LOW_COVERAGE, previewCounts, sectionHeading } from '../lib/legacy-preview.ts';

const SEVERITY: Readonly<Record<string, { color: string; label: string }>> = {
  error: { color: 'red', label: 'Lỗi' },
  warning: { color: 'orange', label: 'Cảnh báo' },
  info: { color: 'blue', label: 'Lưu ý' },
};

const shortDate = (date: string | null | undefined) => (date ? formatDateShort(date as IsoDate) : '—');

function SectionTree({ sections }: { sections: readonly LegacySection[] }) {
  return (
    <ul className="legacy-sections" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
      {sections.map((section) => (
        <li key={section.id} style={{ marginInlineStart: (section.level - 1) * 16, marginBottom: 6 }}>
          <div style={{ fontWeight: section.level <= 1 ? 700 : 600 }}>{sectionHeading(section)}</div>
          {section.items.length > 0 && (
            <ul style={{ margin: '4px 0 4px 16px', paddingInlineStart: 12 }}>
              {section.items.map((item) => <li key={item.paragraph} style={{ marginBottom: 2 }}>{item.text}</li>)}
            </ul>
          )}
          {section.sections.length > 0 && <SectionTree sections={section.sections} />}
        </li>
      ))}
    </ul>
  );
}

function Preview({ result }: { result: LegacyImportResult }) {
  const counts = previewCounts(result);
  const h = result.header;
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={24}>
          <Col><Statistic title="Độ phủ" value={coverageLabel(result.coverage)} data-testid="legacy-coverage"
            styles={{ content: { color: result.coverage < LOW_COVERAGE ? '#b54708' : '#067647' } }} /></Col>
          <Col><Statistic title="Mục" value={counts.sections} /></Col>
          <Col><Statistic title="Nội dung" value={counts.items} /></Col>
          <Col><Statistic title="Văn bản" value={counts.documents} /></Col>
          <Col><Statistic title="Kế hoạch kỳ sau" value={counts.plan} /></Col>
          <Col><Statistic title="Phát hiện" value={counts.findings} /></Col>
          <Col><Statistic title="Chưa xếp được" value={counts.unplaced} /></Col>
        </Row>
        <Typography.Text type="secondary">Độ phủ là tỷ lệ ký tự của tệp đã được xếp vào một trường của báo cáo.</Typography.Text>
      </Card>
      {result.coverage < LOW_COVERAGE && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`Chỉ ${coverageLabel(result.coverage)} nội dung tệp được xếp vào báo cáo; xem mục "Chưa xếp được" trước khi lưu.`} />
      )}
      {result.findings.length > 0 && (
        <Card size="small" title="Phát hiện khi đọc báo cáo" style={{ marginBottom: 12 }}>
          <List
            size="small"
            dataSource={result.findings}
            renderItem={(f) => (
              <List.Item data-testid="legacy-finding">
                <Space align="start"><Tag color={SEVERITY[f.severity]?.color}>{SEVERITY[f.severity]?.label ?? f.severity}</Tag><span>{f.message}</span></Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title="Đầu báo cáo" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={2} bordered items={[
          { key: 'gov', label: 'Cơ quan chủ quản', children: h.governingBody ?? '—' },
          { key: 'iss', label: 'Cơ quan ban hành', children: h.issuingBody ?? '—' },
          { key: 'num', label: 'Số, ký hiệu', children: h.numberAndSymbol ?? '—' },
          { key: 'place', label: 'Địa danh, ngày', children: [h.place, h.date ? shortDate(h.date) : null].filter(Boolean).join(', ') || '—' },
          { key: 'title', label: 'Tên loại', children: result.title ?? '—' },
          { key: 'period', label: 'Kỳ báo cáo', children: result.period ? periodLabel(parsePeriod(result.period)) : '—' },
          { key: 'summary', label: 'Trích yếu', span: 2, children: result.summary ?? '—' },
        ]} />
      </Card>
      <Card size="small">
        <Tabs items={[
          {
            key: 'sections', label: `Nội dung (${counts.sections} mục, ${counts.items} ý)`,
            children: result.sections.length ? <SectionTree sections={result.sections} /> : <Empty description="Không nhận ra mục nào." />,
          },
          {
            key: 'documents', label: `Văn bản (${counts.documents})`,
            children: (
              <Table<LegacyDocument>
                size="small" rowKey="id" aria-label="Văn bản được nêu trong báo cáo"
                pagination={result.documents.length > 10 ? { pageSize: 10, size: 'small' } : false}
                locale={{ emptyText: 'Không thấy văn bản nào được nêu.' }}
                dataSource={result.documents}
                columns={[
                  { title: 'Loại', dataIndex: 'type', width: 120 },
                  { title: 'Số/ký hiệu', key: 'number', width: 190, render: (_, d) => documentNumber(d) },
                  { title: 'Cơ quan', dataIndex: 'issuer', width: 110 },
                  { title: 'Ngày', key: 'date', width: 100, render: (_, d) => shortDate(d.date) },
                  { title: 'Trích yếu', dataIndex: 'summary' },
                ]}
              />
            ),
          },
          {
            key: 'plan', label: `Kế hoạch kỳ sau (${counts.plan})`,
            children: result.plan.length
              ? <ol style={{ paddingInlineStart: 20 }}>{result.plan.map((p) => <li key={p.order} style={{ marginBottom: 4 }}>{p.text}</li>)}</ol>
              : <Empty description="Không thấy phần kế hoạch kỳ sau." />,
          },
          {
            key: 'closing', label: 'Nơi nhận, người ký',
            children: (
              <Row gutter={24}>
                <Col span={12}>
                  <Typography.Title level={5}>Nơi nhận</Typography.Title>
                  {result.recipients.length ? <ul>{result.recipients.map((r) => <li key={r}>{r}</li>)}</ul> : <Typography.Text type="secondary">Không thấy nơi nhận.</Typography.Text>}
                </Col>
                <Col span={12}>
                  <Typography.Title level={5}>Người ký</Typography.Title>
                  {result.signer ? (
                    <div style={{ textAlign: 'center', fontWeight: 600 }}>
                      {result.signer.authority && <div>{result.signer.authority}</div>}
                      <div>{result.signer.title}</div>
                      <div style={{ marginTop: 24 }}>{result.signer.name}</div>
                    </div>
                  ) : <Typography.Text type="secondary">Không thấy người ký.</Typography.Text>}
                </Col>
              </Row>
            ),
          },
          {
            key: 'unplaced', label: `Chưa xếp được (${counts.unplaced})`,
            children: result.unplaced.length
              ? <List size="small" dataSource={result.unplaced} renderItem={(u) => <List.Item><Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>Đoạn {u.paragraph + 1}</Typography.Text>{u.text}</List.Item>} />
              : <Empty description="Mọi đoạn của tệp đều đã được xếp vào báo cáo." />,
          },
        ]} />
      </Card>
    </>
  );
}

export function LegacyImportPage() {
  const scope = useScope();
  const session = useSession();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<LegacyImportResult | null>(null);
  const [reading, setReading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const org = scope.org;
  const period = scope.period;
  const unitName = scope.units.find((u) => u.code === org)?.name ?? org ?? '';
  const allowed = session.allows('compile') && org !== undefined;

  const send = (chosen: File, dryRun: boolean) => upload<LegacyImportResult>(`${reportPath(org ?? '', period)}/import`, chosen, { dryRun, name: chosen.name });

  const read = async (chosen: File) => {
    setFile(chosen);
    setResult(null);
    setError(null);
    setReading(true);
    try {
      setResult(await send(chosen, true));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setReading(false);
    }
  };

  const save = async () => {
    if (!file) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await send(file, false);
      setResult(saved);
      await client.invalidateQueries({ queryKey: ['reports'] });
      await client.invalidateQueries({ queryKey: ['validation'] });
      if (saved.saved) message.success(`Đã lưu vào báo cáo: ${saved.saved.imported} mới, ${saved.saved.updated} cập nhật, ${saved.saved.unchanged} không đổi.`);
      else setError('Báo cáo chưa được lưu: tệp có lỗi cần sửa (xem mục Phát hiện).');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const confirmSave = () => {
    modal.confirm({
      title: 'Lưu vào báo cáo?',
      content: `Nội dung, văn bản và kế hoạch kỳ sau của báo cáo ${unitName}, ${periodLabel(parsePeriod(period)).toLowerCase()} sẽ được thay toàn bộ bằng nội dung đọc từ tệp "${file?.name ?? ''}". Việc này được ghi vào nhật ký.`,
      okText: 'Lưu và thay thế',
      cancelText: 'Hủy',
      okButtonProps: { danger: true },
      onOk: save,
    });
  };

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <div>
          <Typography.Title level={1} className="page-title">Nhập báo cáo cũ</Typography.Title>
          <Typography.Text type="secondary">{unitName} · {periodLabel(parsePeriod(period))}</Typography.Text>
        </div>
        {allowed && result && (
          <Space>
            <Button onClick={() => { setFile(null); setResult(null); setError(null); }}>Chọn tệp khác</Button>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={result.status === 'ERROR' || result.saved !== null} onClick={confirmSave}>
              Lưu vào báo cáo
            </Button>
          </Space>
        )}
      </Space>
      {!allowed && <Alert type="info" showIcon title="Chỉ Văn phòng Sở (tổng hợp) và quản trị được nhập báo cáo cũ." />}
      {allowed && error && <Alert type="error" showIcon closable role="alert" style={{ marginBottom: 12 }} title="Không đọc hoặc không lưu được báo cáo" description={error} onClose={() => setError(null)} />}
      {allowed && result?.status === 'ERROR' && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="Tệp có lỗi (xem Phát hiện); báo cáo không thể lưu cho đến khi sửa tệp." />}
      {allowed && result?.saved && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`Đã lưu vào báo cáo ${unitName}: ${result.saved.imported} mới, ${result.saved.updated} cập nhật, ${result.saved.unchanged} không đổi.`} />}
      {allowed && !result && !reading && (
        <Card>
          <Typography.Paragraph>
            Chọn báo cáo cũ dạng Word (.docx) hoặc Markdown (.md), tối đa 20 MB. Tệp được đọc để xem trước; báo cáo chỉ thay đổi khi bạn bấm "Lưu vào báo cáo".
          </Typography.Paragraph>
          <Upload.Dragger accept={LEGACY_FILE_ACCEPT} multiple={false} showUploadList={false} beforeUpload={(chosen) => { void read(chosen); return Upload.LIST_IGNORE; }}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">Bấm hoặc kéo tệp báo cáo vào đây</p>
            <p className="ant-upload-hint">.docx, .md</p>
          </Upload.Dragger>
        </Card>
      )}
      {reading && <div role="status" aria-live="polite" data-testid="loading" style={{ padding: 48, textAlign: 'center' }}><Spin /><div style={{ marginTop: 12 }}>Đang đọc "{file?.name}"…</div></div>}
      {allowed && result && (
        <>
          <Space style={{ marginBottom: 8 }}>
            <Typography.Text strong>{file?.name}</Typography.Text>
            <Tag>{result.format === 'docx' ? 'Word (.docx)' : 'Markdown'}</Tag>
            {result.dryRun && <Tag color="blue">Xem trước: chưa lưu</Tag>}
          </Space>
          <Preview result={result} />
        </>
      )}
    </div>
  );
}
