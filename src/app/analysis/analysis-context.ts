// What aggregation and validation need for one org unit and period: the catalogue,
// the org tree and the stored values of the unit's subtree over the periods that
// rules and expressions can reach (this year and last, for offsets [-1] and [-12]).
import { Aggregator } from '../../core/aggregate.ts';
import type { Catalogue } from '../../core/indicator.ts';
import { OrgTree } from '../../core/org-unit.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import { formatPeriod } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import { loadCatalogue } from './load-catalogue.ts';
import type { Store } from '../ports.ts';

export interface AnalysisContext {
  readonly catalogue: Catalogue;
  readonly tree: OrgTree;
  readonly unit: OrgUnit;
  readonly aggregator: Aggregator;
}

/** Every period code of the given years: months, quarters, halves and the year. */
export function periodCodesOfYears(years: readonly number[]): string[] {
  const codes: string[] = [];
  for (const year of years) {
    for (let month = 1; month <= 12; month++) codes.push(formatPeriod({ type: 'month', year, index: month }));
    for (let quarter = 1; quarter <= 4; quarter++) codes.push(formatPeriod({ type: 'quarter', year, index: quarter }));
    for (let half = 1; half <= 2; half++) codes.push(formatPeriod({ type: 'half', year, index: half }));
    codes.push(formatPeriod({ type: 'year', year, index: 1 }));
  }
  return codes;
}

/** null when the org unit is unknown. */
export async function loadAnalysisContext({ store, orgUnit, period }: { store: Store; orgUnit: string; period: Period }): Promise<AnalysisContext | null> {
  const { catalogue } = await loadCatalogue({ store });
  const { tree } = OrgTree.build(await store.orgUnits.list());
  const unit = tree.get(orgUnit);
  if (!unit) return null;
  const values = await store.dataValues.find({ underPath: unit.path, periods: periodCodesOfYears([period.year - 1, period.year]) });
  return { catalogue, tree, unit, aggregator: new Aggregator({ catalogue, tree, values }) };
}
