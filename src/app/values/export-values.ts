// Stored values of an org unit (or its whole subtree) for a period and every shorter
// period counting towards it (a year also gives its halves, quarters, months, weeks and
// days), in a stable order for files.
import type { DataValue } from '../../core/data-value.ts';
import { formatPeriod, periodsWithin } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import type { Store } from '../ports.ts';

export type ExportValuesResult =
  | { readonly ok: true; readonly values: readonly DataValue[] }
  | { readonly ok: false; readonly problem: string };

export async function exportValues({ store, orgUnit, period, children = false }: {
  store: Store;
  orgUnit: string;
  period: Period;
  children?: boolean;
}): Promise<ExportValuesResult> {
  const unit = await store.orgUnits.get(orgUnit);
  if (!unit) return { ok: false, problem: `Đơn vị "${orgUnit}" chưa được khai báo.` };
  const periods = [...new Set(periodsWithin(period).map(formatPeriod))];
  const values = await store.dataValues.find(children ? { underPath: unit.path, periods } : { orgUnits: [orgUnit], periods });
  return { ok: true, values: [...values].sort(compareValues) };
}

function compareValues(a: DataValue, b: DataValue): number {
  return cmp(a.orgUnit, b.orgUnit) || cmp(a.period, b.period) || cmp(a.attr ?? '', b.attr ?? '') || cmp(a.indicator, b.indicator) || cmp(a.disagg, b.disagg);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
