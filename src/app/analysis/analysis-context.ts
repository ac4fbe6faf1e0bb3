// What aggregation and validation need for one org unit and period: the catalogue,
// the org tree and the stored values of the unit's subtree over the periods that
// rules and expressions can reach (this year and last, for offsets [-1] and [-12]).
import { Aggregator } from '../../core/aggregate.ts';
import type { Catalogue } from '../../core/indicator.ts';
import { OrgTree } from '../../core/org-unit.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import { periodEnd, periodStart } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import { loadCatalogue } from './load-catalogue.ts';
import type { Store } from '../ports.ts';

export interface AnalysisContext {
  readonly catalogue: Catalogue;
  readonly tree: OrgTree;
  readonly unit: OrgUnit;
  readonly aggregator: Aggregator;
}

/**
 * The calendar years a period's rules and expressions reach: the year before its start
 * (offsets [-1] and [-12]) to the year of its end, which is the next year for a
 * financial year or a week ending in January (their months and days of that year
 * count towards them).
 */
export function yearsReached(period: Period): number[] {
  const first = Number(periodStart(period).slice(0, 4)) - 1;
  const last = Number(periodEnd(period).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** null when the org unit is unknown. */
export async function loadAnalysisContext({ store, orgUnit, period }: { store: Store; orgUnit: string; period: Period }): Promise<AnalysisContext | null> {
  const { catalogue } = await loadCatalogue({ store });
  const { tree } = OrgTree.build(await store.orgUnits.list());
  const unit = tree.get(orgUnit);
  if (!unit) return null;
  const values = await store.dataValues.find({ underPath: unit.path, years: yearsReached(period) });
  return { catalogue, tree, unit, aggregator: new Aggregator({ catalogue, tree, values }) };
}
