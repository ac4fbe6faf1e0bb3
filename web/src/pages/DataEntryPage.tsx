// Nhập số liệu: the month's figures of one unit, in the template's order, with the
// disaggregations as sub-columns, last period's value and the change beside each
// cell, findings as the user types, Vietnamese numbers ("20.601"), Enter/Tab to move,
// and a save that detects a stale edit: if someone saved the same cell since the
// page loaded, the user sees both values and chooses, nothing is overwritten silently.
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDelta, formatNumber, parseVietnameseNumber } from '../../../src/core/format.ts';
import { formatPeriod, parsePeriod, periodLabel, previousPeriod } from '../../../src/core/period.ts';
import { ApiError, api, messageOf } from '../api/client.ts';
import { useDisaggregations, useIndicators, useReport, useTemplate, useValidation, useValues } from '../api/queries.ts';
import { useSession } from '../api/session.tsx';
import type { DataValue, DataValueSet, DisaggregationView, ImportSummary, Indicator } from '../api/types.ts';
import { useScope } from '../components/scope.ts';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { ValuesFileExchange } from '../components/ValuesFileExchange.tsx';
import { coreKey, disaggLabel, knownOptions } from '../lib/disagg-labels.ts';
import { writableUnits } from '../lib/entry-units.ts';
import { cellId, liveFindings } from '../lib/live-findings.ts';
import type { CellFinding } from '../lib/live-findings.ts';
import { entryGroups } from '../lib/template-order.ts';

type Texts = Record<string, string>; // cellId → text typed

interface StaleCell {
  readonly cell: string;
  readonly indicator: string;
  readonly key: string;
  readonly base: string;
  readonly current: string;
  /** What is stored now, as the server sent it (null: nothing): the base of an overwrite. */
  readonly currentRaw: string | null;
  readonly mine: string;
  readonly by: string | undefined;
  readonly at: string | undefined;
}

interface StaleValue {
  dataElement: string; categoryOptionCombo: string; base: number | null; current: number | null; storedBy: string | null; lastUpdated: string | null;
}

/** The stale values of a 409 from PUT /api/values, or null when the conflict is of another kind. */
function staleOf(details: Record<string, unknown> | undefined): StaleValue[] | null {
  const list = details?.['stale'];
  return Array.isArray(list) && list.length > 0 ? (list as StaleValue[]) : null;
}

function valueMap(set: DataValueSet | undefined): Map<string, DataValue> {
  const map = new Map<string, DataValue>();
  for (const v of set?.dataValues ?? []) map.set(cellId(v.dataElement, coreKey(v.categoryOptionCombo)), v);
  return map;
}

function shown(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? formatNumber(n) : value;
}

/** The cells of an indicator: the total, and each option seen in the data or known for its one dimension. */
function keysOf(indicator: Indicator, seen: readonly string[], catalogue: readonly DisaggregationView[]): string[] {
  const keys = new Set<string>(['']);
  if (indicator.disaggregations.length === 1) {
    const dim = indicator.disaggregations[0] ?? '';
    for (const opt of knownOptions(catalogue, dim)) keys.add(`${dim}=${opt}`);
  }
  for (const key of seen) keys.add(key);
  return [...keys];
}

export function DataEntryPage() {
  const scope = useScope();
  const session = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const writable = useMemo(() => writableUnits(session.me, scope.units), [session.me, scope.units]);
  const [chosenOrg, setChosenOrg] = useState<string | undefined>(undefined);
  const org = chosenOrg ?? (writable.some((u) => u.code === scope.org) ? scope.org : writable[0]?.code ?? scope.org);
  const period = scope.period;
  const previous = formatPeriod(previousPeriod(parsePeriod(period)));

  const indicators = useIndicators();
  const disaggregations = useDisaggregations();
  const report = useReport(scope.org, period);
  const template = useTemplate(report.data?.workflow.template ?? 'stttt-monthly');
  const current = useValues(org, period);
  const before = useValues(org, previous);
  const validation = useValidation(org, period);

  const [texts, setTexts] = useState<Texts>({});
  const [stale, setStale] = useState<StaleCell[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const baseRef = useRef<Map<string, DataValue>>(new Map());

  const currentMap = useMemo(() => valueMap(current.data), [current.data]);
  const previousMap = useMemo(() => valueMap(before.data), [before.data]);

  // The values the edit starts from: what was on the server when the page loaded (or after a save).
  useEffect(() => {
    if (!current.data) return;
    baseRef.current = currentMap;
    const next: Texts = {};
    for (const [cell, v] of currentMap) next[cell] = shown(v.value);
    setTexts(next);
  }, [current.data, currentMap]);

  const inputIndicators = useMemo(() => (indicators.data ?? []).filter((i) => i.kind !== 'derived'), [indicators.data]);
  const byCode = useMemo(() => new Map(inputIndicators.map((i) => [i.code, i])), [inputIndicators]);
  const groups = useMemo(() => entryGroups(template.data, inputIndicators.map((i) => i.code)), [template.data, inputIndicators]);

  const seenKeys = useMemo(() => {
    const seen = new Map<string, Set<string>>();
    for (const map of [currentMap, previousMap]) {
      for (const v of map.values()) {
        const set = seen.get(v.dataElement) ?? new Set<string>();
        set.add(coreKey(v.categoryOptionCombo));
        seen.set(v.dataElement, set);
      }
    }
    return seen;
  }, [currentMap, previousMap]);

  const cellsOf = (indicator: Indicator) => keysOf(indicator, [...(seenKeys.get(indicator.code) ?? [])], disaggregations.data ?? []);

  const findingsByCell = useMemo(() => {
    const map = new Map<string, CellFinding[]>();
    for (const indicator of inputIndicators) {
      const own: Record<string, string> = {};
      for (const key of cellsOf(indicator)) own[key] = texts[cellId(indicator.code, key)] ?? '';
      for (const f of liveFindings(indicator, own)) map.set(f.cell, [...(map.get(f.cell) ?? []), f]);
    }
    return map;
  }, [texts, inputIndicators, seenKeys]);

  const serverFindingsByIndicator = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const f of validation.data?.findings ?? []) {
      for (const code of f.indicators ?? []) map.set(code, [...(map.get(code) ?? []), f.message]);
    }
    return map;
  }, [validation.data]);

  const changedCells = useMemo(() => Object.entries(texts).filter(([cell, text]) => {
    const base = baseRef.current.get(cell);
    return shown(base?.value) !== text.trim();
  }), [texts]);
  const blocking = [...findingsByCell.values()].flat().filter((f) => f.blocking);

  // Enter moves to the next cell, as Tab does; Shift+Enter goes back.
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[data-entry-cell]')];
    const at = inputs.indexOf(event.currentTarget);
    inputs[at + (event.shiftKey ? -1 : 1)]?.focus();
  };

  const save = async (overwrite: boolean) => {
    if (!org) return;
    setSaving(true);
    setSaveError(null);
    const rows = changedCells.map(([cell, text]) => {
      const [indicator = '', key = ''] = cell.split('|');
      const value = parseVietnameseNumber(text);
      return { cell, indicator, key, text: text.trim(), value };
    });
    try {
      // Each value carries what it was based on; the server refuses the whole set with
      // 409 when one of them changed since (checked in the write's own transaction).
      // Overwriting bases the write on what the server showed in the conflict.
      const summary = await api.put<ImportSummary>('/api/values', {
        orgUnit: org,
        period,
        dataValues: rows.map((r) => {
          const base = overwrite ? (stale?.find((s) => s.cell === r.cell)?.currentRaw ?? baseRef.current.get(r.cell)?.value ?? null) : (baseRef.current.get(r.cell)?.value ?? null);
          return { dataElement: r.indicator, categoryOptionCombo: r.key === '' ? 'default' : r.key, value: r.value === null ? '' : String(r.value), base };
        }),
      });
      if (summary.status === 'ERROR' || summary.conflicts.length > 0) {
        setSaveError(summary.conflicts.map((c) => c.message).join(' ') || 'Không ghi được số liệu.');
        return;
      }
      setStale(null);
      message.success(`Đã lưu ${formatNumber(summary.importCount.imported + summary.importCount.updated + summary.importCount.deleted)} số liệu.`);
      await client.invalidateQueries({ queryKey: ['values'] });
      await client.invalidateQueries({ queryKey: ['validation'] });
      await client.invalidateQueries({ queryKey: ['reports'] });
      await client.invalidateQueries({ queryKey: ['analytics'] });
    } catch (error) {
      const staleValues = error instanceof ApiError && error.code === 'conflict' ? staleOf(error.details) : null;
      if (staleValues) {
        setStale(staleValues.map((s) => {
          const cell = cellId(s.dataElement, coreKey(s.categoryOptionCombo));
          const [indicator = '', key = ''] = cell.split('|');
          const raw = s.current === null ? null : String(s.current);
          return {
            cell, indicator, key, base: shown(s.base === null ? '' : String(s.base)), current: shown(raw ?? ''), currentRaw: raw,
            mine: rows.find((r) => r.cell === cell)?.text ?? '', by: s.storedBy ?? undefined, at: s.lastUpdated ?? undefined,
          };
        }));
      } else {
        setSaveError(messageOf(error));
      }
    } finally {
      setSaving(false);
    }
  };

  // After a file import the page shows what is stored now (the values, their findings, the report's figures).
  const refreshAfterImport = async () => {
    for (const key of ['values', 'validation', 'reports', 'analytics']) await client.invalidateQueries({ queryKey: [key] });
  };

  const takeTheirs = async () => {
    setStale(null);
    baseRef.current = new Map();
    await client.invalidateQueries({ queryKey: ['values', org, period] });
  };

  if (indicators.isPending || current.isPending || disaggregations.isPending) return <Loading />;
  if (indicators.isError) return <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  if (inputIndicators.length === 0) return <EmptyState description="Chưa có chỉ tiêu nào trong danh mục." />;

  const unitName = scope.units.find((u) => u.code === org)?.name ?? org;
  const canWrite = writable.some((u) => u.code === org);

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <div>
          <Typography.Title level={1} className="page-title">Nhập số liệu</Typography.Title>
          <Typography.Text type="secondary">{unitName} · {periodLabel(parsePeriod(period))} · so sánh với {periodLabel(parsePeriod(previous))}</Typography.Text>
        </div>
        <Space>
          {writable.length > 1 && (
            <Select aria-label="Đơn vị nhập liệu" value={org} style={{ width: 280 }} onChange={(v: string) => setChosenOrg(v)}
              options={writable.map((u) => ({ value: u.code, label: u.name }))} />
          )}
          <Tag color={changedCells.length ? 'blue' : 'default'}>{changedCells.length} ô đã sửa</Tag>
          <Button icon={<UndoOutlined />} disabled={!changedCells.length || saving} onClick={() => void takeTheirs()}>Hủy thay đổi</Button>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!canWrite || !changedCells.length || blocking.length > 0} onClick={() => void save(false)}>
            Lưu số liệu
          </Button>
        </Space>
      </Space>
      {org && (
        <Space wrap style={{ marginBottom: 12 }} aria-label="Trao đổi số liệu qua tệp">
          <ValuesFileExchange org={org} period={period} template={report.data?.workflow.template} canWrite={canWrite} onImported={refreshAfterImport} />
        </Space>
      )}
      {!canWrite && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Bạn chỉ được xem số liệu của đơn vị này." />}
      {blocking.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`Có ${blocking.length} ô cần sửa trước khi lưu.`} />}
      {saveError && <Alert type="error" showIcon closable style={{ marginBottom: 12 }} title="Không lưu được" description={saveError} onClose={() => setSaveError(null)} role="alert" />}
      {groups.map((group) => (
        <Card key={group.title} size="small" title={group.title} style={{ marginBottom: 12 }}>
          <Table<Indicator>
            className="entry-table"
            size="small"
            pagination={false}
            rowKey="code"
            dataSource={group.codes.flatMap((c) => byCode.get(c) ?? [])}
            columns={[
              {
                title: 'Chỉ tiêu', key: 'name', width: 320,
                render: (_, indicator) => (
                  <div>
                    <div style={{ fontWeight: 500 }}>{indicator.name}</div>
                    <div style={{ fontSize: 12, color: '#667085' }}>{indicator.unit} · {indicator.kind === 'stock' ? 'lũy kế' : 'trong kỳ'}</div>
                    {(serverFindingsByIndicator.get(indicator.code) ?? []).map((m) => <div key={m} className="finding-note warning">{m}</div>)}
                  </div>
                ),
              },
              {
                title: 'Số liệu kỳ này (kỳ trước, thay đổi)', key: 'cells',
                render: (_, indicator) => (
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
                    {cellsOf(indicator).map((key) => {
                      const cell = cellId(indicator.code, key);
                      const text = texts[cell] ?? '';
                      const prev = previousMap.get(cell)?.value;
                      const now = parseVietnameseNumber(text);
                      const findings = findingsByCell.get(cell) ?? [];
                      const severity = findings.some((f) => f.severity === 'error') ? 'has-error' : findings.length ? 'has-warning' : '';
                      const label = `${indicator.name}: ${disaggLabel(disaggregations.data ?? [], key)}`;
                      return (
                        <div key={key} style={{ width: 132 }}>
                          <label htmlFor={`cell-${cell}`} style={{ fontSize: 12, color: '#475467', display: 'block' }}>{disaggLabel(disaggregations.data ?? [], key)}</label>
                          <Input
                            id={`cell-${cell}`}
                            aria-label={label}
                            data-entry-cell={cell}
                            className={`entry-input ${severity}`}
                            value={text}
                            disabled={!canWrite}
                            inputMode="decimal"
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
                              <Tooltip title={`${periodLabel(parsePeriod(previous))}: ${shown(prev)}`}>
                                <span>trước: {shown(prev)}{now !== null ? ` · ${formatDelta(now - Number(prev))}` : ''}</span>
                              </Tooltip>
                            ) : 'kỳ trước: chưa có'}
                          </div>
                          {findings.map((f) => <div key={f.message} className={`finding-note ${f.severity}`} role="alert">{f.message}</div>)}
                        </div>
                      );
                    })}
                  </div>
                ),
              },
            ]}
          />
        </Card>
      ))}
      <Modal
        open={stale !== null}
        title="Số liệu đã được người khác thay đổi"
        width={820}
        onCancel={() => setStale(null)}
        footer={[
          <Button key="theirs" onClick={() => void takeTheirs()}>Lấy số liệu mới (bỏ số của tôi)</Button>,
          <Button key="mine" type="primary" danger onClick={() => void save(true)}>Ghi đè bằng số của tôi</Button>,
        ]}
      >
        <Typography.Paragraph>
          Từ lúc bạn mở trang, các ô dưới đây đã được lưu với giá trị khác. Chưa có gì bị ghi đè; hãy chọn giữ số nào.
        </Typography.Paragraph>
        <Table<StaleCell>
          size="small"
          pagination={false}
          rowKey="cell"
          dataSource={stale ?? []}
          columns={[
            { title: 'Chỉ tiêu', key: 'i', render: (_, s) => `${byCode.get(s.indicator)?.name ?? s.indicator} (${disaggLabel(disaggregations.data ?? [], s.key)})` },
            { title: 'Lúc bạn mở', dataIndex: 'base', className: 'num' },
            { title: 'Hiện đã lưu', key: 'current', className: 'num', render: (_, s) => <span><b>{s.current || '(trống)'}</b>{s.by ? <div style={{ fontSize: 11 }}>{s.by}</div> : null}</span> },
            { title: 'Bạn nhập', dataIndex: 'mine', className: 'num' },
          ]}
        />
      </Modal>
    </div>
  );
}
