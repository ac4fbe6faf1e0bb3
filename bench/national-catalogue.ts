// A synthetic national catalogue for benchmarks: Việt Nam after July 2025 (34
// provinces, 3,321 communes), 200 indicators of which 60 are broken down by a
// dimension of 2-4 options, and one month of values. Deterministic: same input, same data.
import type { Disaggregation, Indicator } from '../src/core/indicator.ts';
import type { OrgUnit } from '../src/core/org-unit.ts';
import type { ValueRow } from '../src/app/values/value-import.ts';

export const PROVINCES = 34;
export const COMMUNES = 3321;
export const INDICATORS = 200;
export const ROOT = 'vn';
/** The month every generated value belongs to, in DHIS2 form as files carry it. */
export const MONTH_DHIS2 = '202507';
export const MONTH = '2025-07';
/** Not broken down, and generated first: present in every run, however small. */
export const AGGREGATED_INDICATOR = 'ind.000';

export function nationalOrgUnits(): OrgUnit[] {
  const units: OrgUnit[] = [{ code: ROOT, name: 'Việt Nam', parentCode: null, level: 1, path: `/${ROOT}`, kind: 'country' }];
  for (let p = 0; p < PROVINCES; p++) {
    const code = `p${String(p + 1).padStart(2, '0')}`;
    units.push({ code, name: `Tỉnh ${p + 1}`, parentCode: ROOT, level: 2, path: `/${ROOT}/${code}`, kind: 'province' });
  }
  for (let c = 0; c < COMMUNES; c++) {
    // Communes spread evenly over provinces (97 or 98 each).
    const province = units[1 + Math.floor((c * PROVINCES) / COMMUNES)]!;
    const code = `x${String(c + 1).padStart(4, '0')}`;
    units.push({ code, name: `Xã ${c + 1}`, parentCode: province.code, level: 3, path: `${province.path}/${code}`, kind: 'commune' });
  }
  return units;
}

export function nationalDisaggregations(): Disaggregation[] {
  return [2, 3, 4].map((n) => ({
    code: `d${n}`,
    name: `Phân tổ ${n} mục`,
    options: Array.from({ length: n }, (_, i) => ({ code: `o${i + 1}`, name: `Mục ${i + 1}` })),
  }));
}

export function nationalIndicators(): Indicator[] {
  return Array.from({ length: INDICATORS }, (_, i) => {
    const broken = i % 10 >= 5 && i % 10 <= 7;
    return {
      code: `ind.${String(i).padStart(3, '0')}`,
      name: `Chỉ tiêu ${i}`,
      unit: 'lượt',
      kind: 'flow',
      valueType: 'INTEGER',
      disaggregations: broken ? [`d${2 + (i % 3)}`] : [],
      aggregation: { time: 'sum', org: 'sum' },
      decimals: 0,
    };
  });
}

/** `count` rows as a file would hold them: indicator by indicator, option by option, commune by commune. */
export function nationalRows(count: number): ValueRow[] {
  const communes = nationalOrgUnits().filter((unit) => unit.kind === 'commune').map((unit) => unit.code);
  const disaggregations = new Map(nationalDisaggregations().map((d) => [d.code, d]));
  const rows: ValueRow[] = [];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (const indicator of nationalIndicators()) {
    const dimension = indicator.disaggregations[0];
    const keys = dimension ? disaggregations.get(dimension)!.options.map((o) => `${dimension}=${o.code}`) : ['default'];
    for (const disagg of keys) {
      for (const orgUnit of communes) {
        if (rows.length === count) return rows;
        rows.push({ index: rows.length + 2, indicator: indicator.code, period: MONTH_DHIS2, orgUnit, disagg, value: String(next() % 100000) });
      }
    }
  }
  if (rows.length < count) throw new Error(`the catalogue holds at most ${rows.length} values for one month`);
  return rows;
}
