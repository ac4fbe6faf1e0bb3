// What aggregation and validation need for one org unit and period: the catalogue,
// the org tree and the stored values of the unit's subtree over the periods that
// rules and expressions can reach (this year and last, for offsets [-1] and [-12]).
import { Aggregator } from '../../core/aggregate.ts';
import type { Catalogue } from '../../core/indicator.ts';
import { OrgTree } from '../../core/org-unit.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import { formatPeriod, periodsWithin } from '../../core/period.ts';
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
 * Every period code of the given years: the year and every period counting towards it
 * (halves, quarters, bi-months, months, weeks, days), and the financial years and April
 * halves starting in it.
 */
export function periodCodesOfYears(years: readonly number[]): string[] {
  const codes: string[] = [];
  for (const year of years) {
    codes.push(...periodsWithin({ type: 'year', year, index: 1 }).map(formatPeriod));
    for (const type of ['fy-apr', 'fy-jul', 'fy-oct'] as const) codes.push(formatPeriod({ type, year, index: 1 }));
    codes.push(formatPeriod({ type: 'half-apr', year, index: 2 }));
  }
  return [...new Set(codes)];
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
