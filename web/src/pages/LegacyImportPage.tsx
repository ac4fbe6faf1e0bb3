// Nhập báo cáo cũ: a report written in Word or Markdown is read into the report's
// fields and shown first (coverage, the unit its header names, how it will be laid
// out, header, section tree with items and tables, document references, the figures
// that become values, next period's plan, recipients, signer, findings, what could
// not be placed) together with the loss check: the report a save would store is
// rendered and compared with the file, and what it would lack is listed. Only "Lưu vào
// báo cáo", after a confirmation, saves; a lossy save needs "Lưu dù thiếu" ticked.
// Office and admin only: the server refuses others (403).
import { InboxOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, List, Row, Space, Spin, Statistic, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatDateShort } from '../../../src/core/format.ts';
import type { IsoDate } from '../../../src/core/period.ts';
import { parsePeriod, periodLabel } from '../../../src/core/period.ts';
import { messageOf, upload } from '../api/client.ts';
import { reportPath } from '../api/queries.ts';
import { useSession } from '../api/session.tsx';
import { useScope } from '../components/scope.ts';
import { coverageLabel, documentNumber, layoutLabel, LEGACY_FILE_ACCEPT, lossLabel, LOW_COVERAGE, previewCounts, sectionHeading, unitLabel } from '../lib/legacy-preview.ts';
import type { ImportedFigure, LegacyDocument, LegacyImportResult, LegacyItem, LegacySection } from '../lib/legacy-preview.ts';

const SEVERITY: Readonly<Record<string, { color: string; label: string }>> = {
  error: { color: 'red', label: 'Lỗi' },
  warning: { color: 'orange', label: 'Cảnh báo' },
  info: { color: 'blue', label: 'Lưu ý' },
};

const shortDate = (date: string | null | undefined) => (date ? formatDateShort(date as IsoDate) : '—');

/** A table of the report as it was read: rows and columns, the first row its heading. */
function ItemTable({ rows }: { rows: readonly (readonly string[])[] }) {
  const [head = [], ...body] = rows;
  return (
    <table className="legacy-table" style={{ borderCollapse: 'collapse', margin: '4px 0' }}>
      <thead><tr>{head.map((cell, i) => <th key={i} style={{ border: '1px solid #d0d5dd', padding: '2px 6px' }}>{cell}</th>)}</tr></thead>
      <tbody>{body.map((row, r) => <tr key={r}>{row.map((cell, i) => <td key={i} style={{ border: '1px solid #d0d5dd', padding: '2px 6px' }}>{cell}</td>)}</tr>)}</tbody>
    </table>
  );
}

function Item({ item }: { item: LegacyItem }) {
  if (item.table) return <li style={{ listStyle: 'none' }}><ItemTable rows={item.table} /></li>;
  return <li style={{ marginBottom: 2 }}>{item.marker && item.marker !== '-' ? `${item.marker} ` : ''}{item.text}</li>;
}

function SectionTree({ sections }: { sections: readonly LegacySection[] }) {
  return (
    <ul className="legacy-sections" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
      {sections.map((section) => (
        <li key={section.id} style={{ marginInlineStart: (section.level - 1) * 16, marginBottom: 6 }}>
          <div style={{ fontWeight: section.level <= 1 ? 700 : 600 }}>{sectionHeading(section)}{section.isPlan && <Tag style={{ marginInlineStart: 8 }}>kế hoạch kỳ sau</Tag>}</div>
          {section.items.length > 0 && (
            <ul style={{ margin: '4px 0 4px 16px', paddingInlineStart: 12 }}>
              {section.items.map((item) => <Item key={item.paragraph} item={item} />)}
            </ul>
          )}
          {section.sections.length > 0 && <SectionTree sections={section.sections} />}
        </li>
      ))}
    </ul>
  );
}

function FiguresTable({ figures }: { figures: readonly ImportedFigure[] }) {
  return (
    <Table<ImportedFigure>
      size="small" rowKey={(f) => `${f.paragraph}-${f.text}-${f.indicator}-${f.filter ?? ''}`} aria-label="Số liệu khớp chỉ tiêu"
      pagination={figures.length > 15 ? { pageSize: 15, size: 'small' } : false}
      locale={{ emptyText: 'Không số nào giống chỗ in chỉ tiêu trong đề cương: số liệu giữ nguyên chữ.' }}
      dataSource={[...figures]}
      columns={[
        { title: 'Số', dataIndex: 'text', width: 100 },
        { title: 'Đoạn', key: 'p', width: 70, render: (_, f) => f.paragraph + 1 },
        { title: 'Chỉ tiêu', key: 'i', width: 260, render: (_, f) => `${f.indicator}${f.filter ? ` [${f.filter}]` : ''}` },
        { title: 'Xử lý', key: 's', width: 150, render: (_, f) => (f.sure ? <Tag color="green">Ghi vào chỉ tiêu</Tag> : <Tag>Giữ nguyên chữ</Tag>) },
        { title: 'Lý do', dataIndex: 'reason' },
      ]}
    />
  );
}

function Preview({ result, allowLoss, onAllowLoss }: { result: LegacyImportResult; allowLoss: boolean; onAllowLoss: (value: boolean) => void }) {
  const counts = previewCounts(result);
  const h = result.header;
  const missing = result.loss?.missing ?? [];
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={24}>
          <Col><Statistic title="Độ phủ" value={coverageLabel(result.coverage)} data-testid="legacy-coverage"
            styles={{ content: { color: result.coverage < LOW_COVERAGE ? '#b54708' : '#067647' } }} /></Col>
          <Col><Statistic title="Thiếu khi lưu" value={result.loss ? missing.length : '—'} data-testid="legacy-missing"
            styles={{ content: { color: missing.length > 0 ? '#b42318' : '#067647' } }} /></Col>
          <Col><Statistic title="Mục" value={counts.sections} /></Col>
          <Col><Statistic title="Nội dung" value={counts.items} /></Col>
          <Col><Statistic title="Bảng" value={counts.tables} /></Col>
          <Col><Statistic title="Văn bản" value={counts.documents} /></Col>
          <Col><Statistic title="Số liệu ghi vào chỉ tiêu" value={counts.values} /></Col>
          <Col><Statistic title="Kế hoạch kỳ sau" value={counts.plan} /></Col>
          <Col><Statistic title="Phát hiện" value={counts.findings} /></Col>
          <Col><Statistic title="Chưa xếp được" value={counts.unplaced} /></Col>
        </Row>
        <Typography.Text type="secondary">Độ phủ là tỷ lệ ký tự của tệp đã được xếp vào một trường của báo cáo; "thiếu khi lưu" là số đoạn của tệp mà báo cáo dựng lại từ dữ liệu lưu không có.</Typography.Text>
      </Card>
      <Card size="small" title="Đơn vị và cách lưu" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={1} items={[
          { key: 'stated', label: 'Cơ quan ban hành ghi trong báo cáo', children: result.unit.stated ?? '(không ghi)' },
          { key: 'unit', label: 'Đơn vị khớp', children: <span data-testid="legacy-unit">{unitLabel(result)}</span> },
          ...(result.unit.matched === null && result.unit.closest.length > 0
            ? [{ key: 'closest', label: 'Các đơn vị gần nhất', children: result.unit.closest.map((u) => `${u.name} (${u.code})`).join('; ') }] : []),
          { key: 'layout', label: 'Cách lưu', children: layoutLabel(result.layout) },
          { key: 'values', label: 'Số liệu', children: `${result.dryRun ? 'Sẽ ghi' : 'Đã ghi'} ${result.values.imported} mới, ${result.values.updated} cập nhật vào chỉ tiêu kỳ này` },
        ]} />
      </Card>
      <Alert
        type={!result.loss ? 'info' : missing.length === 0 ? 'success' : 'error'} showIcon style={{ marginBottom: 12 }} data-testid="legacy-loss"
        title={lossLabel(result.loss, result.dryRun)}
        description={missing.length > 0 ? (
          <>
            <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {missing.slice(0, 30).map((m) => <li key={`${m.paragraph}-${m.text}`}>Đoạn {m.paragraph + 1}: {m.text}</li>)}
            </ul>
            {result.dryRun && (
              <Checkbox checked={allowLoss} onChange={(e) => onAllowLoss(e.target.checked)}>
                Lưu dù thiếu các đoạn trên (phần thiếu được ghi vào nhật ký)
              </Checkbox>
            )}
          </>
        ) : undefined}
      />
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
                  { title: 'Trích dẫn ở đoạn', key: 'cited', width: 130, render: (_, d) => (d.citations ?? [{ paragraph: d.paragraph }]).map((c) => c.paragraph + 1).join(', ') },
                  { title: 'Trích yếu', dataIndex: 'summary' },
                ]}
              />
            ),
          },
          {
            key: 'figures', label: `Số liệu (${counts.values}/${result.figures.length})`,
            children: <FiguresTable figures={result.figures} />,
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

/** Whether "Lưu vào báo cáo" may be pressed: no error, or only the loss and the user accepts it. */
function savable(result: LegacyImportResult, allowLoss: boolean): boolean {
  if (result.status !== 'ERROR') return true;
  return allowLoss && result.findings.every((f) => f.severity !== 'error' || f.rule === 'legacy:loss');
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
  const [allowLoss, setAllowLoss] = useState(false);
  const org = scope.org;
  const period = scope.period;
  const unitName = scope.units.find((u) => u.code === org)?.name ?? org ?? '';
  const allowed = session.allows('compile') && org !== undefined;

  const send = (chosen: File, dryRun: boolean) => upload<LegacyImportResult>(`${reportPath(org ?? '', period)}/import`, chosen, { dryRun, name: chosen.name, ...(allowLoss && !dryRun ? { allowLoss: true } : {}) });

  const read = async (chosen: File) => {
    setFile(chosen);
    setResult(null);
    setError(null);
    setAllowLoss(false);
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
      else setError('Báo cáo chưa được lưu: có lỗi cần sửa (xem Phát hiện và phần đối chiếu).');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const confirmSave = () => {
    modal.confirm({
      title: 'Lưu vào báo cáo?',
      content: `Nội dung, văn bản và kế hoạch kỳ sau của báo cáo ${unitName}, ${periodLabel(parsePeriod(period)).toLowerCase()} sẽ được thay toàn bộ bằng nội dung đọc từ tệp "${file?.name ?? ''}"${result && result.values.imported + result.values.updated > 0 ? `, và ${result.values.imported + result.values.updated} số liệu được ghi vào chỉ tiêu` : ''}${allowLoss ? `; ${result?.loss?.missing.length ?? 0} đoạn thiếu được ghi nhận là mất` : ''}. Việc này được ghi vào nhật ký.`,
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
            <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!savable(result, allowLoss) || result.saved !== null} onClick={confirmSave}>
              Lưu vào báo cáo
            </Button>
          </Space>
        )}
      </Space>
      {!allowed && <Alert type="info" showIcon title="Chỉ Văn phòng Sở (tổng hợp) và quản trị được nhập báo cáo cũ." />}
      {allowed && error && <Alert type="error" showIcon closable role="alert" style={{ marginBottom: 12 }} title="Không đọc hoặc không lưu được báo cáo" description={error} onClose={() => setError(null)} />}
      {allowed && result && !savable(result, allowLoss) && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="Báo cáo chưa lưu được (xem Phát hiện và phần đối chiếu)." />}
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
          <Preview result={result} allowLoss={allowLoss} onAllowLoss={setAllowLoss} />
        </>
      )}
    </div>
  );
}
