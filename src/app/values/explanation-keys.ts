// How a disaggregation key reads in the API (DHIS2's categoryOptionCombo): the total is
// `default`, a breakdown is the canonical key (`channel=online;service_level=l3`).
import { disaggKey, parseDisaggKey } from '../../core/indicator.ts';

export function exportedDisaggKey(key: string): string {
  return key === '' ? 'default' : key;
}

/** `default`, '' or a key in any pair order → the canonical key; null when a pair is not `dim=option`. */
export function importedDisaggKey(combo: string | null | undefined): string | null {
  const text = (combo ?? '').trim();
  if (text === '' || text.toLowerCase() === 'default') return '';
  if (text.split(';').some((pair) => pair.indexOf('=') <= 0)) return null;
  return disaggKey(parseDisaggKey(text));
}
