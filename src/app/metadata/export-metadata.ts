// The stored metadata, for `baocao metadata export` (the CLI chooses the file format).
import type { MetadataSet } from './import-metadata.ts';
import type { Store } from '../ports.ts';

export async function exportMetadata({ store }: { store: Store }): Promise<MetadataSet> {
  const [units, disaggregations, indicators, validationRules, templates, optionCombos] = await Promise.all([
    store.orgUnits.list(), store.indicators.listDisaggregations(), store.indicators.listIndicators(), store.validationRules.list(), store.templates.list(),
    store.indicators.listOptionCombos(),
  ]);
  // The file carries the tree's input; level and path are recomputed on import.
  const orgUnits = units.map(({ level: _level, path: _path, ...unit }) => unit);
  return { orgUnits, disaggregations, indicators, validationRules, templates, optionCombos };
}
