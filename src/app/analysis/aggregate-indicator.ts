// One indicator aggregated over an org unit's subtree and a period, with the parts a
// derived indicator was computed from (for `baocao aggregate`).
import type { Explanation } from '../../core/aggregate.ts';
import type { Indicator } from '../../core/indicator.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import type { Period } from '../../core/period.ts';
import { loadAnalysisContext } from './analysis-context.ts';
import type { Store } from '../ports.ts';

export type AggregateIndicatorResult =
  | { readonly ok: true; readonly indicator: Indicator; readonly orgUnit: OrgUnit; readonly explanation: Explanation }
  | { readonly ok: false; readonly problem: string };

export async function aggregateIndicator({ store, indicator, orgUnit, period, filter = {} }: {
  store: Store;
  indicator: string;
  orgUnit: string;
  period: Period;
  filter?: Readonly<Record<string, string>>;
}): Promise<AggregateIndicatorResult> {
  const context = await loadAnalysisContext({ store, orgUnit, period });
  if (!context) return { ok: false, problem: `Đơn vị "${orgUnit}" chưa được khai báo.` };
  const found = context.catalogue.indicator(indicator);
  if (!found) return { ok: false, problem: `Chỉ tiêu "${indicator}" chưa được khai báo.` };
  for (const [dimension, option] of Object.entries(filter)) {
    const disaggregation = context.catalogue.disaggregation(dimension);
    if ((!found.disaggregations.includes(dimension) && !(found.attributes ?? []).includes(dimension)) || !disaggregation) {
      return { ok: false, problem: `Chỉ tiêu "${indicator}" không có phân tổ "${dimension}".` };
    }
    if (option !== '*' && !disaggregation.options.some((o) => o.code === option)) {
      return { ok: false, problem: `Phân tổ "${dimension}" không có mục "${option}".` };
    }
  }
  return { ok: true, indicator: found, orgUnit: context.unit, explanation: context.aggregator.explain(indicator, period, orgUnit, filter) };
}
