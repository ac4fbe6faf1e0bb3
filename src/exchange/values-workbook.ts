// The two Excel exports of stored values, shared by `baocao values export --format xlsx`
// and GET /api/values/export?format=xlsx: the data-entry form of a unit (one sheet per
// unit of the subtree, last period's values beside the inputs, optionally limited to
// the indicators a template's text blocks print), and the indicator × unit × period
// table for analysis. Problems (unknown unit or template, bad range) are returned.
import { exportValues } from '../app/values/export-values.ts';
import { loadCatalogue } from '../app/analysis/load-catalogue.ts';
import type { Store } from '../app/ports.ts';
import type { DataValue } from '../core/data-value.ts';
import type { OrgUnit } from '../core/org-unit.ts';
import { previousPeriod } from '../core/period.ts';
import type { Period } from '../core/period.ts';
import { flattenSections } from '../core/report-template.ts';
import { indicatorsOfLiquid, writeValuesForm } from './xlsx-form.ts';
import { expandPeriodRange, writeIndicatorTable } from './xlsx-table.ts';

export type WorkbookResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly units: number; readonly periods: readonly Period[] }
  | { readonly ok: false; readonly problem: string; readonly field: 'org' | 'template' | 'period' };

/** Found problems travel as this until the one place that returns them. */
class Refusal extends Error {
  constructor(message: string, readonly field: 'org' | 'template' | 'period') {
    super(message);
  }
}

export async function exportValuesForm({ store, orgUnit, period, children = false, template }: {
  store: Store; orgUnit: string; period: Period; children?: boolean; template?: string | null;
}): Promise<WorkbookResult> {
  return refusalsAsResult(async () => {
    const units = await unitsOf(store, orgUnit, children);
    const { catalogue } = await loadCatalogue({ store });
    let indicators: string[] | undefined;
    if (template) {
      const found = await store.templates.get(template);
      if (!found) throw new Refusal(`Đề cương "${template}" chưa được khai báo.`, 'template');
      const texts = flattenSections(found.sections).flatMap((section) => section.blocks.flatMap((block) => (block.type === 'text' ? [block.liquid] : [])));
      indicators = indicatorsOfLiquid(texts, catalogue);
    }
    const bytes = await writeValuesForm({
      catalogue, period, units, indicators,
      values: await valuesOf(store, orgUnit, period, children),
      previousValues: await valuesOf(store, orgUnit, previousPeriod(period), children),
    });
    return { ok: true, bytes, units: units.length, periods: [period] };
  });
}

/** `periods` is one period or a range `2022-01..2022-04`. */
export async function exportIndicatorTable({ store, orgUnit, periods: periodText, children = false }: {
  store: Store; orgUnit: string; periods: string; children?: boolean;
}): Promise<WorkbookResult> {
  return refusalsAsResult(async () => {
    const range = expandPeriodRange(periodText);
    if (!range.ok) throw new Refusal(range.problem, 'period');
    const units = await unitsOf(store, orgUnit, children);
    const { catalogue } = await loadCatalogue({ store });
    const values: DataValue[] = [];
    for (const period of range.periods) values.push(...await valuesOf(store, orgUnit, period, children));
    const bytes = await writeIndicatorTable({ catalogue, units, periods: range.periods, values });
    return { ok: true, bytes, units: units.length, periods: range.periods };
  });
}

async function refusalsAsResult(work: () => Promise<WorkbookResult>): Promise<WorkbookResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.message, field: error.field };
    throw error;
  }
}

/** The unit, and with `children` its whole subtree in tree order. */
async function unitsOf(store: Store, code: string, children: boolean): Promise<OrgUnit[]> {
  const all = await store.orgUnits.list();
  const unit = all.find((u) => u.code === code);
  if (!unit) throw new Refusal(`Đơn vị "${code}" chưa được khai báo.`, 'org');
  if (!children) return [unit];
  return all.filter((u) => u.path === unit.path || u.path.startsWith(`${unit.path}/`)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function valuesOf(store: Store, orgUnit: string, period: Period, children: boolean): Promise<readonly DataValue[]> {
  const result = await exportValues({ store, orgUnit, period, children });
  if (!result.ok) throw new Refusal(result.problem, 'org');
  return result.values;
}
