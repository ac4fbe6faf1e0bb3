// Series of one indicator for charts: month by month over a range, for the unit's
// subtree as a whole or for each of its child units, optionally on a slice
// (`service_level=province`). Everything goes through the core Aggregator, so stored
// indicators sum over the subtree and derived ones (shares) are ratios of sums.
import { Aggregator } from '../../core/aggregate.ts';
import type { Indicator } from '../../core/indicator.ts';
import { OrgTree } from '../../core/org-unit.ts';
import { formatPeriod, nextPeriod } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import { loadCatalogue } from './load-catalogue.ts';
import type { Store } from '../ports.ts';
import { cachedRead } from '../read-cache.ts';

/** A chart needs at most five years of months. */
export const MAX_MONTHS = 60;

export interface AnalyticsSeries {
  readonly orgUnit: string;
  readonly name: string;
  /** One value per period of `periods`; null when nothing is stored. */
  readonly values: readonly (number | null)[];
}

export type AnalyzeIndicatorResult =
  | { readonly ok: true; readonly indicator: Indicator; readonly periods: readonly string[]; readonly series: readonly AnalyticsSeries[] }
  | { readonly ok: false; readonly problem: string; readonly field: string };

/** From memory while nothing has been written since (read-cache.ts): dashboards ask often. */
export function analyzeIndicator({ store, indicator, orgUnit, from, to, by = 'month', filter = {} }: {
  store: Store; indicator: string; orgUnit: string; from: Period; to: Period; by?: 'month' | 'unit'; filter?: Readonly<Record<string, string>>;
}): Promise<AnalyzeIndicatorResult> {
  const key = `series:${indicator}:${orgUnit}:${formatPeriod(from)}:${formatPeriod(to)}:${by}:${Object.entries(filter).sort().map(([k, v]) => `${k}=${v}`).join(';')}`;
  return cachedRead(store, key, () => computeSeries(store, indicator, orgUnit, from, to, by, filter));
}

async function computeSeries(
  store: Store, indicator: string, orgUnit: string, from: Period, to: Period, by: 'month' | 'unit', filter: Readonly<Record<string, string>>,
): Promise<AnalyzeIndicatorResult> {
  if (from.type !== 'month' || to.type !== 'month') return { ok: false, problem: 'Biểu đồ theo tháng: from và to là tháng (2022-01).', field: 'from' };
  const months: Period[] = [];
  for (let p = from; formatPeriod(p) <= formatPeriod(to); p = nextPeriod(p)) {
    months.push(p);
    if (months.length > MAX_MONTHS) return { ok: false, problem: `Khoảng thời gian dài quá ${MAX_MONTHS} tháng.`, field: 'to' };
  }
  if (months.length === 0) return { ok: false, problem: 'Tháng bắt đầu (from) phải trước tháng kết thúc (to).', field: 'to' };

  const { catalogue } = await loadCatalogue({ store });
  const found = catalogue.indicator(indicator);
  if (!found) return { ok: false, problem: `Chỉ tiêu "${indicator}" chưa được khai báo.`, field: 'indicator' };
  for (const [dimension, option] of Object.entries(filter)) {
    const disaggregation = catalogue.disaggregation(dimension);
    // A derived indicator slices its parts: any known dimension is accepted for it.
    if (!disaggregation || (found.kind !== 'derived' && !found.disaggregations.includes(dimension) && !(found.attributes ?? []).includes(dimension))) {
      return { ok: false, problem: `Chỉ tiêu "${indicator}" không có phân tổ "${dimension}".`, field: 'filter' };
    }
    if (!disaggregation.options.some((o) => o.code === option)) return { ok: false, problem: `Phân tổ "${dimension}" không có mục "${option}".`, field: 'filter' };
  }
  const { tree } = OrgTree.build(await store.orgUnits.list());
  const unit = tree.get(orgUnit);
  if (!unit) return { ok: false, problem: `Đơn vị "${orgUnit}" chưa được khai báo.`, field: 'org' };

  // Expressions may reach a year back ([-12]).
  const years = [...new Set(months.map((m) => m.year))];
  const values = await store.dataValues.find({ underPath: unit.path, years: [from.year - 1, ...years] });
  const aggregator = new Aggregator({ catalogue, tree, values });
  const units = by === 'unit' ? tree.children(unit.code) : [unit];
  const series = units.map((u) => ({
    orgUnit: u.code, name: u.name,
    values: months.map((month) => aggregator.sliceValue(found.code, month, u.code, filter)),
  }));
  return { ok: true, indicator: found, periods: months.map(formatPeriod), series: by === 'unit' ? series.filter((s) => s.values.some((v) => v !== null)) : series };
}
