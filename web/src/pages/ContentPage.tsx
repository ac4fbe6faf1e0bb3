// Nội dung: per template section, the narrative items (add, edit, reorder, delete),
// the document register, the next period's plan and the review of last period's plan.
// A division sees the sections it writes; controls show only where the server says
// the user may write now (a submitted part, a compiled or issued report: read-only,
// with why). Writes carry the row's version; a stale write gets 409 and the list reloads.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PLAN_STATUS_LABELS } from '../../../src/core/labels.ts';
import { flattenSections } from '../../../src/core/report-template.ts';
import { formatPeriod, nextPeriod, parsePeriod, periodLabel, previousPeriod } from '../../../src/core/period.ts';
import { api, messageOf } from '../api/client.ts';
import { reportPath, useDocuments, useItems, usePlan, useReport, useTemplate } from '../api/queries.ts';
import type { DocumentView, ItemView, PlanStatus, PlanView, ReportView, SectionView } from '../api/types.ts';
import { ReportGate } from '../components/report-gate.tsx';
import { StateNotice } from '../components/report-state.tsx';
import { useScope } from '../components/scope.ts';
import type { Scope } from '../components/scope.ts';
import { ErrorState, Loading } from '../components/states.tsx';
import { formatDate } from '../lib/dates.ts';
import { usePhone } from '../components/use-phone.ts';

function useWrite(org: string, period: string) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const write = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      message.success(done);
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      await client.invalidateQueries({ queryKey: ['reports', org, period] });
      await client.invalidateQueries({ queryKey: ['validation'] });
    }
  };
  return { write, error, clearError: () => setError(null) };
}

/** Scrolls to and flashes the row a finding's link names (`data-row-key`). */
function useFlashRow(id: string | null, ready: boolean) {
  useEffect(() => {
    if (!id || !ready) return;
    const row = document.querySelector(`[data-row-key="${CSS.escape(id)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: 'center' });
    row.classList.add('flash');
    const timer = setTimeout(() => row.classList.remove('flash'), 2100);
    return () => clearTimeout(timer);
  }, [id, ready]);
}

const sectionLabel = (s: SectionView, withOwner: boolean) => `${s.number}. ${s.title}${withOwner && s.ownerName ? ` (${s.ownerName})` : ''}`;

function ItemsTab({ org, period, sections, withOwner, phone }: { org: string; period: string; sections: SectionView[]; withOwner: boolean; phone: boolean }) {
  const items = useItems(org, period);
  const [params, setParams] = useSearchParams();
  const { write, error, clearError } = useWrite(org, period);
  const [editing, setEditing] = useState<{ id?: string; section: string; text: string; version?: number } | null>(null);
  const base = reportPath(org, period);
  const wanted = params.get('section');
  const current = sections.find((s) => s.id === wanted) ?? sections[0];
  useFlashRow(params.get('item'), items.isSuccess);
  if (items.isPending) return <Loading />;
  if (items.isError) return <ErrorState error={items.error} onRetry={() => void items.refetch()} />;
  if (!current) return <Typography.Text type="secondary">Không có mục nội dung nào để viết.</Typography.Text>;
  const canWrite = current.editable;
  const list = items.data.filter((i) => i.section === current.id).sort((a, b) => a.order - b.order);
  const choose = (id: string) => setParams((prev) => { const p = new URLSearchParams(prev); p.set('section', id); p.delete('item'); return p; });
  const move = async (item: ItemView, delta: number) => {
    const other = list[list.indexOf(item) + delta];
    if (!other) return;
    await write(async () => {
      await api.patch(`${base}/items/${encodeURIComponent(item.id)}`, { order: other.order, version: item.version });
      await api.patch(`${base}/items/${encodeURIComponent(other.id)}`, { order: item.order, version: other.version });
    }, 'Đã đổi thứ tự.');
  };
  const save = async () => {
    if (!editing) return;
    const ok = await write(() => editing.id
      ? api.patch(`${base}/items/${encodeURIComponent(editing.id)}`, { text: editing.text, version: editing.version })
      : api.post(`${base}/items`, { section: editing.section, text: editing.text }), editing.id ? 'Đã lưu nội dung.' : 'Đã thêm nội dung.');
    if (ok) setEditing(null);
  };
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <label htmlFor="section-picker">Mục</label>
        <Select id="section-picker" aria-label="Mục" style={{ flex: '1 1 280px', minWidth: 0, maxWidth: 620 }} value={current.id} onChange={choose}
          options={sections.map((s) => ({ value: s.id, label: sectionLabel(s, withOwner) }))} showSearch optionFilterProp="label" popupMatchSelectWidth={phone ? true : 620} />
        {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ section: current.id, text: '' })}>Thêm nội dung</Button>}
      </div>
      {!canWrite && current.lockedReason && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Mục này chỉ để xem." description={current.lockedReason} data-testid="read-only" />}
      {error && <Alert type="error" showIcon closable role="alert" title={error} onClose={clearError} style={{ marginBottom: 12 }} />}
      <Table<ItemView>
        size="small" rowKey="id" pagination={false} dataSource={list}
        locale={{ emptyText: 'Mục này chưa có nội dung trong kỳ.' }}
        columns={[
          { title: '#', key: 'n', width: 40, render: (_, __, i) => i + 1 },
          { title: 'Nội dung', dataIndex: 'text', render: (t: string, i) => <span>{i.marker && i.marker !== '-' ? `${i.marker} ` : '- '}{t}</span> },
          ...(canWrite ? [{
            title: 'Thao tác', key: 'a', width: phone ? 72 : 150, render: (_: unknown, item: ItemView) => (
              <Space size={4} wrap>
                <Button size="small" aria-label="Lên" icon={<ArrowUpOutlined />} disabled={list.indexOf(item) === 0} onClick={() => void move(item, -1)} />
                <Button size="small" aria-label="Xuống" icon={<ArrowDownOutlined />} disabled={list.indexOf(item) === list.length - 1} onClick={() => void move(item, 1)} />
                <Button size="small" aria-label="Sửa" icon={<EditOutlined />} onClick={() => setEditing({ id: item.id, section: item.section, text: item.text, version: item.version })} />
                <Popconfirm title="Xóa nội dung này?" okText="Xóa" cancelText="Không" onConfirm={() => void write(() => api.delete(`${base}/items/${encodeURIComponent(item.id)}?version=${item.version}`), 'Đã xóa.')}>
                  <Button size="small" aria-label="Xóa" danger icon={<DeleteOutlined />} />
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={editing !== null} title={editing?.id ? 'Sửa nội dung' : 'Thêm nội dung'} okText="Lưu" cancelText="Hủy" onOk={() => void save()} onCancel={() => setEditing(null)} okButtonProps={{ disabled: !editing?.text.trim() }} width={720}>
        <label htmlFor="item-text">Nội dung</label>
        <Input.TextArea id="item-text" aria-label="Nội dung" rows={5} value={editing?.text ?? ''} onChange={(e) => setEditing((ed) => (ed ? { ...ed, text: e.target.value } : ed))} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>Có thể dùng số liệu: {'{{ ioffice.docs_issued | so }}'}.</Typography.Text>
      </Modal>
    </div>
  );
}

interface DocumentForm { type: string; number?: string; symbol?: string; date?: dayjs.Dayjs; issuer: string; summary: string; section?: string }

function DocumentsTab({ org, period, sections, canWrite, lockedReason, phone }: { org: string; period: string; sections: SectionView[]; canWrite: boolean; lockedReason: string | null; phone: boolean }) {
  const documents = useDocuments(org, period);
  const [params] = useSearchParams();
  const { write, error, clearError } = useWrite(org, period);
  const [editing, setEditing] = useState<DocumentView | 'new' | null>(null);
  const [form] = Form.useForm<DocumentForm>();
  const base = reportPath(org, period);
  useFlashRow(params.get('document'), documents.isSuccess);
  if (documents.isPending) return <Loading />;
  if (documents.isError) return <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />;
  const open = (doc: DocumentView | 'new') => {
    setEditing(doc);
    form.setFieldsValue(doc === 'new' ? { type: 'Công văn', issuer: '', summary: '' } : { ...doc, number: doc.number ?? undefined, symbol: doc.symbol ?? undefined, section: doc.section ?? undefined, date: doc.date ? dayjs(doc.date) : undefined });
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = { type: v.type, number: v.number || null, symbol: v.symbol || null, issuer: v.issuer, summary: v.summary, date: v.date ? v.date.format('YYYY-MM-DD') : null, section: v.section ?? null };
    const ok = await write(() => editing && editing !== 'new'
      ? api.patch(`${base}/documents/${encodeURIComponent(editing.id)}`, { ...body, version: editing.version })
      : api.post(`${base}/documents`, body), 'Đã lưu văn bản.');
    if (ok) setEditing(null);
  };
  return (
    <div>
      {canWrite ? <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => open('new')}>Thêm văn bản</Button>
        : lockedReason && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Sổ văn bản chỉ để xem." description={lockedReason} />}
      {error && <Alert type="error" showIcon closable role="alert" title={error} onClose={clearError} style={{ marginBottom: 12 }} />}
      <Table<DocumentView>
        size="small" rowKey="id" pagination={{ pageSize: 15, hideOnSinglePage: true }} dataSource={documents.data}
        scroll={phone ? { x: 'max-content' } : undefined}
        locale={{ emptyText: 'Chưa có văn bản nào trong sổ của kỳ.' }}
        columns={[
          { title: 'Số, ký hiệu', key: 'n', width: 150, render: (_, d) => (d.number ? `${d.number}${d.symbol ? `/${d.symbol}` : ''}` : <Tag>không số</Tag>) },
          { title: 'Ngày', key: 'd', width: 100, render: (_, d) => formatDate(d.date) },
          { title: 'Loại', dataIndex: 'type', width: 110 },
          ...(phone ? [] : [{ title: 'Cơ quan ban hành', dataIndex: 'issuer', width: 160 }]),
          { title: 'Trích yếu', dataIndex: 'summary', ...(phone ? { width: 260 } : {}) },
          ...(canWrite ? [{
            title: '', key: 'a', width: 90, render: (_: unknown, d: DocumentView) => (
              <Space size={4}>
                <Button size="small" aria-label="Sửa" icon={<EditOutlined />} onClick={() => open(d)} />
                <Popconfirm title="Xóa văn bản này khỏi sổ?" okText="Xóa" cancelText="Không" onConfirm={() => void write(() => api.delete(`${base}/documents/${encodeURIComponent(d.id)}?version=${d.version}`), 'Đã xóa.')}>
                  <Button size="small" aria-label="Xóa" danger icon={<DeleteOutlined />} />
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? 'Thêm văn bản' : 'Sửa văn bản'} okText="Lưu" cancelText="Hủy" onOk={() => void save()} onCancel={() => setEditing(null)} width={720}>
        <Form form={form} layout="vertical">
          <Space.Compact block>
            <Form.Item label="Loại văn bản" name="type" rules={[{ required: true, message: 'Chọn loại văn bản.' }]} style={{ width: '34%' }}>
              <Select options={['Quyết định', 'Kế hoạch', 'Công văn', 'Báo cáo', 'Thông báo', 'Tờ trình'].map((t) => ({ value: t, label: t }))} />
            </Form.Item>
            <Form.Item label="Số" name="number" style={{ width: '22%' }}><Input /></Form.Item>
            <Form.Item label="Ký hiệu" name="symbol" style={{ width: '44%' }}><Input placeholder="KH-STTTT" /></Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item label="Ngày ban hành" name="date" style={{ width: '40%' }}><DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} /></Form.Item>
            <Form.Item label="Cơ quan ban hành" name="issuer" rules={[{ required: true, message: 'Nhập cơ quan ban hành.' }]} style={{ width: '60%' }}><Input /></Form.Item>
          </Space.Compact>
          <Form.Item label="Trích yếu" name="summary" rules={[{ required: true, message: 'Nhập trích yếu.' }]}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item label="Mục trong báo cáo" name="section"><Select allowClear options={sections.map((s) => ({ value: s.id, label: sectionLabel(s, false) }))} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function PlanTab({ org, period, review, canWrite, lockedReason }: { org: string; period: string; review: boolean; canWrite: boolean; lockedReason: string | null }) {
  const plan = usePlan(org, period);
  const [params] = useSearchParams();
  const { write, error, clearError } = useWrite(org, period);
  const [text, setText] = useState('');
  const base = reportPath(org, period);
  const next = formatPeriod(nextPeriod(parsePeriod(period)));
  const previous = formatPeriod(previousPeriod(parsePeriod(period)));
  useFlashRow(params.get('plan'), plan.isSuccess);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const rows = plan.data.filter((p) => (review ? p.forPeriod === period : p.forPeriod === next)).sort((a, b) => a.order - b.order);
  return (
    <div>
      {review && <Typography.Paragraph type="secondary">Kế hoạch {periodLabel(parsePeriod(previous))} đặt ra cho {periodLabel(parsePeriod(period))}: đánh giá kết quả thực hiện từng việc.</Typography.Paragraph>}
      {!review && canWrite && (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input aria-label="Việc trong kế hoạch kỳ sau" placeholder={`Thêm việc cho ${periodLabel(parsePeriod(next))}`} value={text} onChange={(e) => setText(e.target.value)} />
          <Button type="primary" icon={<PlusOutlined />} disabled={!text.trim()} onClick={() => void write(() => api.post(`${base}/plan`, { text: text.trim(), forPeriod: next }), 'Đã thêm vào kế hoạch.').then((ok) => ok && setText(''))}>Thêm</Button>
        </Space.Compact>
      )}
      {!canWrite && lockedReason && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Chỉ để xem." description={lockedReason} />}
      {error && <Alert type="error" showIcon closable role="alert" title={error} onClose={clearError} style={{ marginBottom: 12 }} />}
      <Table<PlanView>
        size="small" rowKey="id" pagination={false} dataSource={rows}
        locale={{ emptyText: review ? 'Kỳ trước không có kế hoạch cho kỳ này.' : 'Chưa có việc nào trong kế hoạch kỳ sau.' }}
        columns={[
          { title: '#', key: 'n', width: 40, render: (_, __, i) => `${i + 1}.` },
          { title: 'Nội dung', dataIndex: 'text' },
          ...(review ? [{
            title: 'Kết quả', key: 's', width: 190, render: (_: unknown, p: PlanView) => canWrite ? (
              <Select aria-label={`Kết quả: ${p.text}`} style={{ width: 180 }} value={p.status ?? undefined} placeholder="Chưa đánh giá"
                options={Object.entries(PLAN_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
                onChange={(status: PlanStatus) => void write(() => api.patch(`${base}/plan/${encodeURIComponent(p.id)}`, { status, version: p.version }), 'Đã cập nhật kết quả.')} />
            ) : (p.status ? PLAN_STATUS_LABELS[p.status] : <Tag>Chưa đánh giá</Tag>),
          }] : canWrite ? [{
            title: '', key: 'a', width: 50, render: (_: unknown, p: PlanView) => (
              <Popconfirm title="Xóa việc này?" okText="Xóa" cancelText="Không" onConfirm={() => void write(() => api.delete(`${base}/plan/${encodeURIComponent(p.id)}?version=${p.version}`), 'Đã xóa.')}>
                <Button size="small" aria-label="Xóa" danger icon={<DeleteOutlined />} />
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </div>
  );
}

function Content({ scope, report }: { scope: Scope; report: ReportView }) {
  const [params, setParams] = useSearchParams();
  const phone = usePhone();
  const org = scope.reportOrg ?? '';
  const period = scope.period;
  const workflow = report.workflow;
  const template = useTemplate(workflow.template);
  const all = report.sections ?? [];
  // Items go in the sections whose template has an items block; a division writes its own.
  const withItems = template.data ? new Set(flattenSections(template.data.sections).filter((s) => s.blocks.some((b) => b.type === 'items')).map((s) => s.id)) : null;
  const sections = all.filter((s) => (!withItems || withItems.has(s.id)) && (!scope.isPart || s.owner === scope.org));
  const editable = workflow.editable ?? { documents: false, plan: false, planReview: false };
  const why = workflow.editableReason ?? { documents: null, plan: null, planReview: null };
  const tab = params.get('tab') ?? 'items';
  return (
    <div>
      <Typography.Title level={1} className="page-title">Nội dung báo cáo {periodLabel(parsePeriod(period))}</Typography.Title>
      {scope.isPart && <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>Các mục do {scope.unitName(scope.org)} viết</Typography.Paragraph>}
      <StateNotice workflow={workflow} scope={scope} />
      <Card size="small">
        <Tabs activeKey={tab} tabBarGutter={phone ? 14 : undefined} onChange={(key) => setParams((prev) => { const p = new URLSearchParams(prev); p.set('tab', key); return p; })} items={[
          // On a phone the four tabs must fit the width (an overflow menu hides the last ones).
          { key: 'items', label: phone ? 'Nội dung' : 'Nội dung theo mục', children: <ItemsTab org={org} period={period} sections={sections} withOwner={!scope.isPart} phone={phone} /> },
          { key: 'documents', label: phone ? 'Văn bản' : 'Sổ văn bản', children: <DocumentsTab org={org} period={period} sections={all} canWrite={editable.documents} lockedReason={why.documents} phone={phone} /> },
          { key: 'plan', label: phone ? 'Kế hoạch' : 'Kế hoạch kỳ sau', children: <PlanTab org={org} period={period} review={false} canWrite={editable.plan} lockedReason={why.plan} /> },
          { key: 'review', label: phone ? 'Đánh giá' : 'Đánh giá kế hoạch kỳ trước', children: <PlanTab org={org} period={period} review canWrite={editable.planReview} lockedReason={why.planReview} /> },
        ]} />
      </Card>
    </div>
  );
}

function WithReport({ scope }: { scope: Scope }) {
  const report = useReport(scope.reportOrg, scope.period);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  return <Content scope={scope} report={report.data} />;
}

export function ContentPage() {
  const scope = useScope();
  return (
    <ReportGate scope={scope} title={`Nội dung báo cáo ${periodLabel(parsePeriod(scope.period))}`} what="Nội dung, sổ văn bản và kế hoạch được viết trong báo cáo của kỳ.">
      {() => <WithReport scope={scope} />}
    </ReportGate>
  );
}
