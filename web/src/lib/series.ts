// Values over months, read from GET /api/values for a year (which returns its months).
import { formatPeriod, monthsOf, offsetPeriod, parsePeriod } from '../../../src/core/period.ts';
import type { DataValue } from '../api/types.ts';
import { coreKey } from './disagg-labels.ts';

/**
 * The months a chart of `count` months ending with `period` covers, for GET /api/analytics
 * (which takes months): a quarter, a half or a year ends with its last month.
 */
export function monthWindow(period: string, count: number): { from: string; to: string } {
  const parsed = parsePeriod(period);
  const last = parsed.type === 'month' ? parsed : monthsOf(parsed).at(-1) ?? parsed;
  return { from: formatPeriod(offsetPeriod(last, -(count - 1))), to: formatPeriod(last) };
}

/** `202204` or `2022-04` → `2022-04`. */
export function canonicalPeriod(code: string): string {
  try {
    return formatPeriod(parsePeriod(code));
  } catch {
    return code;
  }
}

/** Monthly totals of one indicator and disaggregation key, month → value. */
export function monthlySeries(values: readonly DataValue[], indicator: string, key = '', orgUnit?: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) {
    if (v.dataElement !== indicator || coreKey(v.categoryOptionCombo) !== key) continue;
    if (orgUnit && v.orgUnit !== orgUnit) continue;
    const period = canonicalPeriod(v.period);
    if (!/^\d{4}-\d{2}$/.test(period)) continue;
    const n = Number(v.value);
    if (Number.isFinite(n)) out.set(period, (out.get(period) ?? 0) + n);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** `2022-04` → "T4/2022" for chart axes. */
export function shortMonth(period: string): string {
  const [year, month] = period.split('-');
  return `T${Number(month)}/${year}`;
}
