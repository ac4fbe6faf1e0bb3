// Biểu đồ: any indicator, stored or derived, over the twelve months up to the chosen
// period or across the unit's child units, optionally on a slice of a disaggregation
// (the online share of dossiers at one service level). Values come aggregated from
// the server (GET /api/analytics): subtree sums and ratios of sums.
import { Card, Col, Row, Segmented, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatNumber } from '../../../src/core/format.ts';
import { parsePeriod, periodLabel } from '../../../src/core/period.ts';
import { useAnalytics, useDisaggregations, useIndicators } from '../api/queries.ts';
import type { Indicator } from '../api/types.ts';
import { EChart } from '../components/EChart.tsx';
import { useScope } from '../components/scope.ts';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { monthWindow, shortMonth } from '../lib/series.ts';
import { usePhone } from '../components/use-phone.ts';

const COLORS = ['#1f4e9c', '#d1495b', '#00798c', '#edae49', '#66a182', '#8d6a9f', '#30638e'];

/** The dimensions a chart can slice by: the indicator's own, or for a derived one those of its parts. */
function sliceDimensions(indicator: Indicator | undefined, all: readonly Indicator[]): string[] {
  if (!indicator) return [];
  if (indicator.kind !== 'derived') return indicator.disaggregations;
  const parts = [...(indicator.expression ?? '').matchAll(/#\{([^}:]+)/g)].map((m) => m[1] ?? '');
  return [...new Set(parts.flatMap((code) => all.find((i) => i.code === code)?.disaggregations ?? []))];
}

export function ChartsPage() {
  const scope = useScope();
  const phone = usePhone();
  const parsed = parsePeriod(scope.period);
  const indicators = useIndicators();
  const disaggregations = useDisaggregations();
  const all = useMemo(() => indicators.data ?? [], [indicators.data]);
  const [code, setCode] = useState<string>('ioffice.signed_share');
  const [mode, setMode] = useState<'month' | 'unit'>('month');
  const [slice, setSlice] = useState<string>('');
  const indicator = all.find((i) => i.code === code) ?? all[0];
  const dimensions = sliceDimensions(indicator, all);
  const sliceOptions = [{ value: '', label: 'Tất cả' }, ...dimensions.flatMap((dim) => {
    const d = (disaggregations.data ?? []).find((x) => x.code === dim);
    return (d?.options ?? []).map((o) => ({ value: `${dim}=${o.code}`, label: `${d?.name ?? dim}: ${o.name}` }));
  })];
  const { from, to } = monthWindow(scope.period, 12);
  // Only a unit the user may read (the picker lists no other).
  const analytics = useAnalytics({ indicator: indicator?.code, org: scope.canRead(scope.org) ? scope.org : undefined, from, to, by: mode, ...(slice ? { filter: slice } : {}) });
  const percent = indicator?.unit === '%';
  const fmt = (v: unknown) => (typeof v === 'number' ? `${formatNumber(v, percent ? 2 : undefined)}${percent ? '%' : ''}` : String(v ?? ''));

  const option = useMemo(() => {
    const data = analytics.data;
    if (!data || data.series.every((s) => s.values.every((v) => v === null))) return null;
    if (mode === 'month') {
      // On a phone the months slant and labels that would overlap are left out (the tooltip has every value).
      return {
        color: COLORS,
        tooltip: { trigger: 'axis', valueFormatter: fmt, confine: true },
        grid: { left: phone ? 8 : 72, right: phone ? 8 : 16, top: 24, bottom: phone ? 8 : 32 },
        xAxis: { type: 'category', data: data.periods.map(shortMonth), axisLabel: phone ? { rotate: 45, fontSize: 10 } : {} },
        yAxis: { type: 'value', axisLabel: { formatter: fmt, fontSize: phone ? 10 : 12 } },
        series: data.series.map((s) => ({
          name: s.name, type: percent ? 'line' : 'bar', data: s.values, symbolSize: 7,
          label: { show: true, position: 'top', fontSize: phone ? 10 : 12, formatter: (p: { value: unknown }) => fmt(p.value) },
          labelLayout: { hideOverlap: true },
        })),
      };
    }
    // Across units: the chosen month's value of each child unit.
    const last = data.periods.length - 1;
    const rows = data.series.map((s) => ({ name: s.name, value: s.values[last] ?? null })).filter((r) => r.value !== null);
    if (rows.length === 0) return null;
    return {
      color: COLORS,
      tooltip: { trigger: 'axis', valueFormatter: fmt, confine: true },
      grid: { left: phone ? 8 : 260, right: phone ? 56 : 48, top: 16, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: fmt, fontSize: phone ? 10 : 12, hideOverlap: true } },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: phone ? { width: 120, overflow: 'break', fontSize: 10 } : {} },
      series: [{ type: 'bar', data: rows.map((r) => r.value), label: { show: true, position: 'right', fontSize: phone ? 10 : 12, formatter: (p: { value: unknown }) => fmt(p.value) } }],
    };
  }, [analytics.data, mode, percent, phone]);

  return (
    <div>
      <Typography.Title level={1} className="page-title">Biểu đồ</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <label htmlFor="chart-indicator">Chỉ tiêu</label>
          <Select id="chart-indicator" aria-label="Chỉ tiêu" showSearch optionFilterProp="label" style={{ width: phone ? '100%' : 440 }} value={indicator?.code}
            onChange={(v: string) => { setCode(v); setSlice(''); }} options={all.map((i) => ({ value: i.code, label: `${i.name} (${i.unit})` }))} loading={indicators.isPending} />
          <label htmlFor="chart-slice">Lát cắt</label>
          <Select id="chart-slice" aria-label="Lát cắt" style={{ width: phone ? '100%' : 240 }} value={slice} onChange={(v: string) => setSlice(v)} options={sliceOptions} disabled={dimensions.length === 0} />
          <Segmented<'month' | 'unit'> aria-label="Cách xem" value={mode} onChange={setMode} options={[{ value: 'month', label: 'Theo tháng' }, { value: 'unit', label: 'Theo đơn vị' }]} />
        </Space>
      </Card>
      <Row>
        <Col span={24}>
          <Card size="small" title={indicator ? `${indicator.name}${slice ? ` (${sliceOptions.find((o) => o.value === slice)?.label ?? slice})` : ''} — ${mode === 'month' ? `12 tháng đến ${periodLabel(parsed)}` : periodLabel(parsed)}` : 'Biểu đồ'}>
            {indicators.isPending || analytics.isPending ? <Loading /> : indicators.isError ? <ErrorState error={indicators.error} /> : analytics.isError ? <ErrorState error={analytics.error} onRetry={() => void analytics.refetch()} /> : option === null ? (
              <EmptyState description="Chưa có số liệu của chỉ tiêu này trong kỳ đã chọn." />
            ) : (
              <EChart option={option} height={phone ? 320 : 420} label={`Biểu đồ ${indicator?.name ?? ''}`} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
