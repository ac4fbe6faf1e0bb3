// Biểu đồ: any indicator over the months of a year (its total and its breakdown),
// and across units for the chosen month.
import { Card, Col, Row, Segmented, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatNumber } from '../../../src/core/format.ts';
import { parsePeriod, periodLabel } from '../../../src/core/period.ts';
import { useIndicators, useValues } from '../api/queries.ts';
import { EChart } from '../components/EChart.tsx';
import { useScope } from '../components/scope.ts';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { coreKey, disaggLabel } from '../lib/disagg-labels.ts';
import { canonicalPeriod, monthlySeries, shortMonth } from '../lib/series.ts';

const COLORS = ['#1f4e9c', '#d1495b', '#00798c', '#edae49', '#66a182', '#8d6a9f', '#30638e'];
const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v ?? ''));

export function ChartsPage() {
  const scope = useScope();
  const parsed = parsePeriod(scope.period);
  const indicators = useIndicators();
  const stored = useMemo(() => (indicators.data ?? []).filter((i) => i.kind !== 'derived'), [indicators.data]);
  const [code, setCode] = useState<string>('ioffice.docs_issued');
  const [mode, setMode] = useState<'months' | 'units'>('months');
  const year = useValues(scope.org, String(parsed.year), mode === 'units');
  const indicator = stored.find((i) => i.code === code) ?? stored[0];

  const option = useMemo(() => {
    const values = year.data?.dataValues ?? [];
    if (!indicator) return null;
    if (mode === 'months') {
      const keys = [...new Set(values.filter((v) => v.dataElement === indicator.code && v.orgUnit === scope.org).map((v) => coreKey(v.categoryOptionCombo)))].sort();
      const months = [...new Set(values.map((v) => canonicalPeriod(v.period)))].filter((p) => /^\d{4}-\d{2}$/.test(p)).sort();
      if (keys.length === 0) return null;
      return {
        color: COLORS,
        tooltip: { trigger: 'axis', valueFormatter: fmt },
        legend: { bottom: 0 },
        grid: { left: 64, right: 16, top: 24, bottom: 48 },
        xAxis: { type: 'category', data: months.map(shortMonth) },
        yAxis: { type: 'value', axisLabel: { formatter: fmt } },
        series: keys.map((key) => {
          const series = monthlySeries(values, indicator.code, key, scope.org);
          return { name: disaggLabel(key), type: key === '' ? 'line' : 'bar', stack: key === '' ? undefined : 'parts', data: months.map((m) => series.get(m) ?? null), symbolSize: 7 };
        }),
      };
    }
    const month = scope.period;
    const byUnit = new Map<string, number>();
    for (const v of values) {
      if (v.dataElement !== indicator.code || coreKey(v.categoryOptionCombo) !== '' || canonicalPeriod(v.period) !== month) continue;
      byUnit.set(v.orgUnit, (byUnit.get(v.orgUnit) ?? 0) + Number(v.value));
    }
    if (byUnit.size === 0) return null;
    const units = [...byUnit.keys()];
    return {
      color: COLORS,
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      grid: { left: 220, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: fmt } },
      yAxis: { type: 'category', data: units.map((u) => scope.units.find((x) => x.code === u)?.name ?? u) },
      series: [{ type: 'bar', data: units.map((u) => byUnit.get(u) ?? 0), label: { show: true, position: 'right', formatter: (p: { value: unknown }) => fmt(p.value) } }],
    };
  }, [year.data, indicator, mode, scope.org, scope.period, scope.units]);

  return (
    <div>
      <Typography.Title level={1} className="page-title">Biểu đồ</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <label htmlFor="chart-indicator">Chỉ tiêu</label>
          <Select id="chart-indicator" aria-label="Chỉ tiêu" showSearch optionFilterProp="label" style={{ width: 480 }} value={indicator?.code}
            onChange={(v: string) => setCode(v)} options={stored.map((i) => ({ value: i.code, label: `${i.name} (${i.unit})` }))} loading={indicators.isPending} />
          <Segmented<'months' | 'units'> aria-label="Cách xem" value={mode} onChange={setMode} options={[{ value: 'months', label: 'Theo tháng' }, { value: 'units', label: 'Theo đơn vị' }]} />
        </Space>
      </Card>
      <Row>
        <Col span={24}>
          <Card size="small" title={indicator ? `${indicator.name} — ${mode === 'months' ? `năm ${parsed.year}` : periodLabel(parsed)}` : 'Biểu đồ'}>
            {indicators.isPending || year.isPending ? <Loading /> : indicators.isError ? <ErrorState error={indicators.error} /> : year.isError ? <ErrorState error={year.error} onRetry={() => void year.refetch()} /> : option === null ? (
              <EmptyState description="Chưa có số liệu của chỉ tiêu này trong kỳ đã chọn." />
            ) : (
              <EChart option={option} height={420} label={`Biểu đồ ${indicator?.name ?? ''}`} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
