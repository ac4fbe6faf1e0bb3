// How codes are written in exchanged values files (shared by the JSON and CSV formats).
import { formatPeriodDhis2, tryParsePeriod } from '../core/period.ts';

/** Our canonical period code (`2022-04`) in DHIS2 form (`202204`); unparsable codes pass through. */
export function dhis2Period(code: string): string {
  const parsed = tryParsePeriod(code);
  return parsed.ok ? formatPeriodDhis2(parsed.period) : code;
}

/** DHIS2 writes the total as the `default` category option combo; ours is the empty key. */
export function exportedDisagg(key: string): string {
  return key === '' ? 'default' : key;
}
