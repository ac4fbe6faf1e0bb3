// The data-entry page's file buttons: the Excel form and the interchange files
// (DHIS2 JSON, DHIS2 CSV, ADX) to download, and "Nhập từ tệp": a dry run first that
// shows what the file would change and every conflict with its place, then an
// atomic write ("Ghi số liệu") that refuses a file with conflicts unless the user
// chose to skip the bad rows.
import { DownloadOutlined, DownOutlined, FileExcelOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Dropdown, Modal, Space, Spin, Statistic, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatNumber } from '../../../src/core/format.ts';
import { ApiError, fetchFile, messageOf, upload } from '../api/client.ts';
import type { FileImportSummary } from '../api/types.ts';
import { commitBlocker, committedMessage, conflictPlace, summaryCounts, summaryInError, VALUE_FILE_ACCEPT } from '../lib/values-import.ts';

const FORMAT_LABELS: Readonly<Record<FileImportSummary['format'], string>> = { json: 'DHIS2 JSON', csv: 'DHIS2 CSV', adx: 'ADX XML', xlsx: 'Biểu nhập Excel' };

/** Hands a fetched file to the browser's download, under the server's (Vietnamese) name. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Checked = { file: File; summary: FileImportSummary | null; error: string | null };

/** `withChildren`: the files hold the unit's subtree (the report's unit: every division's figures). */
export function ValuesFileExchange({ org, period, template, canWrite, onImported, withChildren = false }: {
  org: string; period: string; template: string | undefined; canWrite: boolean; onImported: () => Promise<void>; withChildren?: boolean;
}) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [skipConflicts, setSkipConflicts] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [commitError, setCommitError] = useState<string | null>(null);

  const download = async (format: 'xlsx' | 'json' | 'csv' | 'adx') => {
    setDownloading(format);
    try {
      const query = { org, period, format, ...(withChildren ? { children: true } : {}), ...(format === 'xlsx' && template ? { template } : {}) };
      const { blob, fileName } = await fetchFile('/api/values/export', query);
      saveFile(blob, fileName ?? `so-lieu-${org}-${period}.${format === 'adx' ? 'adx.xml' : format}`);
    } catch (error) {
      message.error(`Không tải được tệp: ${messageOf(error)}`);
    } finally {
      setDownloading(null);
    }
  };

  // The dry run skips conflicts so that its counts show what the valid rows would do;
  // the conflicts are listed all the same, and the real write decides on skipping.
  const check = async (file: File) => {
    setChecking(true);
    setChecked(null);
    setSkipConflicts(false);
    setCommitError(null);
    try {
      const summary = await upload<FileImportSummary>('/api/values/import', file, { dryRun: true, skipConflicts: true });
      setChecked({ file, summary, error: null });
    } catch (error) {
      const summary = error instanceof ApiError ? summaryInError(error.details) : null;
      setChecked({ file, summary, error: messageOf(error) });
    } finally {
      setChecking(false);
    }
  };

  const commit = async () => {
    if (!checked) return;
    setCommitting(true);
    setCommitError(null);
    try {
      const summary = await upload<FileImportSummary>('/api/values/import', checked.file, { dryRun: false, skipConflicts });
      message.success(committedMessage(summary));
      setOpen(false);
      setChecked(null);
      await onImported();
    } catch (error) {
      // Nothing was written (the import is atomic); show the server's reason and its summary.
      const summary = error instanceof ApiError ? summaryInError(error.details) : null;
      if (summary) setChecked({ ...checked, summary });
      setCommitError(messageOf(error));
    } finally {
      setCommitting(false);
    }
  };

  const close = () => {
    setOpen(false);
    setChecked(null);
    setCommitError(null);
  };

  const summary = checked?.summary ?? null;
  const blocker = checked?.error && !summary?.conflicts.length ? checked.error : commitBlocker(summary, skipConflicts);
  // A file that could not be read at all (header missing, broken ZIP) has nothing to skip to.
  const unreadable = summary !== null && summary.status === 'ERROR' && summary.importCount.ignored === 0;

  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={downloading === 'xlsx'} onClick={() => void download('xlsx')}>Tải biểu mẫu Excel</Button>
      <Dropdown
        menu={{
          items: [
            { key: 'json', label: 'DHIS2 JSON (.json)' },
            { key: 'csv', label: 'DHIS2 CSV (.csv)' },
            { key: 'adx', label: 'ADX XML (.adx.xml)' },
          ],
          onClick: ({ key }) => void download(key as 'json' | 'csv' | 'adx'),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={downloading !== null && downloading !== 'xlsx'}>
          Tải số liệu <DownOutlined />
        </Button>
      </Dropdown>
      {canWrite && <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>Nhập từ tệp</Button>}
      <Modal
        open={open}
        title="Nhập số liệu từ tệp"
        width={880}
        onCancel={close}
        destroyOnHidden
        footer={[
          checked && <Button key="again" onClick={() => { setChecked(null); setCommitError(null); }}>Chọn tệp khác</Button>,
          <Button key="close" onClick={close}>Đóng</Button>,
          <Tooltip key="commit" title={checked ? blocker : null}>
            <Button type="primary" loading={committing} disabled={!checked || blocker !== null || unreadable} onClick={() => void commit()}>Ghi số liệu</Button>
          </Tooltip>,
        ]}
      >
        {!checked && !checking && (
          <>
            <Typography.Paragraph type="secondary">
              Chọn tệp biểu nhập Excel (.xlsx), DHIS2 JSON, DHIS2 CSV hoặc ADX XML (tối đa 20 MB). Tệp được kiểm tra trước, chưa ghi gì cho đến khi bạn bấm "Ghi số liệu".
            </Typography.Paragraph>
            <Upload.Dragger
              accept={VALUE_FILE_ACCEPT}
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void check(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">Bấm hoặc kéo tệp số liệu vào đây</p>
              <p className="ant-upload-hint">.xlsx, .json, .csv, .xml</p>
            </Upload.Dragger>
          </>
        )}
        {checking && <div role="status" aria-live="polite" style={{ padding: 32, textAlign: 'center' }}><Spin /><div style={{ marginTop: 8 }}>Đang kiểm tra tệp…</div></div>}
        {checked && (
          <div data-testid="import-check">
            <Space style={{ display: 'flex', marginBottom: 12 }} wrap>
              <Typography.Text strong>{checked.file.name}</Typography.Text>
              {summary && <Tag>{FORMAT_LABELS[summary.format]}</Tag>}
              <Tag color="blue">Chạy thử: chưa ghi gì</Tag>
            </Space>
            {checked.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title="Tệp có lỗi" description={checked.error} />}
            {summary && !unreadable && (
              <Space size={32} style={{ display: 'flex', marginBottom: 12 }} aria-label="Kết quả kiểm tra tệp">
                {summaryCounts(summary).map((c) => (
                  <Statistic key={c.key} title={c.label} value={formatNumber(c.value)} data-testid={`import-${c.key}`}
                    styles={{ content: c.key === 'conflicts' && c.value > 0 ? { color: '#b42318' } : {} }} />
                ))}
              </Space>
            )}
            {summary?.notices.map((n) => <Alert key={n} type="info" showIcon style={{ marginBottom: 8 }} title={n} />)}
            {summary && summary.conflicts.length > 0 && (
              <Table
                size="small"
                aria-label="Các xung đột trong tệp"
                rowKey={(_, index) => String(index)}
                pagination={summary.conflicts.length > 8 ? { pageSize: 8, size: 'small' } : false}
                dataSource={summary.conflicts.map((c) => ({ ...c, ...conflictPlace(c.message) }))}
                columns={[
                  { title: 'Vị trí', dataIndex: 'place', width: 200, render: (place: string) => place || '—' },
                  { title: 'Lỗi', dataIndex: 'problem' },
                  { title: 'Giá trị', dataIndex: 'value', width: 120 },
                ]}
              />
            )}
            {summary && summary.conflicts.length > 0 && !unreadable && (
              <Checkbox checked={skipConflicts} onChange={(e) => setSkipConflicts(e.target.checked)} style={{ marginTop: 12 }}>
                Bỏ qua các dòng lỗi (chỉ ghi các dòng hợp lệ)
              </Checkbox>
            )}
            {summary && blocker && !checked.error && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{blocker}</Typography.Paragraph>}
            {commitError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title="Không ghi được; không có gì thay đổi" description={commitError} />}
          </div>
        )}
      </Modal>
    </>
  );
}
