// Nhập số liệu: the figures of the report that the chosen unit reports (a division: its
// own; the report's unit: every figure, each stored on the unit that reports it), in
// the template's order, with the disaggregations as labelled cells, last period's
// value and the change beside each, findings as the user types and from the server's
// checks, and a giải trình for a flagged figure. Vietnamese numbers ("20.601",
// "77,2"); an emptied cell deletes its value; "Hủy thay đổi" returns to what was
// loaded; a stale save shows the user's value, the stored one and who stored it when.
// Read-only (no inputs, no save) when the state or the user's role says so, with why.
import { CommentOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDelta, formatNumber, parseVietnameseNumber } from '../../../src/core/format.ts';
import { formatPeriod, parsePeriod, periodLabel, previousPeriod } from '../../../src/core/period.ts';
import { ApiError, api, messageOf } from '../api/client.ts';
import { useDisaggregations, useExplanations, useIndicators, useReport, useReportForm, useValues } from '../api/queries.ts';
import type { DisaggregationView, Explanation, FormCell, ImportSummary, ReportView } from '../api/types.ts';
import { ReportGate } from '../components/report-gate.tsx';
import { StateNotice } from '../components/report-state.tsx';
import { useScope } from '../components/scope.ts';
import type { Scope } from '../components/scope.ts';
import { ErrorState, Loading } from '../components/states.tsx';
import { ValuesFileExchange } from '../components/ValuesFileExchange.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { disaggLabel, knownOptions } from '../lib/disagg-labels.ts';
import { changedCells, loadedOf, refusalsByCell, saveRows, shownValue, splitCell, takeStored, textsOf } from '../lib/entry-form.ts';
import type { CellId, LoadedValue, SaveRow, StaleEntry } from '../lib/entry-form.ts';
import { cellOf, targetsOf } from '../lib/finding-links.ts';
import { cellId, liveFindings } from '../lib/live-findings.ts';
import type { CellFinding } from '../lib/live-findings.ts';
import { summaryInError } from '../lib/values-import.ts';

interface StaleRow extends StaleEntry {
  readonly indicator: string;
  readonly key: string;
  readonly orgUnit: string;
  readonly mine: string;
  readonly storedByName: string | null;
}

interface StaleDetail {
  dataElement: string; orgUnit?: string; categoryOptionCombo: string; current: number | string | null;
  storedBy: string | null; storedByName?: string | null; lastUpdated: string | null;
}

/** The stale values of a 409 from PUT /api/values, or null when the conflict is of another kind. */
function staleOf(details: Record<string, unknown> | undefined): StaleDetail[] | null {
  const list = details?.['stale'];
  return Array.isArray(list) && list.length > 0 ? (list as StaleDetail[]) : null;
}

/** The cells of an indicator: the total, and each option of its one dimension (or seen in the data). */
function keysOf(cell: FormCell, seen: Iterable<string>, catalogue: readonly DisaggregationView[]): string[] {
  const keys = new Set<string>(['']);
  if (cell.disaggregations.length === 1) {
    for (const opt of knownOptions(catalogue, cell.disaggregations[0] ?? '')) keys.add(`${cell.disaggregations[0]}=${opt}`);
  }
  for (const key of seen) keys.add(key);
  return [...keys];
}

function EntryForm({ scope, report }: { scope: Scope; report: ReportView }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const period = scope.period;
  const previous = formatPeriod(previousPeriod(parsePeriod(period)));
  // A division enters its own figures; the report's unit sees every figure of the form.
  const valuesOrg = scope.isPart ? scope.org : scope.reportOrg;
  const children = !scope.isPart;
  const readable = scope.canRead(valuesOrg);

  const form = useReportForm(scope.reportOrg, period);
  const indicators = useIndicators();
  const disaggregations = useDisaggregations();
  const current = useValues(valuesOrg, period, children, readable);
  const before = useValues(valuesOrg, previous, children, readable);
  const explanations = useExplanations(valuesOrg, period, children, readable);

  const cells = useMemo(() => (form.data?.cells ?? []).filter((c) => !scope.isPart || c.reportingUnit === scope.org), [form.data, scope.isPart, scope.org]);
  const cellByIndicator = useMemo(() => new Map(cells.map((c) => [c.indicator, c])), [cells]);
  const unitOf = (indicator: string) => cellByIndicator.get(indicator)?.reportingUnit ?? valuesOrg ?? '';

  const [loaded, setLoaded] = useState<Map<CellId, LoadedValue>>(new Map());
  const [texts, setTexts] = useState<Record<CellId, string>>({});
  const [stale, setStale] = useState<StaleRow[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Map<CellId, string>>(new Map());
  const [explaining, setExplaining] = useState<{ cell: CellId; text: string } | null>(null);

  // What the edit starts from: what the server has when the page loads or after a save.
  useEffect(() => {
    if (!current.data || !form.data) return;
    const next = loadedOf(current.data.dataValues, (i) => cellByIndicator.get(i)?.reportingUnit);
    setLoaded(next);
    setTexts(textsOf(next));
  }, [current.data, form.data, cellByIndicator]);
  const previousMap = useMemo(() => loadedOf(before.data?.dataValues ?? [], (i) => cellByIndicator.get(i)?.reportingUnit), [before.data, cellByIndicator]);
  const explanationByCell = useMemo(() => {
    const map = new Map<CellId, Explanation>();
    for (const e of explanations.data ?? []) map.set(cellOf(e.dataElement, e.categoryOptionCombo), e);
    return map;
  }, [explanations.data]);

  const keysByIndicator = useMemo(() => {
    const seen = new Map<string, Set<string>>();
    for (const cell of [...loaded.keys(), ...previousMap.keys()]) {
      const { indicator, key } = splitCell(cell);
      seen.set(indicator, (seen.get(indicator) ?? new Set()).add(key));
    }
    return new Map(cells.map((c) => [c.indicator, keysOf(c, seen.get(c.indicator) ?? [], disaggregations.data ?? [])]));
  }, [cells, loaded, previousMap, disaggregations.data]);

  const liveByCell = useMemo(() => {
    const map = new Map<CellId, CellFinding[]>();
    for (const c of cells) {
      const own: Record<string, string> = {};
      for (const key of keysByIndicator.get(c.indicator) ?? []) own[key] = texts[cellId(c.indicator, key)] ?? '';
      for (const f of liveFindings({ code: c.indicator, valueType: c.valueType }, own)) map.set(f.cell, [...(map.get(f.cell) ?? []), f]);
    }
    return map;
  }, [cells, keysByIndicator, texts]);

  // The server's findings (rules and report checks) on the figures shown here; a missing
  // figure is left out (its empty cell says so), so the notes stay readable.
  const serverByIndicator = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const f of report.findings) {
      if (f.rule.startsWith('report:missing_value')) continue;
      for (const t of targetsOf(f)) {
        if (t.kind !== 'cell' || !cellByIndicator.has(t.indicator)) continue;
        map.set(t.indicator, [...(map.get(t.indicator) ?? []), f.message]);
      }
    }
    return map;
  }, [report.findings, cellByIndicator]);

  const changed = useMemo(() => changedCells(texts, loaded).filter((c) => cellByIndicator.get(splitCell(c).indicator)?.editable), [texts, loaded, cellByIndicator]);
  const blocking = changed.filter((c) => (liveByCell.get(c) ?? []).some((f) => f.blocking));
  const editable = cells.some((c) => c.editable);
  const lockedReason = cells.find((c) => !c.editable && c.lockedReason)?.lockedReason ?? null;

  // A finding's link names a cell: show it, focused and flashing, once the form is drawn.
  const focus = params.get('focus');
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!focus || focused.current === focus) return;
    const input = document.getElementById(`cell-${focus}`);
    if (!input) return;
    focused.current = focus;
    input.scrollIntoView({ block: 'center' });
    input.focus({ preventScroll: true });
    const box = input.closest('.entry-cell');
    box?.classList.add('flash');
    setTimeout(() => box?.classList.remove('flash'), 2100);
  });

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[data-entry-cell]:not([readonly])')];
    const at = inputs.indexOf(event.currentTarget);
    inputs[at + (event.shiftKey ? -1 : 1)]?.focus();
  };

  const refresh = async () => {
    for (const key of ['values', 'validation', 'reports', 'analytics', 'explanations']) await client.invalidateQueries({ queryKey: [key] });
  };

  const save = async (overwrite: boolean) => {
    setSaving(true);
    setSaveError(null);
    setRefused(new Map());
    const base = new Map(loaded);
    // Overwriting bases each stale cell on what the server showed in the conflict.
    if (overwrite) {
      for (const s of stale ?? []) {
        if (s.current === null) base.delete(s.cell);
        else base.set(s.cell, { value: s.current });
      }
    }
    const rows: SaveRow[] = saveRows(changed, texts, base, unitOf);
    try {
      const summary = await api.put<ImportSummary>('/api/values', {
        period,
        dataValues: rows.map((r) => ({ dataElement: r.dataElement, categoryOptionCombo: r.categoryOptionCombo, orgUnit: r.orgUnit, value: r.value, base: r.base })),
      });
      if (summary.status === 'ERROR' || summary.conflicts.length > 0) {
        const { cells: byCell, general } = refusalsByCell(summary.conflicts, rows);
        setRefused(byCell);
        setSaveError([...general, ...(byCell.size ? [`${byCell.size} ô chưa lưu được: xem ghi chú đỏ dưới ô.`] : [])].join(' ') || 'Không ghi được số liệu.');
        return;
      }
      setStale(null);
      const { imported, updated, deleted } = summary.importCount;
      message.success(`Đã lưu ${formatNumber(imported + updated + deleted)} số liệu${deleted > 0 ? ` (xóa ${formatNumber(deleted)})` : ''}.`);
      await refresh();
    } catch (error) {
      const staleValues = error instanceof ApiError && error.code === 'conflict' ? staleOf(error.details) : null;
      const summary = error instanceof ApiError ? summaryInError(error.details) : null;
      if (staleValues) {
        setStale(staleValues.map((s) => {
          const cell = cellOf(s.dataElement, s.categoryOptionCombo);
          const { indicator, key } = splitCell(cell);
          return {
            cell, indicator, key, orgUnit: s.orgUnit ?? unitOf(indicator), current: s.current === null ? null : String(s.current),
            storedBy: s.storedBy, storedByName: s.storedByName ?? null, lastUpdated: s.lastUpdated,
            mine: (texts[cell] ?? '').trim(),
          };
        }));
      } else if (summary) {
        const { cells: byCell, general } = refusalsByCell(summary.conflicts, rows);
        setRefused(byCell);
        setSaveError([...general, ...(byCell.size ? [`${byCell.size} ô chưa lưu được: xem ghi chú đỏ dưới ô.`] : [])].join(' ') || messageOf(error));
      } else {
        setSaveError(messageOf(error));
      }
    } finally {
      setSaving(false);
    }
  };

  const undo = () => {
    setTexts(textsOf(loaded));
    setRefused(new Map());
    setSaveError(null);
  };

  const keepStored = () => {
    const next = takeStored(stale ?? [], texts, loaded);
    setLoaded(next.loaded);
    setTexts(next.texts);
    setStale(null);
  };

  const saveExplanation = async () => {
    if (!explaining) return;
    const { indicator, key } = splitCell(explaining.cell);
    try {
      await api.put('/api/explanations', { orgUnit: unitOf(indicator), period, dataElement: indicator, categoryOptionCombo: key === '' ? 'default' : key, text: explaining.text.trim() });
      message.success(explaining.text.trim() ? 'Đã lưu giải trình.' : 'Đã bỏ giải trình.');
      setExplaining(null);
      await refresh();
    } catch (error) {
      message.error(`Không lưu được giải trình: ${messageOf(error)}`);
    }
  };

  if (form.isPending || indicators.isPending || disaggregations.isPending || (readable && current.isPending)) return <Loading />;
  if (form.isError) return <ErrorState error={form.error} onRetry={() => void form.refetch()} />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;

  const kindOf = new Map((indicators.data ?? []).map((i) => [i.code, i.kind]));
  // A figure the template names without quoting it in a section (its reporting unit set
  // in the template) goes under "Chỉ tiêu khác".
  const sectionTitle = (id: string | null, number: string | null) => {
    const s = id ? report.sections?.find((x) => x.id === id) : undefined;
    return s ? `${s.number}. ${s.title}` : number || 'Chỉ tiêu khác của biểu';
  };
  const groups: { section: string | null; title: string; cells: FormCell[] }[] = [];
  // In the template's order; the figures of no section together at the end.
  for (const c of [...cells.filter((x) => x.section), ...cells.filter((x) => !x.section)]) {
    const last = groups.at(-1);
    if (last && last.section === c.section) last.cells.push(c);
    else groups.push({ section: c.section, title: sectionTitle(c.section, c.sectionNumber), cells: [c] });
  }
  const catalogue = disaggregations.data ?? [];
  const staleName = (s: StaleRow) => `${cellByIndicator.get(s.indicator)?.name ?? s.indicator} (${disaggLabel(catalogue, s.key)})`;

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <div>
          <Typography.Title level={1} className="page-title">Nhập số liệu</Typography.Title>
          <Typography.Text type="secondary">
            {scope.unitName(scope.org)} · {periodLabel(parsePeriod(period))} · so sánh với {periodLabel(parsePeriod(previous))}
          </Typography.Text>
        </div>
        {valuesOrg && (
          <Space wrap aria-label="Trao đổi số liệu qua tệp">
            <ValuesFileExchange org={valuesOrg} period={period} template={report.workflow.template} canWrite={editable} onImported={refresh} withChildren={children} />
          </Space>
        )}
      </Space>
      <StateNotice workflow={report.workflow} scope={scope} />
      {!editable && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="read-only"
          title="Số liệu chỉ để xem."
          description={lockedReason ?? 'Bạn không có quyền nhập số liệu ở đây.'} />
      )}
      {cells.length === 0 && <Card><Typography.Text type="secondary">{scope.unitName(scope.org)} không nhập chỉ tiêu nào của báo cáo này.</Typography.Text></Card>}
      {groups.map((group) => (
        <Card key={group.section ?? 'other'} size="small" title={group.title} style={{ marginBottom: 12 }}>
          {group.cells.map((c) => (
            <div key={c.indicator} className="entry-indicator" data-indicator={c.indicator}>
              <div className="entry-indicator-head">
                <div style={{ fontWeight: 500 }}>{c.name}</div>
                <div style={{ fontSize: 12, color: '#667085' }}>
                  {c.unit} · {kindOf.get(c.indicator) === 'stock' ? 'lũy kế' : 'trong kỳ'}
                  {!scope.isPart && <> · <Tag style={{ fontSize: 11, marginInlineEnd: 0 }}>{c.reportingUnitName}</Tag></>}
                </div>
                {(serverByIndicator.get(c.indicator) ?? []).map((m) => <div key={m} className="finding-note warning">{m}</div>)}
              </div>
              <div className="entry-cells">
                {(keysByIndicator.get(c.indicator) ?? ['']).map((key) => {
                  const cell = cellId(c.indicator, key);
                  const text = texts[cell] ?? '';
                  const prev = previousMap.get(cell)?.value;
                  const now = parseVietnameseNumber(text);
                  const findings = liveByCell.get(cell) ?? [];
                  const refusal = refused.get(cell);
                  const severity = refusal || findings.some((f) => f.severity === 'error') ? 'has-error' : findings.length ? 'has-warning' : changed.includes(cell) ? 'is-changed' : '';
                  const label = disaggLabel(catalogue, key);
                  const explanation = explanationByCell.get(cell);
                  const flagged = findings.length > 0 || (key === '' && serverByIndicator.has(c.indicator));
                  return (
                    <div key={key} className="entry-cell">
                      <label htmlFor={`cell-${cell}`} style={{ fontSize: 12, color: '#475467', display: 'block' }}>{label}</label>
                      <Input
                        id={`cell-${cell}`}
                        aria-label={`${c.name}: ${label}`}
                        data-entry-cell={cell}
                        className={`entry-input ${severity}`}
                        value={text}
                        readOnly={!c.editable}
                        inputMode="decimal"
                        autoComplete="off"
                        onChange={(e) => setTexts((t) => ({ ...t, [cell]: e.target.value }))}
                        onBlur={() => {
                          const n = parseVietnameseNumber(text);
                          if (n !== null) setTexts((t) => ({ ...t, [cell]: formatNumber(n) }));
                        }}
                        onKeyDown={onKeyDown}
                        aria-invalid={severity === 'has-error'}
                      />
                      <div style={{ fontSize: 11, color: '#667085' }}>
                        {prev !== undefined ? (
                          <Tooltip title={`${periodLabel(parsePeriod(previous))}: ${shownValue(prev)}`}>
                            <span>trước: {shownValue(prev)}{now !== null ? ` · ${formatDelta(now - Number(prev))}` : ''}</span>
                          </Tooltip>
                        ) : 'kỳ trước: chưa có'}
                      </div>
                      {findings.map((f) => <div key={f.message} className={`finding-note ${f.severity}`} role="alert">{f.message}</div>)}
                      {refusal && <div className="finding-note error" role="alert">{refusal}</div>}
                      {explanation && <div className="finding-note" data-testid="cell-explanation" style={{ color: '#1f4e9c' }}>Giải trình: {explanation.text}</div>}
                      {c.editable && (flagged || explanation) && (
                        <Button type="link" size="small" icon={<CommentOutlined />} style={{ padding: 0, height: 'auto', fontSize: 12 }}
                          onClick={() => setExplaining({ cell, text: explanation?.text ?? '' })}>
                          {explanation ? 'Sửa giải trình' : 'Giải trình'}
                        </Button>
                      )}
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
        </Card>
      ))}
      {editable && (
        <div className="entry-savebar" role="region" aria-label="Lưu số liệu">
          <Tag color={changed.length ? 'blue' : 'default'}>{changed.length} ô đã sửa</Tag>
          {blocking.length > 0 && <Typography.Text type="danger">{blocking.length} ô cần sửa trước khi lưu</Typography.Text>}
          <div className="savebar-spacer" />
          <Button icon={<UndoOutlined />} disabled={!changed.length || saving} onClick={undo}>Hủy thay đổi</Button>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!changed.length || blocking.length > 0} onClick={() => void save(false)}>Lưu số liệu</Button>
        </div>
      )}
      {saveError && (
        <Alert type="error" showIcon closable style={{ marginTop: 12 }} title="Chưa lưu được" description={saveError} onClose={() => setSaveError(null)} role="alert" />
      )}
      <Modal
        open={stale !== null}
        title="Số liệu đã được người khác thay đổi"
        width={760}
        onCancel={() => setStale(null)}
        footer={[
          <Button key="theirs" onClick={keepStored}>Giữ số đang lưu (bỏ số của tôi)</Button>,
          <Button key="mine" type="primary" danger onClick={() => void save(true)}>Ghi đè bằng số của tôi</Button>,
        ]}
      >
        <Typography.Paragraph>
          Từ lúc bạn mở trang, các ô dưới đây đã được lưu với giá trị khác. Chưa có gì bị ghi đè; hãy chọn giữ số nào. Các ô khác bạn đã sửa vẫn giữ nguyên.
        </Typography.Paragraph>
        <Table<StaleRow>
          size="small"
          pagination={false}
          rowKey="cell"
          dataSource={stale ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'Chỉ tiêu', key: 'i', render: (_, s) => staleName(s) },
            { title: 'Bạn nhập', key: 'mine', className: 'num', render: (_, s) => s.mine || '(xóa)' },
            {
              title: 'Đang lưu', key: 'current', className: 'num', render: (_, s) => (
                <span>
                  <b>{s.current === null ? '(trống)' : shownValue(s.current)}</b>
                  {(s.storedByName ?? s.storedBy) && <div style={{ fontSize: 12 }}>{s.storedByName ?? s.storedBy}</div>}
                  {s.lastUpdated && <div style={{ fontSize: 12 }}>lúc {formatDateTime(s.lastUpdated)}</div>}
                </span>
              ),
            },
          ]}
        />
      </Modal>
      <Modal open={explaining !== null} title="Giải trình số liệu" okText="Lưu giải trình" cancelText="Hủy" onOk={() => void saveExplanation()} onCancel={() => setExplaining(null)}>
        {explaining && (
          <>
            <Typography.Paragraph>
              {cellByIndicator.get(splitCell(explaining.cell).indicator)?.name} ({disaggLabel(catalogue, splitCell(explaining.cell).key)}): {texts[explaining.cell] || '(trống)'}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              Giải trình hiện cho người duyệt bên cạnh kết quả kiểm tra; kết quả kiểm tra vẫn giữ nguyên.
            </Typography.Paragraph>
            <label htmlFor="explanation-text">Nội dung giải trình</label>
            <Input.TextArea id="explanation-text" rows={4} maxLength={2000} value={explaining.text} onChange={(e) => setExplaining({ ...explaining, text: e.target.value })} />
          </>
        )}
      </Modal>
    </div>
  );
}

function WithReport({ scope }: { scope: Scope }) {
  const report = useReport(scope.reportOrg, scope.period);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  return <EntryForm scope={scope} report={report.data} />;
}

export function DataEntryPage() {
  const scope = useScope();
  return (
    <ReportGate scope={scope} title="Nhập số liệu" what="Biểu nhập số liệu đi theo báo cáo của kỳ.">
      {() => <WithReport scope={scope} />}
    </ReportGate>
  );
}
