// What aggregation and validation need for one org unit and period: the catalogue,
// the org tree and the stored values of the unit's subtree over the periods that
// rules and expressions can reach (this year and last, for offsets [-1] and [-12]).
import { Aggregator } from '../../core/aggregate.ts';
import type { Catalogue } from '../../core/indicator.ts';
import { OrgTree } from '../../core/org-unit.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import type { Period } from '../../core/period.ts';
import { loadCatalogue } from './load-catalogue.ts';
import type { Store } from '../ports.ts';

export interface AnalysisContext {
  readonly catalogue: Catalogue;
  readonly tree: OrgTree;
  readonly unit: OrgUnit;
  readonly aggregator: Aggregator;
}

/** null when the org unit is unknown. */
export async function loadAnalysisContext({ store, orgUnit, period }: { store: Store; orgUnit: string; period: Period }): Promise<AnalysisContext | null> {
  const { catalogue } = await loadCatalogue({ store });
  const { tree } = OrgTree.build(await store.orgUnits.list());
  const unit = tree.get(orgUnit);
  if (!unit) return null;
  const values = await store.dataValues.find({ underPath: unit.path, years: [period.year - 1, period.year] });
  return { catalogue, tree, unit, aggregator: new Aggregator({ catalogue, tree, values }) };
}
