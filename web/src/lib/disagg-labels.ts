// Names of disaggregation options for column headers and legends, from the server's
// catalogue (GET /api/disaggregations); an option the catalogue does not know shows
// its code.
import { parseDisaggKey } from '../../../src/core/indicator.ts';
import type { DisaggregationView } from '../api/types.ts';

/** The options of a dimension, in catalogue order. */
export function knownOptions(catalogue: readonly DisaggregationView[], dimension: string): string[] {
  return catalogue.find((d) => d.code === dimension)?.options.map((o) => o.code) ?? [];
}

/** `''` or `default` → "Tổng"; `channel=online;level=province` → "Trực tuyến · Cấp tỉnh". */
export function disaggLabel(catalogue: readonly DisaggregationView[], key: string): string {
  if (key === '' || key === 'default') return 'Tổng';
  const options = parseDisaggKey(key);
  return Object.entries(options).map(([dim, opt]) => catalogue.find((d) => d.code === dim)?.options.find((o) => o.code === opt)?.name ?? opt).join(' · ');
}

/** The API writes the total as `default`; the core's key for it is ''. */
export function coreKey(combo: string): string {
  return combo === 'default' ? '' : combo;
}
